package io.jitar.worker.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.errors.BadRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decoding JAX-RS applied to {@code /rpc} queries before it became a servlet. */
class QueryParametersTest {

    @Test
    void splitsAtAmpersandsAndTheFirstEqualsSign() {
        assertThat(QueryParameters.decode("a=1&b=x=y&c=")).containsExactly(
                Map.entry("a", List.of("1")), Map.entry("b", List.of("x=y")), Map.entry("c", List.of("")));
    }

    @Test
    void formDecodesNamesAndValuesAsUtf8() {
        assertThat(QueryParameters.decode("na%20me=a+b%2Bc&caf%C3%A9=%E2%82%AC&semi=a;b"))
                .containsEntry("na me", List.of("a b+c")).containsEntry("café", List.of("€")).containsEntry("semi", List.of("a;b"));
    }

    @Test
    void aNameWithoutValueIsEmptyAndAnEmptyNameIsIgnored() {
        assertThat(QueryParameters.decode("flag&=lost&&x=1&")).containsExactly(
                Map.entry("flag", List.of("")), Map.entry("x", List.of("1")));
    }

    @Test
    void repeatedNamesKeepEveryValueInOrder() {
        assertThat(QueryParameters.decode("a=1&a=2")).containsExactly(Map.entry("a", List.of("1", "2")));
    }

    @Test
    void noQueryMeansNoParameters() {
        assertThat(QueryParameters.decode(null)).isEmpty();
        assertThat(QueryParameters.decode("")).isEmpty();
        assertThat(QueryParameters.decode("&")).isEmpty();
    }

    @Test
    void aBrokenEscapeIsABadRequestNamingIt() {
        assertThatThrownBy(() -> QueryParameters.decode("ok=1&a=%zz")).isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Malformed query parameter 'a=%zz': ");
    }

    @Test
    void onlyApplicationJsonIsAJsonBody() {
        assertThat(RpcRequests.isJson("application/json")).isTrue();
        assertThat(RpcRequests.isJson(" Application/JSON ; charset=UTF-8")).isTrue();
        assertThat(RpcRequests.isJson("application/*")).isFalse();
        assertThat(RpcRequests.isJson("*/*")).isFalse();
        assertThat(RpcRequests.isJson("application/json-patch+json")).isFalse();
        assertThat(RpcRequests.isJson("text/plain")).isFalse();
        assertThat(RpcRequests.isJson(null)).isFalse();
    }
}
