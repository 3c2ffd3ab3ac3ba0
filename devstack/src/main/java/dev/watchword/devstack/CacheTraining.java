package dev.watchword.devstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Makes the missing {@link StartupCache}s after the stack is ready, one service at a time, at low priority, so
 * that the run that needs them is never slower or less likely to start: the extraction and a training run that
 * stops once the application context is refreshed (Spring Boot's reference, "AOT Cache"), with the service's own
 * environment. A failure only means no cache, said in one line; the training's output is kept in
 * {@code .watchword/logs/<service>-cache-training.log}.
 */
final class CacheTraining implements AutoCloseable {

    /** A training run is a start-up that stops early; it gets the same time as a start. */
    private final Duration timeout;

    private final Consumer<String> progress;

    private final Path logDirectory;

    private final List<Job> jobs = new ArrayList<>();

    private volatile boolean closed;

    private volatile Process current;

    private Thread thread;

    record Job(StartupCache cache, Map<String, String> environment) {}

    CacheTraining(Duration timeout, Path logDirectory, Consumer<String> progress) {
        this.timeout = timeout;
        this.logDirectory = logDirectory;
        this.progress = progress;
    }

    void add(StartupCache cache, Map<String, String> environment) {
        Map<String, String> trainingEnvironment = new HashMap<>(environment);
        // The web server is created but not started before the context exits; a free port all the same.
        trainingEnvironment.put("SERVER_PORT", "0");
        jobs.add(new Job(cache, Map.copyOf(trainingEnvironment)));
    }

    boolean isEmpty() {
        return jobs.isEmpty();
    }

    /** Starts the work in the background. */
    synchronized void start() {
        if (jobs.isEmpty() || thread != null) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name("devstack-cache-training").start(this::run);
    }

    private void run() {
        for (Job job : jobs) {
            if (closed) {
                return;
            }
            String module = job.cache().service().module();
            long started = System.nanoTime();
            try {
                if (train(job)) {
                    progress.accept("  " + module + ": " + describe(job.cache().kind()) + " made in "
                            + Duration.ofNanos(System.nanoTime() - started).toSeconds()
                            + " s, used from the next start");
                }
            } catch (IOException | RuntimeException ex) {
                if (!closed) {
                    progress.accept("  " + module + ": no "
                            + describe(job.cache().kind()) + " (" + ex.getMessage() + "); it starts without one");
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String describe(StartupCache.Kind kind) {
        return kind == StartupCache.Kind.AOT ? "AOT cache" : "CDS archive";
    }

    /** @return whether a cache was made; false when another dev stack is making it or this one is closing */
    private boolean train(Job job) throws IOException, InterruptedException {
        StartupCache cache = job.cache();
        Path lockFile = cache.cacheFile().resolveSibling(".training.lock");
        Files.createDirectories(lockFile.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null || cache.isReady()) {
                return false;
            }
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = logDirectory.resolve(cache.service().module() + "-cache-training.log");
            if (!cache.isExtracted()) {
                Path scratch = cache.extractionScratch();
                if (!runToEnd(cache.extractCommand(java, scratch), Map.of(), log)) {
                    return false;
                }
                cache.acceptExtraction(scratch);
            }
            Path output = cache.trainingOutput();
            cache.discardTraining();
            try {
                if (!runToEnd(cache.trainCommand(java, output), job.environment(), log)) {
                    return false;
                }
                if (!Files.isRegularFile(output)) {
                    throw new IOException("the training run wrote no cache, see " + log);
                }
                cache.acceptCache(output);
                return true;
            } finally {
                cache.discardTraining();
            }
        }
    }

    /** Runs a command at low priority; false when closed meanwhile. */
    private boolean runToEnd(List<String> command, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        List<String> niced = new ArrayList<>();
        // Below the services the developer is using; the training has no deadline but the start-up timeout.
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            niced.addAll(List.of("/usr/bin/nice", "-n", "10"));
        }
        niced.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(niced)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        if (!environment.isEmpty()) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        synchronized (this) {
            if (closed) {
                return false;
            }
            current = builder.start();
        }
        Process process = current;
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(process);
            throw new IOException("not done within " + timeout.toSeconds() + " s, see " + log);
        }
        if (closed) {
            return false;
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit code " + process.exitValue() + ", see " + log);
        }
        return true;
    }

    /** Stops a training in progress (and the JVM it started to write the cache); nothing half-made is used. */
    @Override
    public void close() {
        Process running;
        synchronized (this) {
            closed = true;
            running = current;
        }
        if (running != null) {
            stop(running);
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
