package io.jitar.examples.datatransportation.account;

/**
 * A data class both segments share: created in segment {@code account}, it travels to segment
 * {@code helpdesk} as JSON ({@code {"firstName":"John","lastName":"Doe"}}) and arrives there as an
 * {@code Account} again. A record needs nothing else to travel.
 */
public record Account(String firstName, String lastName) {
}
