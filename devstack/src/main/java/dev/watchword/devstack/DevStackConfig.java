package dev.watchword.devstack;

import io.github.cdimascio.dotenv.Dotenv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the dev stack runs, read from environment variables (a {@code .env} file fills in what the environment
 * does not set).
 *
 * @param rootDirectory the repository: service jars are {@code <root>/<module>/target/<module>-<version>.jar}
 * @param stateDirectory where generated secrets, the embedded database and logs are kept ({@code .watchword})
 * @param environment the user's variables; every child process gets them, under the dev stack's own
 * @param version the version of the service jars
 */
public record DevStackConfig(Path rootDirectory, Path stateDirectory, Map<String, String> environment, String version) {

    /** The dev run's default browser origins: Vite's dev server and preview, so a new app works as created. */
    public static final String VITE_ORIGINS = "http://localhost:5173,http://127.0.0.1:5173,http://localhost:4173";

    /** The version of the modules this dev stack was built with. */
    public static final String DEFAULT_VERSION = "0.1.0-SNAPSHOT";

    public DevStackConfig {
        environment = Map.copyOf(environment);
    }

    /**
     * Reads the configuration the way {@code ./watchword dev} does: the process environment over the optional
     * {@code .env} file in {@code rootDirectory}, with state under {@code rootDirectory/.watchword} (or
     * {@code WATCHWORD_DEV_STATE_DIR}).
     */
    public static DevStackConfig fromEnvironment(Path rootDirectory) {
        Map<String, String> environment = new HashMap<>();
        Dotenv.configure()
                .directory(rootDirectory.toString())
                .ignoreIfMissing()
                .load()
                .entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)
                .forEach(entry -> environment.put(entry.getKey(), entry.getValue()));
        environment.putAll(System.getenv());
        // A run beside the developer's own (the browser tests) keeps its secrets and logs apart.
        Path state = Optional.ofNullable(environment.get("WATCHWORD_DEV_STATE_DIR"))
                .filter(value -> !value.isBlank())
                .map(Path::of)
                .orElse(rootDirectory.resolve(".watchword"));
        return new DevStackConfig(rootDirectory, state, environment, DEFAULT_VERSION);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }

    /** {@code DATABASE_URL}; when unset, an embedded PostgreSQL is started. */
    Optional<DatabaseUrl> databaseUrl() {
        return get("DATABASE_URL").map(DatabaseUrl::parse);
    }

    /** {@code KAFKA_BOOTSTRAP_SERVERS}; when unset, an in-JVM KRaft broker is started. */
    Optional<String> kafkaBootstrapServers() {
        return get("KAFKA_BOOTSTRAP_SERVERS");
    }

    /** {@code SPRING_MAIL_HOST}; when unset, an in-JVM GreenMail is started. */
    Optional<String> mailHost() {
        return get("SPRING_MAIL_HOST");
    }

    /** {@code WATCHWORD_EVENTS_TOPIC}. The default is {@code watchword.events}. */
    String eventsTopic() {
        return get("WATCHWORD_EVENTS_TOPIC").orElse("watchword.events");
    }

    /** {@code WATCHWORD_DEV_POSTGRES_PORT}. The default is 54329. */
    int postgresPort() {
        return port("WATCHWORD_DEV_POSTGRES_PORT", 54329);
    }

    /** {@code WATCHWORD_DEV_KAFKA_PORT}. The default is 9092. */
    int kafkaPort() {
        return port("WATCHWORD_DEV_KAFKA_PORT", 9092);
    }

    /** {@code WATCHWORD_DEV_SMTP_PORT}. The default is 3025. */
    int smtpPort() {
        return port("WATCHWORD_DEV_SMTP_PORT", 3025);
    }

    /** {@code WATCHWORD_DEV_MAIL_UI_PORT}: GreenMail's web page and REST API. The default is 8025. */
    int mailUiPort() {
        return port("WATCHWORD_DEV_MAIL_UI_PORT", 8025);
    }

    /** The port of each service: {@code WATCHWORD_DEV_<SERVICE>_PORT}, defaults 8080 to 8083 (docs/contract.md). */
    int servicePort(Service service) {
        return port(service.portVariable(), service.defaultPort());
    }

    /** {@code WATCHWORD_PUBLIC_URL}. The default is the gateway, {@code http://localhost:<gateway port>}. */
    String publicUrl() {
        return get("WATCHWORD_PUBLIC_URL").orElse("http://localhost:" + servicePort(Service.GATEWAY));
    }

    /** {@code WATCHWORD_ISSUER}. The default is the public URL. */
    String issuer() {
        return get("WATCHWORD_ISSUER").orElse(publicUrl());
    }

    /** {@code WATCHWORD_JWKS_URI}. The default is command-service's JWK set. */
    String jwksUri() {
        return get("WATCHWORD_JWKS_URI").orElse(serviceUrl(Service.COMMAND) + "/.well-known/jwks.json");
    }

    /**
     * {@code WATCHWORD_INTROSPECTION_CLIENT_ID}: the client allowed to call query-service's token introspection; its
     * secret is generated like the other secrets. The default is {@code watchword-dev}.
     */
    String introspectionClientId() {
        return get("WATCHWORD_INTROSPECTION_CLIENT_ID").orElse("watchword-dev");
    }

    String serviceUrl(Service service) {
        return "http://localhost:" + servicePort(service);
    }

    /**
     * {@code WATCHWORD_DEV_JAVA_OPTS}: JVM options of every service. The default favours start-up time and a small
     * footprint over peak speed: {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx384m}. Whatever is set, on JDK
     * 22 and later the options start with {@code -XX:TrimNativeHeapInterval=5000}, which hands memory the C library
     * keeps after a burst back to the system every 5 s (it chooses neither the JIT nor the collector), and an option
     * set here may override it.
     */
    List<String> javaOptions() {
        return javaOptions(Runtime.version().feature());
    }

    List<String> javaOptions(int javaFeatureVersion) {
        String options = get("WATCHWORD_DEV_JAVA_OPTS").orElse("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx384m");
        List<String> base = javaFeatureVersion >= 22 ? List.of("-XX:TrimNativeHeapInterval=5000") : List.of();
        return Stream.concat(base.stream(), Arrays.stream(options.trim().split("\\s+")))
                .filter(option -> !option.isEmpty())
                .toList();
    }

    /**
     * {@code WATCHWORD_DEV_AOT_CACHE}: whether the services start from the extracted jar with the JVM's cache of it
     * ({@link StartupCache}), made in the background when missing. The default is {@code true} on JDK 25 and later
     * (the AOT cache) and {@code false} before; {@code true} on JDK 21-24 uses a CDS archive instead.
     *
     * @param featureRelease the major version of the JDK that runs the services
     */
    Optional<StartupCache.Kind> startupCache(int featureRelease) {
        boolean enabled = get("WATCHWORD_DEV_AOT_CACHE")
                .map(value -> switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default ->
                        throw new DevStackException(
                                "WATCHWORD_DEV_AOT_CACHE must be true or false, was '" + value + "'");
                })
                .orElse(featureRelease >= 25);
        return enabled ? Optional.of(StartupCache.Kind.forFeatureRelease(featureRelease)) : Optional.empty();
    }

    /** {@code WATCHWORD_DEV_STARTUP_TIMEOUT}: seconds every service gets to become ready. The default is 240. */
    Duration startupTimeout() {
        return Duration.ofSeconds(integer("WATCHWORD_DEV_STARTUP_TIMEOUT", 240));
    }

    Path jarOf(Service service) {
        String module = service.module();
        return rootDirectory.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
    }

    /** A path as short as it can be said: relative to the repository when inside it. */
    String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path root = rootDirectory.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    Path logDirectory() {
        return stateDirectory.resolve("logs");
    }

    boolean hasAllJars() {
        return Arrays.stream(Service.values()).map(this::jarOf).allMatch(Files::isRegularFile);
    }

    private int port(String name, int defaultPort) {
        int port = integer(name, defaultPort);
        if (port < 1 || port > 65535) {
            throw new DevStackException(name + " must be a port number, was " + port);
        }
        return port;
    }

    private int integer(String name, int defaultValue) {
        String value = get(name).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException ex) {
            throw new DevStackException(name + " must be a number, was '" + value + "'");
        }
    }
}
