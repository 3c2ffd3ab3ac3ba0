package dev.watchword.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {

    private static final List<String> OPTIONS = List.of("-Xmx512m");
    private static final String COMMAND_JAR = "command-service/target/x.jar";

    @TempDir
    Path root;

    @Nested
    class Keys {

        @Test
        void contentKeyWhenOnlyEntryTimesDifferThenSame() throws IOException {
            Path first = jar("a/x.jar", "hello", 1_000_000L);
            Path second = jar("b/x.jar", "hello", 2_000_000_000L);

            assertThat(StartupCache.contentKey(first)).isEqualTo(StartupCache.contentKey(second));
        }

        @Test
        void contentKeyWhenAClassChangesThenDifferent() throws IOException {
            Path first = jar("a/x.jar", "hello", 1_000_000L);
            Path second = jar("b/x.jar", "hellO", 1_000_000L);

            assertThat(StartupCache.contentKey(first)).isNotEqualTo(StartupCache.contentKey(second));
        }

        @Test
        void cacheKeyWhenJavaOptionsDifferThenDifferent() throws IOException {
            Path bootJar = commandJar();

            String small = StartupCache.of(Service.COMMAND, bootJar, StartupCache.Kind.AOT, List.of("-Xmx384m"))
                    .cacheKey();
            String large = StartupCache.of(Service.COMMAND, bootJar, StartupCache.Kind.AOT, List.of("-Xmx512m"))
                    .cacheKey();

            assertThat(small).isNotEqualTo(large);
        }
    }

    @Nested
    class Launch {

        @Test
        void launchWhenNothingMadeYetThenBootJar() throws IOException {
            Path bootJar = commandJar();

            StartupCache cache = StartupCache.of(Service.COMMAND, bootJar, StartupCache.Kind.AOT, OPTIONS);

            assertThat(cache.isReady()).isFalse();
            assertThat(cache.launchArguments()).containsExactly("-jar", bootJar.toString());
        }

        @Test
        void launchWhenExtractedAndTrainedThenExtractedJarWithCache() throws IOException {
            Path bootJar = commandJar();
            StartupCache cache = made(bootJar, StartupCache.Kind.AOT);

            assertThat(cache.isReady()).isTrue();
            assertThat(cache.launchArguments())
                    .containsExactly(
                            "-XX:AOTCache=" + cache.cacheFile(),
                            "-jar",
                            cache.extractedJar().toString());
            assertThat(cache.cacheFile().getParent()).isEqualTo(bootJar.resolveSibling("dev-run"));
        }

        @Test
        void launchWhenTrainedForTwoOptionSetsThenEachKeepsItsCache() throws IOException {
            Path bootJar = commandJar();
            StartupCache tests = made(bootJar, StartupCache.Kind.AOT, List.of("-Xmx384m"));
            StartupCache benchmark = made(bootJar, StartupCache.Kind.AOT, List.of("-Xmx512m"));

            assertThat(tests.isReady()).isTrue();
            assertThat(benchmark.isReady()).isTrue();
            assertThat(tests.cacheFile()).isNotEqualTo(benchmark.cacheFile());
        }

        @Test
        void acceptCacheWhenMoreThanKeptThenOldestDropped() throws IOException {
            Path bootJar = commandJar();
            StartupCache oldest = made(bootJar, StartupCache.Kind.AOT, List.of("-Xmx128m"));
            Files.setLastModifiedTime(oldest.cacheFile(), FileTime.fromMillis(1_000L));
            for (int i = 0; i < StartupCache.KEPT; i++) {
                made(bootJar, StartupCache.Kind.AOT, List.of("-Xmx" + (200 + i) + "m"));
            }

            assertThat(oldest.isReady()).isFalse();
        }

        @Test
        void launchWhenCdsThenSharedArchive() throws IOException {
            Path bootJar = commandJar();
            StartupCache cache = made(bootJar, StartupCache.Kind.CDS);

            assertThat(cache.launchArguments()).first().isEqualTo("-XX:SharedArchiveFile=" + cache.cacheFile());
        }

        @Test
        void launchWhenJarRebuiltWithOtherContentThenBootJarAgain() throws IOException {
            Path bootJar = commandJar();
            made(bootJar, StartupCache.Kind.AOT);

            jar(COMMAND_JAR, "changed", 1_000_000L);
            StartupCache rebuilt = StartupCache.of(Service.COMMAND, bootJar, StartupCache.Kind.AOT, OPTIONS);

            assertThat(rebuilt.isExtracted()).isFalse();
            assertThat(rebuilt.launchArguments()).containsExactly("-jar", bootJar.toString());
        }

        @Test
        void launchWhenJarRebuiltWithSameContentThenCacheKept() throws IOException {
            Path bootJar = commandJar();
            made(bootJar, StartupCache.Kind.AOT);

            jar(COMMAND_JAR, "hello", 9_000_000L);

            assertThat(StartupCache.of(Service.COMMAND, bootJar, StartupCache.Kind.AOT, OPTIONS)
                            .isReady())
                    .isTrue();
        }

        @Test
        void launchWhenOtherJavaOptionsThenBootJarUntilTrainedForThem() throws IOException {
            Path bootJar = commandJar();
            made(bootJar, StartupCache.Kind.AOT);

            StartupCache other = StartupCache.of(Service.COMMAND, bootJar, StartupCache.Kind.AOT, List.of("-Xmx384m"));

            assertThat(other.isExtracted()).isTrue();
            assertThat(other.isReady()).isFalse();
        }

        @Test
        void launchWhenInvalidatedThenBootJar() throws IOException {
            Path bootJar = commandJar();
            StartupCache cache = made(bootJar, StartupCache.Kind.AOT);

            cache.invalidate();

            assertThat(cache.isReady()).isFalse();
            assertThat(cache.launchArguments()).containsExactly("-jar", bootJar.toString());
        }

        @Test
        void discardTrainingWhenATrainingWasStoppedThenItsFilesGoAndTheCacheStays() throws IOException {
            Path bootJar = commandJar();
            StartupCache cache = made(bootJar, StartupCache.Kind.AOT);
            Path output = cache.trainingOutput();
            Path configuration = output.resolveSibling(output.getFileName() + ".config");
            Files.writeString(output, "half");
            Files.writeString(configuration, "recorded");

            cache.discardTraining();

            assertThat(output).doesNotExist();
            assertThat(configuration).doesNotExist();
            assertThat(cache.isReady()).isTrue();
        }

        @Test
        void trainCommandWhenAotThenServiceOptionsAndExitOnRefresh() throws IOException {
            Path bootJar = commandJar();
            StartupCache cache = StartupCache.of(Service.COMMAND, bootJar, StartupCache.Kind.AOT, OPTIONS);

            assertThat(cache.trainCommand("java", cache.trainingOutput()))
                    .containsExactly(
                            "java",
                            "-Xmx512m",
                            "-XX:AOTCacheOutput=" + cache.trainingOutput(),
                            "-Dspring.context.exit=onRefresh",
                            "-jar",
                            cache.extractedJar().toString());
        }
    }

    @Nested
    class Refusal {

        @Test
        void refusedInWhenTheJvmCouldNotMapTheCacheThenTrue() {
            assertThat(StartupCache.refusedIn(List.of(
                            "[0.713s][warning][aot] This file is not the one used while building the shared archive"
                                    + " file: 'lib/events.jar', timestamp has changed",
                            "[0.713s][error  ][aot] An error has occurred while processing the AOT cache.",
                            "  .   ____          _            __ _ _")))
                    .isTrue();
        }

        @Test
        void refusedInWhenTheJvmOnlySkippedClassesThenFalse() {
            assertThat(StartupCache.refusedIn(List.of(
                            "[5.884s][warning][aot] Skipping org/example/Foo: Unlinked class not supported",
                            "Started CommandServiceApplication in 9.1 seconds")))
                    .isFalse();
        }
    }

    @Nested
    class Setting {

        @Test
        void startupCacheWhenUnsetOnJdk25ThenAot() {
            assertThat(config(Map.of()).startupCache(25)).contains(StartupCache.Kind.AOT);
        }

        @Test
        void startupCacheWhenUnsetOnJdk21ThenNone() {
            assertThat(config(Map.of()).startupCache(21)).isEqualTo(Optional.empty());
        }

        @Test
        void startupCacheWhenTrueOnJdk21ThenCds() {
            assertThat(config(Map.of("WATCHWORD_DEV_AOT_CACHE", "true")).startupCache(21))
                    .contains(StartupCache.Kind.CDS);
        }

        @Test
        void startupCacheWhenFalseThenNone() {
            assertThat(config(Map.of("WATCHWORD_DEV_AOT_CACHE", "false")).startupCache(25))
                    .isEqualTo(Optional.empty());
        }

        @Test
        void startupCacheWhenNotABooleanThenRejected() {
            assertThatThrownBy(() ->
                            config(Map.of("WATCHWORD_DEV_AOT_CACHE", "yes")).startupCache(25))
                    .isInstanceOf(DevStackException.class)
                    .hasMessageContaining("WATCHWORD_DEV_AOT_CACHE");
        }

        private DevStackConfig config(Map<String, String> environment) {
            return new DevStackConfig(root, root.resolve(".watchword"), environment, "0.1.0-SNAPSHOT");
        }
    }

    /** Extracted and trained as {@link CacheTraining} leaves it, with stand-ins for the JVM's files. */
    private StartupCache made(Path bootJar, StartupCache.Kind kind) throws IOException {
        return made(bootJar, kind, OPTIONS);
    }

    private StartupCache made(Path bootJar, StartupCache.Kind kind, List<String> options) throws IOException {
        StartupCache cache = StartupCache.of(Service.COMMAND, bootJar, kind, options);
        if (!cache.isExtracted()) {
            Path scratch = cache.extractionScratch();
            Files.createDirectories(scratch);
            Files.writeString(scratch.resolve(bootJar.getFileName()), "extracted");
            cache.acceptExtraction(scratch);
        }
        Path trained = cache.trainingOutput();
        Files.writeString(trained, "cache");
        cache.acceptCache(trained);
        return cache;
    }

    /** command-service's boot jar as first built; a test that rebuilds it writes {@link #COMMAND_JAR} again. */
    private Path commandJar() throws IOException {
        return jar(COMMAND_JAR, "hello", 1_000_000L);
    }

    private Path jar(String path, String content, long entryTime) throws IOException {
        Path jar = root.resolve(path);
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            ZipEntry entry = new ZipEntry("BOOT-INF/classes/App.class");
            entry.setLastModifiedTime(FileTime.fromMillis(entryTime));
            zip.putNextEntry(entry);
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
