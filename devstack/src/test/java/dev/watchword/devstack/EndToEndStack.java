package dev.watchword.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four services started by the dev stack for one test class, against a fresh database on the machine's
 * PostgreSQL (127.0.0.1:5432, user {@code postgres}) with the dev stack's embedded Kafka and GreenMail, on
 * random ports, and driven through the gateway the way a client app would. {@link #close()} stops the stack
 * and drops the database; the services' logs stay under {@code target/e2e/<database>/}.
 */
final class EndToEndStack implements AutoCloseable {

    private static final String ADMIN_JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private static final Pattern VERIFICATION_LINK = Pattern.compile("/verify-email#token=([A-Za-z0-9._~-]+)");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String databaseName;

    private final DevStackConfig config;

    private RunningStack stack;

    private EndToEndStack(String databaseName, DevStackConfig config, RunningStack stack) {
        this.databaseName = databaseName;
        this.config = config;
        this.stack = stack;
    }

    /**
     * Starts the stack on a new database named {@code <databasePrefix><random>}.
     * @param databasePrefix lower case letters, digits and underscores, e.g. {@code watchword_e2e_}
     */
    static EndToEndStack start(String databasePrefix) throws SQLException {
        return start(databasePrefix, Map.of());
    }

    /**
     * As {@link #start(String)}, with variables of the test's own for every service, e.g. rate limits raised so that
     * a test class making many requests from one address measures its flows, not the limits.
     */
    static EndToEndStack start(String databasePrefix, Map<String, String> serviceEnvironment) throws SQLException {
        Path root = Path.of(System.getProperty("watchword.root", ".."))
                .toAbsolutePath()
                .normalize();
        String version = System.getProperty("watchword.version", DevStackConfig.DEFAULT_VERSION);
        for (String module : List.of("command-service", "query-service", "notification-service", "gateway")) {
            Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
            assertThat(Files.isRegularFile(jar))
                    .as(
                            "%s is missing. Build the services before this test: ./mvnw -DskipTests package, or let "
                                    + "./mvnw verify build them (devstack is last in the reactor).",
                            jar)
                    .isTrue();
        }

        String databaseName =
                databasePrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + databaseName);

        // Kept after the run (under target/) so that the services' logs can be read when a test fails.
        Path stateDirectory = Path.of("target", "e2e", databaseName).toAbsolutePath();
        Map<String, String> environment = isolatedEnvironment();
        environment.putAll(serviceEnvironment);
        environment.put("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/" + databaseName);
        // No background training of the AOT cache: no test's stack lives long enough to use it, and it takes a core.
        environment.putIfAbsent("WATCHWORD_DEV_AOT_CACHE", "false");
        // Ports of their own, so that a dev stack running on the same machine is left alone.
        List<String> portVariables = List.of(
                "WATCHWORD_DEV_GATEWAY_PORT",
                "WATCHWORD_DEV_COMMAND_PORT",
                "WATCHWORD_DEV_QUERY_PORT",
                "WATCHWORD_DEV_NOTIFICATION_PORT",
                "WATCHWORD_DEV_KAFKA_PORT",
                "WATCHWORD_DEV_SMTP_PORT",
                "WATCHWORD_DEV_MAIL_UI_PORT");
        int[] ports = freePorts(portVariables.size());
        for (int i = 0; i < ports.length; i++) {
            environment.put(portVariables.get(i), String.valueOf(ports[i]));
        }

        DevStackConfig config = new DevStackConfig(root, stateDirectory, environment, version);
        try {
            return new EndToEndStack(databaseName, config, startStack(config));
        } catch (RuntimeException | Error ex) {
            execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
            throw ex;
        }
    }

    String gatewayUrl() {
        return stack.gatewayUrl();
    }

    /** The name of this stack's database on the machine's PostgreSQL. */
    String databaseName() {
        return databaseName;
    }

    /** Stops every service; the database and the state directory stay for {@link #startAgain()}. */
    void stop() {
        stack.close();
    }

    /** Starts every service again on the same database, state directory and ports, after {@link #stop()}. */
    void startAgain() {
        stack = startStack(config);
    }

    /** Where the services write their logs, one {@code <module>.log} each. */
    Path logDirectory() {
        return config.logDirectory();
    }

    private static RunningStack startStack(DevStackConfig config) {
        return DevStack.start(config, line -> System.out.println("[devstack] " + line));
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON POST as the holder of {@code bearer}, an access token. */
    HttpResponse<String> post(String path, String body, String bearer) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON PUT as the holder of {@code bearer}. */
    HttpResponse<String> put(String path, String body, String bearer) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path, String bearer) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Accept", "application/json")
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A form POST (RFC 7662 section 2.1), with HTTP Basic client credentials when {@code client} is given; id and
     * secret form-encoded first, as RFC 6749 section 2.3.1 asks.
     */
    HttpResponse<String> postForm(String path, Map<String, String> form, IntrospectionClient client)
            throws IOException, InterruptedException {
        String body = String.join(
                "&",
                form.entrySet().stream()
                        .map(field -> formEncode(field.getKey()) + "=" + formEncode(field.getValue()))
                        .toList());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (client != null) {
            String credentials = formEncode(client.id()) + ":" + formEncode(client.secret());
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The credentials the dev stack generated for query-service's token introspection. */
    IntrospectionClient introspectionClient() {
        return stack.introspectionClient().orElseThrow();
    }

    /** The mail sink's JSON API, read as a person's mail client would. */
    Inbox inbox() {
        return new Inbox(stack.inboxUrl().orElseThrow());
    }

    /**
     * The platform operator's access token: the bootstrap address ({@code WATCHWORD_BOOTSTRAP_ADMIN_EMAIL} of this
     * stack) registered, confirmed through its emailed link with the password (confirming clears one chosen before),
     * and signed in once the grant reached its token.
     */
    String platformOperatorToken(String operator, String password) throws Exception {
        registerVerified(operator, password);
        return org.awaitility.Awaitility.await("the operator's permissions")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            HttpResponse<String> login =
                                    post("/api/auth/login/", json("email", operator, "password", password));
                            return login.statusCode() == 200 ? JsonPath.<String>read(login.body(), "$.access") : "";
                        },
                        token -> !token.isEmpty() && claims(token).contains("apps:write"));
    }

    /**
     * A user as a client app makes one: registered, and verified with the link from the email together with the
     * password (the first proof of the mailbox drops a password chosen before it, so it is set again).
     */
    void registerVerified(String email, String password) throws Exception {
        assertThat(post("/api/auth/register/", json("email", email, "password", password))
                        .statusCode())
                .isEqualTo(202);
        String verification =
                inbox().awaitMessage(email, "Confirm your email address").linkToken("/verify-email");
        assertThat(post("/api/auth/verify-email/", json("token", verification, "password", password))
                        .statusCode())
                .isEqualTo(200);
    }

    /** The JSON claims of a JWT, read without checking its signature. */
    static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The token of the first verification link mailed to {@code email}, once one arrived. */
    Optional<String> verificationToken(String email) throws MessagingException, IOException {
        MimeMessage[] received = stack.mailSink().orElseThrow().greenMail().getReceivedMessages();
        for (MimeMessage message : received) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().contains(email))) {
                Matcher link = VERIFICATION_LINK.matcher(textOf(message));
                if (link.find()) {
                    return Optional.of(link.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /** The inbox as a person would read it: the mail sink's JSON API on the dev stack's web port. */
    String inboxOverHttp(String email) throws IOException, InterruptedException {
        String inbox =
                stack.inboxUrl().orElseThrow() + "/api/messages?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(inbox)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The {@code code} member of an RFC 9457 problem, or {@code null} when the body is not one. */
    static String problemCode(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .as("Content-Type of %s", response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return JsonPath.read(response.body(), "$.code");
    }

    /** A flat JSON object of string values; the values here never need escaping beyond quotes. */
    static String json(String... namesAndValues) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.add("\"" + namesAndValues[i] + "\":\"" + namesAndValues[i + 1].replace("\"", "\\\"") + "\"");
        }
        return "{" + String.join(",", members) + "}";
    }

    @Override
    public void close() throws SQLException {
        try {
            stack.close();
        } finally {
            execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
        }
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(textOf(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return "";
    }

    /** The environment of this JVM without anything that would point the stack at other infrastructure. */
    private static Map<String, String> isolatedEnvironment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment
                .keySet()
                .removeIf(name -> name.startsWith("WATCHWORD_")
                        || name.startsWith("SPRING_")
                        || name.startsWith("MANAGEMENT_")
                        || name.startsWith("SERVER_")
                        || List.of(
                                        "DATABASE_URL",
                                        "KAFKA_BOOTSTRAP_SERVERS",
                                        "COMMAND_SERVICE_URL",
                                        "QUERY_SERVICE_URL")
                                .contains(name));
        return environment;
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException ex) {
            throw new IllegalStateException("No free ports", ex);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a probe socket cannot fail in a way that matters here.
                }
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_JDBC_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
