package io.jitar.core.segment;

/** A class, not an interface: must be refused as a procedure module. */
public class GameService {

    public boolean checkSecret(String secret) {
        return "open sesame".equals(secret);
    }
}
