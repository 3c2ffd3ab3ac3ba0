package dev.watchword.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@code ./watchword dev}: PostgreSQL, Kafka and a mail sink (embedded unless configured), then every service as a
 * child process, each waited on until ready. Tests use {@link #start(DevStackConfig, Consumer)} and close the
 * handle it returns.
 */
public final class DevStack {

    /** Held so that the level set on it sticks: JUL keeps loggers only weakly. */
    private static final java.util.logging.Logger JERSEY = java.util.logging.Logger.getLogger("org.glassfish.jersey");

    private DevStack() {}

    public static void main(String[] args) {
        // Before any thread starts: SLF4J initialised from several threads at once replays with a warning, and
        // GreenMail's Jersey logs its own harmless set-up complaints through JUL.
        org.slf4j.LoggerFactory.getLogger(DevStack.class);
        JERSEY.setLevel(java.util.logging.Level.SEVERE);
        DevStackConfig config;
        try {
            config = DevStackConfig.fromEnvironment(Path.of("").toAbsolutePath());
        } catch (RuntimeException ex) {
            System.err.println("Configuration error: " + ex.getMessage());
            System.exit(2);
            return;
        }
        RunningStack stack = new RunningStack(config);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (!stack.isClosing()) {
                                System.out.println("Stopping Watchword...");
                                stack.close();
                            }
                        },
                        "devstack-shutdown"));
        try {
            launch(stack, config, System.out::println);
        } catch (DevStackException ex) {
            if (stack.isClosing()) {
                return;
            }
            System.err.println();
            System.err.println(ex.getMessage());
            stack.close();
            System.exit(1);
            return;
        }
        System.out.println();
        System.out.println("Watchword is ready: API " + stack.gatewayUrl() + "  inbox "
                + stack.inboxUrl().orElse("(mail goes to " + config.mailHost().orElse("?") + ")"));
        // A developer's app needs these to call POST /api/auth/token/introspect (RFC 7662, HTTP Basic).
        stack.introspectionClient()
                .ifPresent(
                        client -> System.out.println("introspection client: " + client.id() + " / " + client.secret()));
        System.out.println(firstAdminHint(config, stack.gatewayUrl()));
        System.out.println("Logs in " + config.display(config.logDirectory()) + "/. Press Ctrl-C to stop.");

        ServiceProcess exited = stack.awaitAnyExit();
        sleepQuietly(1000);
        if (stack.isClosing()) {
            return;
        }
        System.err.println(exited.service().module() + " stopped with exit code "
                + exited.process().exitValue() + ". Last lines of " + exited.logFile() + ":\n" + exited.tail(40));
        stack.close();
        System.exit(1);
    }

    /**
     * How the first platform operator comes to be: the bootstrap address of {@code WATCHWORD_BOOTSTRAP_ADMIN_EMAIL},
     * granted once it is registered and confirmed from its inbox, never a password printed here.
     */
    static String firstAdminHint(DevStackConfig config, String gatewayUrl) {
        String console = "Admin console: " + gatewayUrl + "/admin/";
        return config.get("WATCHWORD_BOOTSTRAP_ADMIN_EMAIL")
                .map(address -> console + " (platform operator: " + address + ", once that address is registered "
                        + "and confirmed from the inbox; then sign in there)")
                .orElse(
                        console + " (no platform operator yet: set WATCHWORD_BOOTSTRAP_ADMIN_EMAIL=<your address> "
                                + "in the environment or .env, run again, register that address and confirm it from the inbox)");
    }

    /** Starts everything and returns once every service is ready. */
    public static RunningStack start(DevStackConfig config, Consumer<String> progress) {
        RunningStack stack = new RunningStack(config);
        // Should the caller's JVM be stopped without closing the handle, the services must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        try {
            launch(stack, config, progress);
            return stack;
        } catch (RuntimeException ex) {
            stack.close();
            throw ex;
        }
    }

    private static void launch(RunningStack stack, DevStackConfig config, Consumer<String> progress) {
        requireJars(config);
        requireFreePorts(config);
        createDirectories(config.logDirectory());
        Map<String, String> secrets =
                Secrets.loadOrCreate(config.stateDirectory().resolve("secrets.env"), config);

        stack.attach(new IntrospectionClient(
                config.introspectionClientId(), secrets.get(Secrets.INTROSPECTION_CLIENT_SECRET)));

        startInfrastructure(stack, config, progress);

        Map<String, String> shared = new LinkedHashMap<>(secrets);
        DatabaseUrl database = stack.database().url();
        shared.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        if (database.username() != null) {
            shared.put("SPRING_DATASOURCE_USERNAME", database.username());
            shared.put("SPRING_DATASOURCE_PASSWORD", database.password() != null ? database.password() : "");
        }
        shared.put(
                "KAFKA_BOOTSTRAP_SERVERS",
                stack.broker()
                        .map(Broker::bootstrapServers)
                        .orElseGet(() -> config.kafkaBootstrapServers().orElseThrow()));
        stack.mailSink().ifPresent(mail -> {
            shared.put("SPRING_MAIL_HOST", "127.0.0.1");
            shared.put("SPRING_MAIL_PORT", String.valueOf(mail.smtpPort()));
        });
        shared.put("WATCHWORD_PUBLIC_URL", config.publicUrl());
        shared.put("WATCHWORD_ISSUER", config.issuer());
        shared.put("WATCHWORD_JWKS_URI", config.jwksUri());
        shared.put("COMMAND_SERVICE_URL", config.serviceUrl(Service.COMMAND));
        shared.put("QUERY_SERVICE_URL", config.serviceUrl(Service.QUERY));
        // A fresh Vite app (the SDK quick start, docs/sdk.md) calls the dev run from its own origin without a setting.
        if (config.get("WATCHWORD_CORS_ALLOWEDORIGINS").isEmpty()) {
            shared.put("WATCHWORD_CORS_ALLOWEDORIGINS", DevStackConfig.VITE_ORIGINS);
        }
        // /actuator/health/readiness is what the dev stack waits on; Boot enables it only on Kubernetes by itself.
        shared.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");

        Instant deadline = Instant.now().plus(config.startupTimeout());
        List<ServiceProcess> started = new ArrayList<>();
        Optional<StartupCache.Kind> cacheKind =
                config.startupCache(Runtime.version().feature());
        CacheTraining training = new CacheTraining(config.startupTimeout(), config.logDirectory(), progress);
        stack.attach(training);
        Map<ServiceProcess, StartupCache> cached = new HashMap<>();
        Map<ServiceProcess, Map<String, String>> environments = new HashMap<>();
        for (Service service : Service.values()) {
            Map<String, String> environment = new HashMap<>(config.environment());
            environment.putAll(shared);
            if (service == Service.QUERY || service == Service.COMMAND) {
                environment.put("WATCHWORD_INTROSPECTION_CLIENT_ID", config.introspectionClientId());
            }
            // The admin dashboard at /admin: the repository's build of it (npm run build), unless set elsewhere.
            if (service == Service.GATEWAY
                    && config.get("WATCHWORD_DASHBOARD_DIR").isEmpty()) {
                environment.put(
                        "WATCHWORD_DASHBOARD_DIR",
                        config.rootDirectory()
                                .resolve("dashboard")
                                .resolve("dist")
                                .toString());
            }
            environment.keySet().removeIf(name -> Secrets.isWithheldFrom(service, name));
            environment.put("SERVER_PORT", String.valueOf(config.servicePort(service)));
            Path log = config.logDirectory().resolve(service.module() + ".log");
            StartupCache cache = cacheKind
                    .map(kind -> StartupCache.of(service, config.jarOf(service), kind, config.javaOptions()))
                    .orElse(null);
            List<String> launch = cache != null
                    ? cache.launchArguments()
                    : List.of("-jar", config.jarOf(service).toString());
            ServiceProcess process = ServiceProcess.start(
                    service, launch, config.servicePort(service), config.javaOptions(), environment, log);
            stack.attach(process);
            started.add(process);
            environments.put(process, environment);
            String from = "";
            if (cache != null && cache.isReady()) {
                cached.put(process, cache);
                from = ", " + CacheTraining.describe(cache.kind());
            } else if (cache != null) {
                training.add(cache, environment);
            }
            progress.accept("  " + service.module() + ": starting on port " + config.servicePort(service) + " (log "
                    + config.display(log) + from + ")");
        }
        for (ServiceProcess process : started) {
            process.awaitReady(deadline);
            progress.accept("  " + process.service().module() + ": ready");
        }
        cached.forEach((process, cache) -> {
            if (StartupCache.refusedIn(process.head(200))) {
                progress.accept("  " + process.service().module() + ": the JVM could not use its "
                        + CacheTraining.describe(cache.kind()) + " " + config.display(cache.cacheFile())
                        + " and started without it (its log says why); it is made again");
                cache.invalidate();
                training.add(cache, environments.get(process));
            }
        });
        if (!training.isEmpty()) {
            progress.accept("  making the services' " + CacheTraining.describe(cacheKind.orElseThrow())
                    + "s in the background, for a faster next start (WATCHWORD_DEV_AOT_CACHE=false: never)");
            training.start();
        }
    }

    private static void startInfrastructure(RunningStack stack, DevStackConfig config, Consumer<String> progress) {
        Path logs = config.logDirectory();
        List<String> failures = new ArrayList<>();
        // Platform threads: class loading from the nested boot jar pins virtual threads, and with three of them on
        // two carriers the loaders' locks deadlock.
        try (ExecutorService executor =
                Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory())) {
            Future<Database> database = executor.submit(() -> config.databaseUrl()
                    .map(Database::external)
                    .orElseGet(() -> Database.embedded(
                            config.stateDirectory().resolve("postgres"),
                            config.postgresPort(),
                            logs.resolve("postgres.log"))));
            Future<Broker> broker = config.kafkaBootstrapServers().isPresent()
                    ? null
                    : executor.submit(() -> Broker.start(config.kafkaPort(), config.eventsTopic()));
            Future<MailSink> mail = config.mailHost().isPresent()
                    ? null
                    : executor.submit(() -> MailSink.start(config.smtpPort(), config.mailUiPort()));

            await(database, failures).ifPresent(db -> {
                stack.attach(db);
                progress.accept("  postgres: "
                        + (db.isEmbedded()
                                ? "embedded on port " + config.postgresPort() + ", data in "
                                        + config.display(config.stateDirectory().resolve("postgres"))
                                : "DATABASE_URL " + db.url()));
            });
            if (broker != null) {
                await(broker, failures).ifPresent(kafka -> {
                    stack.attach(kafka);
                    if (stack.database() != null) {
                        stack.database().republishEventLog();
                    }
                    progress.accept("  kafka: embedded KRaft broker on " + kafka.bootstrapServers() + ", topic "
                            + config.eventsTopic());
                });
            } else {
                progress.accept("  kafka: KAFKA_BOOTSTRAP_SERVERS "
                        + config.kafkaBootstrapServers().orElseThrow());
            }
            if (mail != null) {
                await(mail, failures).ifPresent(sink -> {
                    stack.attach(sink);
                    progress.accept("  mail: GreenMail SMTP on port " + sink.smtpPort() + ", inbox " + sink.inboxUrl());
                });
            } else {
                progress.accept("  mail: SPRING_MAIL_HOST " + config.mailHost().orElseThrow());
            }
        }
        if (!failures.isEmpty()) {
            throw new DevStackException(String.join("\n", failures));
        }
    }

    private static <T> Optional<T> await(Future<T> future, List<String> failures) {
        try {
            return Optional.of(future.get());
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            failures.add(cause.getMessage() != null ? cause.getMessage() : cause.toString());
            return Optional.empty();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            failures.add("Interrupted during start-up");
            return Optional.empty();
        }
    }

    private static void requireJars(DevStackConfig config) {
        List<String> missing = Arrays.stream(Service.values())
                .map(config::jarOf)
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new DevStackException("Service jar(s) missing:\n  " + String.join("\n  ", missing)
                    + "\nBuild them first: ./mvnw -DskipTests package (./watchword dev does this for you).");
        }
    }

    private static void requireFreePorts(DevStackConfig config) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            ports.put(service.module() + " (" + service.portVariable() + ")", config.servicePort(service));
        }
        if (config.databaseUrl().isEmpty()) {
            ports.put("embedded PostgreSQL (WATCHWORD_DEV_POSTGRES_PORT)", config.postgresPort());
        }
        if (config.kafkaBootstrapServers().isEmpty()) {
            ports.put("embedded Kafka (WATCHWORD_DEV_KAFKA_PORT)", config.kafkaPort());
        }
        if (config.mailHost().isEmpty()) {
            ports.put("GreenMail SMTP (WATCHWORD_DEV_SMTP_PORT)", config.smtpPort());
            ports.put("GreenMail web (WATCHWORD_DEV_MAIL_UI_PORT)", config.mailUiPort());
        }
        List<String> taken = ports.entrySet().stream()
                .filter(entry -> !isFree(entry.getValue()))
                .map(entry -> "port " + entry.getValue() + " for " + entry.getKey())
                .toList();
        if (!taken.isEmpty()) {
            throw new DevStackException("Already in use: " + String.join(", ", taken)
                    + ".\nIs another dev stack running? Stop it, or choose other ports with the variables named.");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException ex) {
            return false;
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException ex) {
            throw new DevStackException("Could not create " + directory + ": " + ex.getMessage(), ex);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
