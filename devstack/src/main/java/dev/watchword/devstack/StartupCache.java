package dev.watchword.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A service's jar in Spring Boot's extracted layout with the JVM's ahead-of-time cache of it: JDK 25's AOT cache
 * (JEP 483, JEP 514, JEP 515: classes loaded and linked, method profiles) or, before JDK 25, a dynamic CDS archive.
 * Both need plain jars on the class path, so the boot jar is extracted first
 * ({@code java -Djarmode=tools -jar x.jar extract}, Spring Boot's reference, "AOT Cache").
 *
 * <p>Everything lives in {@code <module>/target/dev-run/}, beside the jar it was made from, so that a fresh state
 * directory keeps it and {@code mvn clean} drops it with the jar. The extraction is keyed by the jar's content (the
 * names, sizes and CRCs of its entries, not their times, which every build renews); the cache by that content, the
 * JDK and the JVM options, since the JVM refuses a cache made for another class path or JDK. A stale or missing
 * cache is never waited for: the service starts from its boot jar and {@link CacheTraining} makes the cache once
 * the stack is ready, for the next start.
 */
final class StartupCache {

    /** The kind of the JVM's cache file, and the option that trains it and the one that uses it. */
    enum Kind {
        /** JDK 25+: one training run writes the cache on exit (JEP 514). */
        AOT(".aot", "-XX:AOTCacheOutput=", "-XX:AOTCache="),
        /** JDK 21-24: AppCDS, a dynamic archive written on exit. */
        CDS(".jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=");

        private final String filePrefix = "app-";
        private final String fileSuffix;
        private final String trainOption;
        private final String useOption;

        Kind(String fileSuffix, String trainOption, String useOption) {
            this.fileSuffix = fileSuffix;
            this.trainOption = trainOption;
            this.useOption = useOption;
        }

        static Kind forFeatureRelease(int feature) {
            return feature >= 25 ? AOT : CDS;
        }
    }

    private final Service service;
    private final Path bootJar;
    private final Path directory;
    private final Kind kind;
    private final List<String> javaOptions;
    private final String contentKey;

    /** Caches kept per service: the dev run's and the tests' options, and one more. */
    static final int KEPT = 3;

    private StartupCache(Service service, Path bootJar, Kind kind, List<String> javaOptions, String contentKey) {
        this.service = service;
        this.bootJar = bootJar;
        this.directory = bootJar.resolveSibling("dev-run");
        this.kind = kind;
        this.javaOptions = List.copyOf(javaOptions);
        this.contentKey = contentKey;
    }

    static StartupCache of(Service service, Path bootJar, Kind kind, List<String> javaOptions) {
        return new StartupCache(service, bootJar, kind, javaOptions, contentKey(bootJar));
    }

    Service service() {
        return service;
    }

    Kind kind() {
        return kind;
    }

    /**
     * The JVM's cache file, named by its key: runs with other options (the tests' defaults beside a benchmark's)
     * each keep their own.
     */
    Path cacheFile() {
        return directory.resolve(kind.filePrefix + cacheKey().substring(0, 16) + kind.fileSuffix);
    }

    /** Where the extracted jar's libraries are; a training run and the services run from here. */
    Path extractedJar() {
        return directory.resolve("app").resolve(bootJar.getFileName());
    }

    /** Whether a cache made from this jar, on this JDK, with these options is there. */
    boolean isReady() {
        return isExtracted() && Files.isRegularFile(cacheFile());
    }

    /**
     * How to run the service: the extracted jar with its cache when {@link #isReady()}, else the boot jar as it is.
     */
    List<String> launchArguments() {
        List<String> arguments = new ArrayList<>();
        if (isReady()) {
            arguments.add(kind.useOption + cacheFile());
            arguments.add("-jar");
            arguments.add(extractedJar().toString());
        } else {
            arguments.add("-jar");
            arguments.add(bootJar.toString());
        }
        return arguments;
    }

    /** Forgets the cache, so that the next training makes it again (the JVM refused it). */
    void invalidate() {
        try {
            Files.deleteIfExists(cacheFile());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The extracted jar is from this boot jar's content. */
    boolean isExtracted() {
        return Files.isRegularFile(extractedJar())
                && read(directory.resolve("extracted.key"))
                        .filter(contentKey::equals)
                        .isPresent();
    }

    /**
     * The command that extracts the boot jar into {@code destination} (Spring Boot's tools jar mode); the caller
     * then {@link #acceptExtraction(Path) accepts} it.
     */
    List<String> extractCommand(String java, Path destination) {
        return List.of(
                java,
                "-Djarmode=tools",
                "-jar",
                bootJar.toString(),
                "extract",
                "--destination",
                destination.toString());
    }

    /** Scratch space for a new extraction, emptied. */
    Path extractionScratch() throws IOException {
        Path scratch = directory.resolve("app.new");
        deleteTree(scratch);
        Files.createDirectories(directory);
        return scratch;
    }

    /** Puts a finished extraction in place; the old one and any cache made from it go. */
    void acceptExtraction(Path scratch) throws IOException {
        for (Path cache : caches()) {
            Files.delete(cache);
        }
        Files.deleteIfExists(directory.resolve("extracted.key"));
        deleteTree(directory.resolve("app"));
        Files.move(scratch, directory.resolve("app"), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(directory.resolve("extracted.key"), contentKey);
    }

    /** The training run's command: the service's own options, the training option, exit once refreshed. */
    List<String> trainCommand(String java, Path output) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(javaOptions);
        command.add(kind.trainOption + output);
        // Spring Framework stops once every singleton is created, before the web server and consumers start.
        command.add("-Dspring.context.exit=onRefresh");
        command.add("-jar");
        command.add(extractedJar().toString());
        return command;
    }

    /** Where a training run writes, until {@link #acceptCache(Path)}. */
    Path trainingOutput() {
        return directory.resolve(kind.filePrefix + "new" + kind.fileSuffix);
    }

    /**
     * Removes what a training run left behind without finishing: its output and the JVM's intermediate
     * {@code <output>.config} (JEP 514), which is as large as the cache.
     */
    void discardTraining() throws IOException {
        Files.deleteIfExists(trainingOutput());
        Files.deleteIfExists(trainingOutput().resolveSibling(trainingOutput().getFileName() + ".config"));
    }

    /** Puts a trained cache in place, keeping the {@value #KEPT} most recent ones. */
    void acceptCache(Path trained) throws IOException {
        Files.move(trained, cacheFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        List<Path> older = caches().stream()
                .filter(cache -> !cache.equals(cacheFile()))
                .sorted(Comparator.comparing(StartupCache::modified).reversed())
                .toList();
        for (Path cache : older.subList(Math.min(older.size(), KEPT - 1), older.size())) {
            Files.deleteIfExists(cache);
        }
    }

    /** The caches made from the current extraction, for any options. */
    private List<Path> caches() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(kind.filePrefix)
                                && name.endsWith(kind.fileSuffix)
                                && !file.equals(trainingOutput());
                    })
                    .toList();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException ex) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * Whether the service's log says the JVM refused its cache. In its default mode (auto) the JVM then runs without
     * it, and says so at the start of its output with an {@code [error][aot]} or {@code [error][cds]} line.
     */
    static boolean refusedIn(List<String> logLines) {
        return logLines.stream()
                .limit(200)
                .anyMatch(line -> line.contains("][aot]") && line.contains("[error")
                        || line.contains("][cds]") && line.contains("[error"));
    }

    /** The content, the JDK and the options the cache depends on. */
    String cacheKey() {
        return sha256(String.join(
                "\n",
                contentKey,
                System.getProperty("java.home"),
                System.getProperty("java.vm.version"),
                String.join(" ", javaOptions)));
    }

    /** A hash of every entry's name, size and CRC-32: the jar's content, whatever the entries' times say. */
    static String contentKey(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            StringBuilder entries = new StringBuilder();
            zip.stream()
                    .filter(entry -> !entry.isDirectory())
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .forEach(entry -> entries.append(entry.getName())
                            .append(' ')
                            .append(entry.getSize())
                            .append(' ')
                            .append(Long.toHexString(entry.getCrc()))
                            .append('\n'));
            return sha256(entries.toString());
        } catch (IOException ex) {
            throw new DevStackException("Could not read " + jar + ": " + ex.getMessage(), ex);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every JDK", ex);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file).strip())
                    : Optional.empty();
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
