package dev.watchword.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a child JVM, its output in {@code .watchword/logs/<service>.log}. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;

    private final int port;

    private final Path logFile;

    private final Process process;

    private ServiceProcess(Service service, int port, Path logFile, Process process) {
        this.service = service;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    static ServiceProcess start(
            Service service,
            List<String> launch,
            int port,
            List<String> javaOptions,
            Map<String, String> environment,
            Path logFile) {
        // The same java that runs the dev stack, so ./watchword's JDK choice holds for every service.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(javaOptions);
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(service, port, logFile, builder.start());
        } catch (IOException ex) {
            throw new DevStackException("Could not start " + service.module() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Waits until {@code /actuator/health/readiness} answers 200.
     * @throws DevStackException when the process exits first or the deadline passes, with the log's tail
     */
    void awaitReady(Instant deadline) {
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        while (true) {
            if (!process.isAlive()) {
                throw new DevStackException(service.module() + " exited with code " + process.exitValue()
                        + " during start-up. Last lines of " + logFile + ":\n" + tail(40));
            }
            if (isReady(readiness)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DevStackException(service.module() + " was not ready on port " + port
                        + " in time (WATCHWORD_DEV_STARTUP_TIMEOUT). Last lines of " + logFile + ":\n" + tail(40));
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new DevStackException("Interrupted while waiting for " + service.module(), ex);
            }
        }
    }

    private static boolean isReady(URI readiness) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(readiness)
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException ex) {
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The first lines of the log, where the JVM says whether it could use its cache. */
    List<String> head(int lines) {
        try (var stream = Files.lines(logFile, StandardCharsets.ISO_8859_1)) {
            return stream.limit(lines).toList();
        } catch (IOException | java.io.UncheckedIOException ex) {
            return List.of();
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException ex) {
            return "(could not read " + logFile + ": " + ex.getMessage() + ")";
        }
    }

    Service service() {
        return service;
    }

    Process process() {
        return process;
    }

    Path logFile() {
        return logFile;
    }

    /** Asks the service to shut down gracefully (SIGTERM), then kills it if it takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
