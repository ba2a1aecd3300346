package io.jitar.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionalRequestTest {

    private static final Instant MODIFIED = Instant.parse("2025-05-05T10:00:00.250Z");
    private static final Asset ASSET = new Asset(AssetPath.parse("app.js").orElseThrow(), Path.of("app.js"),
            "text/javascript", 100, MODIFIED);
    private static final String TAG = ASSET.entityTag();
    private static final String OPAQUE = TAG.substring(2);

    @Test
    void withoutValidatorsItIsAlwaysModified() {
        assertThat(ConditionalRequest.NONE.isNotModified(ASSET)).isFalse();
        assertThat(ConditionalRequest.of(null, null).isNotModified(ASSET)).isFalse();
        assertThat(ConditionalRequest.of(" ", "").isNotModified(ASSET)).isFalse();
    }

    @Test
    void matchingEntityTagIsNotModified() {
        assertThat(ConditionalRequest.of(TAG, null).isNotModified(ASSET)).isTrue();
    }

    @Test
    void entityTagsCompareWeakly() {
        assertThat(ConditionalRequest.of(OPAQUE, null).isNotModified(ASSET)).isTrue();
    }

    @Test
    void anyTagOfAListMatches() {
        assertThat(ConditionalRequest.of("\"other\", " + TAG + " ,W/\"x\"", null).isNotModified(ASSET)).isTrue();
        assertThat(ConditionalRequest.of("\"other\", W/\"x\"", null).isNotModified(ASSET)).isFalse();
    }

    @Test
    void starMatchesAnyAsset() {
        assertThat(ConditionalRequest.of("*", null).isNotModified(ASSET)).isTrue();
    }

    @Test
    void unquotedOrGarbledTagsDoNotMatch() {
        assertThat(ConditionalRequest.of(OPAQUE.replace("\"", ""), null).isNotModified(ASSET)).isFalse();
        assertThat(ConditionalRequest.of("W/", null).isNotModified(ASSET)).isFalse();
    }

    @Test
    void notModifiedSinceTheSameOrALaterSecond() {
        assertThat(ConditionalRequest.of(null, "Mon, 05 May 2025 10:00:00 GMT").isNotModified(ASSET)).isTrue();
        assertThat(ConditionalRequest.of(null, "Mon, 05 May 2025 11:00:00 GMT").isNotModified(ASSET)).isTrue();
    }

    @Test
    void modifiedAfterAnEarlierDate() {
        assertThat(ConditionalRequest.of(null, "Mon, 05 May 2025 09:59:59 GMT").isNotModified(ASSET)).isFalse();
    }

    @Test
    void invalidDateIsIgnored() {
        assertThat(ConditionalRequest.of(null, "not a date").isNotModified(ASSET)).isFalse();
    }

    @Test
    void entityTagWinsOverDate() {
        String future = "Tue, 05 May 2026 10:00:00 GMT";

        assertThat(ConditionalRequest.of("\"stale\"", future).isNotModified(ASSET)).isFalse();
        assertThat(ConditionalRequest.of(TAG, "Mon, 01 Jan 2024 00:00:00 GMT").isNotModified(ASSET)).isTrue();
    }
}
