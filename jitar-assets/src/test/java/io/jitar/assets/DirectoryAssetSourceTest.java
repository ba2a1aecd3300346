package io.jitar.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryAssetSourceTest {

    @TempDir
    Path temp;

    private Path root;
    private Path outside;
    private DirectoryAssetSource source;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(temp.resolve("root"));
        outside = Files.createDirectories(temp.resolve("outside"));
        write(root.resolve("index.html"), "<h1>hi</h1>");
        write(root.resolve("assets/app.js"), "console.log(1)");
        write(root.resolve(".env"), "SECRET=1");
        write(outside.resolve("secret.txt"), "top secret");
        source = new DirectoryAssetSource(root);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private Optional<Asset> find(String raw) {
        return source.find(AssetPath.parse(raw).orElseThrow());
    }

    @Test
    void findsRegularFilesWithTheirMetadata() throws IOException {
        Instant modified = Instant.parse("2025-06-07T08:09:10Z");
        Files.setLastModifiedTime(root.resolve("assets/app.js"), FileTime.from(modified));

        Asset asset = find("/assets/app.js").orElseThrow();

        assertThat(asset.path()).hasToString("assets/app.js");
        assertThat(asset.file()).isEqualTo(root.toRealPath().resolve("assets/app.js"));
        assertThat(asset.contentType()).isEqualTo("text/javascript;charset=utf-8");
        assertThat(asset.size()).isEqualTo(14);
        assertThat(asset.lastModified()).isEqualTo(modified);
    }

    @Test
    void missingFileIsEmpty() {
        assertThat(find("/nothing.html")).isEmpty();
        assertThat(find("/assets/nothing/deeper.js")).isEmpty();
    }

    @Test
    void foldersAreNotAssets() {
        assertThat(find("/assets")).isEmpty();
        assertThat(source.find(AssetPath.parse("/").orElseThrow())).isEmpty();
    }

    @Test
    void hiddenFilesAreFoundBecauseTheWhitelistDecides() {
        assertThat(find("/.env")).isPresent();
    }

    @Test
    void symbolicLinkLeadingOutsideTheRootIsMissing() throws IOException {
        Files.createSymbolicLink(root.resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("assets/out"), outside);
        Files.createSymbolicLink(root.resolve("up"), root.getParent());

        assertThat(find("/leak.txt")).isEmpty();
        assertThat(find("/assets/out/secret.txt")).isEmpty();
        assertThat(find("/up/outside/secret.txt")).isEmpty();
    }

    @Test
    void symbolicLinkInsideTheRootIsFollowed() throws IOException {
        Files.createSymbolicLink(root.resolve("main.js"), root.resolve("assets/app.js"));

        Asset asset = find("/main.js").orElseThrow();

        assertThat(asset.file()).isEqualTo(root.toRealPath().resolve("assets/app.js"));
        assertThat(asset.path()).hasToString("main.js");
    }

    @Test
    void brokenSymbolicLinkIsMissing() throws IOException {
        Files.createSymbolicLink(root.resolve("broken.js"), root.resolve("gone.js"));

        assertThat(find("/broken.js")).isEmpty();
    }

    @Test
    void rootThatIsItselfALinkIsResolvedOnce() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("current"), root);

        DirectoryAssetSource linked = new DirectoryAssetSource(link);

        assertThat(linked.root()).isEqualTo(root.toRealPath());
        assertThat(linked.find(AssetPath.parse("/index.html").orElseThrow())).isPresent();
    }

    @Test
    void refusesAMissingRootOrAFile() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DirectoryAssetSource(temp.resolve("none")))
                .withMessageContaining("is not an existing folder");
        assertThatIllegalArgumentException().isThrownBy(() -> new DirectoryAssetSource(root.resolve("index.html")))
                .withMessageContaining("is not an existing folder");
    }
}
