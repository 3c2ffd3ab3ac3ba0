package dev.watchword.devstack;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four services started together by the dev stack (against the machine's PostgreSQL, with the dev stack's
 * embedded Kafka and GreenMail) and driven through the gateway the way a client app would: docs/contract.md,
 * "Public HTTP API".
 */
class WatchwordEndToEndIT {

	private static final String ADMIN_JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static final String PASSWORD = "correct horse battery staple";

	/** The read model and the revocation list are fed by Kafka: eventually consistent, quickly. */
	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final Pattern VERIFICATION_LINK = Pattern.compile("/verify-email#token=([A-Za-z0-9._~-]+)");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static String databaseName;

	private static RunningStack stack;

	@BeforeAll
	static void startStack() throws SQLException {
		Path root = Path.of(System.getProperty("watchword.root", "..")).toAbsolutePath().normalize();
		String version = System.getProperty("watchword.version", DevStackConfig.DEFAULT_VERSION);
		for (String module : List.of("command-service", "query-service", "notification-service", "gateway")) {
			Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
			assertThat(Files.isRegularFile(jar))
				.as("%s is missing. Build the services before this test: ./mvnw -DskipTests package, or let "
						+ "./mvnw verify build them (devstack is last in the reactor).", jar)
				.isTrue();
		}

		databaseName = "watchword_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("CREATE DATABASE " + databaseName);

		// Kept after the run (under target/) so that the services' logs can be read when this test fails.
		Path stateDirectory = Path.of("target", "e2e", databaseName).toAbsolutePath();
		Map<String, String> environment = isolatedEnvironment();
		environment.put("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/" + databaseName);
		// Ports of their own, so that a dev stack running on the same machine is left alone.
		List<String> portVariables = List.of("WATCHWORD_DEV_GATEWAY_PORT", "WATCHWORD_DEV_COMMAND_PORT",
				"WATCHWORD_DEV_QUERY_PORT", "WATCHWORD_DEV_NOTIFICATION_PORT", "WATCHWORD_DEV_KAFKA_PORT",
				"WATCHWORD_DEV_SMTP_PORT", "WATCHWORD_DEV_MAIL_UI_PORT");
		int[] ports = freePorts(portVariables.size());
		for (int i = 0; i < ports.length; i++) {
			environment.put(portVariables.get(i), String.valueOf(ports[i]));
		}

		stack = DevStack.start(new DevStackConfig(root, stateDirectory, environment, version),
				line -> System.out.println("[devstack] " + line));
	}

	@AfterAll
	static void stopStack() throws SQLException {
		try {
			if (stack != null) {
				stack.close();
			}
		}
		finally {
			if (databaseName != null) {
				execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
			}
		}
	}

	@Test
	void clientJourneyWhenDrivenThroughGatewayThenEveryStepAnswersAsTheContractSays() throws Exception {
		String email = "e2e-" + UUID.randomUUID() + "@example.com";

		// given a registration
		HttpResponse<String> registered = post("/api/auth/register/", json("email", email, "password", PASSWORD));
		assertThat(registered.statusCode()).isEqualTo(202);
		assertThat(registered.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

		// when the verification email arrives and its token is posted back
		String token = await("verification email to " + email).atMost(EVENTUALLY)
			.until(() -> verificationToken(email), Optional::isPresent)
			.orElseThrow();
		assertThat(inboxOverHttp(email)).contains("verify-email");
		HttpResponse<String> verified = post("/api/auth/verify-email/", json("token", token));
		assertThat(verified.statusCode()).isEqualTo(200);

		// then login works and the profile says the address is verified
		HttpResponse<String> login = post("/api/auth/login/", json("email", email, "password", PASSWORD));
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(login.body(), "$.token_type")).isEqualTo("Bearer");
		String access = JsonPath.read(login.body(), "$.access");
		String refresh = JsonPath.read(login.body(), "$.refresh");

		await("profile with verified email").atMost(EVENTUALLY).untilAsserted(() -> {
			HttpResponse<String> me = get("/api/users/me/", access);
			assertThat(me.statusCode()).isEqualTo(200);
			assertThat((String) JsonPath.read(me.body(), "$.email")).isEqualTo(email);
			assertThat((Boolean) JsonPath.read(me.body(), "$.email_verified")).isTrue();
		});

		// when the refresh token is rotated, the old one is dead
		HttpResponse<String> refreshed = post("/api/auth/token/refresh/", json("refresh", refresh));
		assertThat(refreshed.statusCode()).isEqualTo(200);
		String rotatedAccess = JsonPath.read(refreshed.body(), "$.access");
		String rotatedRefresh = JsonPath.read(refreshed.body(), "$.refresh");
		assertThat(rotatedRefresh).isNotEqualTo(refresh);

		HttpResponse<String> replayed = post("/api/auth/token/refresh/", json("refresh", refresh));
		assertThat(replayed.statusCode()).isEqualTo(401);
		assertThat(replayed.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));

		// when the session is logged out, neither its refresh token nor its access token works any more
		HttpResponse<String> loggedOut = post("/api/auth/logout/", json("refresh", rotatedRefresh));
		assertThat(loggedOut.statusCode()).isEqualTo(204);

		assertThat(post("/api/auth/token/refresh/", json("refresh", rotatedRefresh)).statusCode()).isEqualTo(401);
		await("access token revoked at /me").atMost(EVENTUALLY)
			.untilAsserted(() -> assertThat(get("/api/users/me/", rotatedAccess).statusCode()).isEqualTo(401));
	}

	private static Optional<String> verificationToken(String email) throws MessagingException, IOException {
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
	private static String inboxOverHttp(String email) throws IOException, InterruptedException {
		String inbox = stack.inboxUrl().orElseThrow() + "/api/messages?to="
				+ URLEncoder.encode(email, StandardCharsets.UTF_8);
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(inbox)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
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

	private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
			.header("Authorization", "Bearer " + bearer)
			.header("Accept", "application/json")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A flat JSON object of string values; the values here never need escaping beyond quotes. */
	private static String json(String... namesAndValues) {
		List<String> members = new ArrayList<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			members.add("\"" + namesAndValues[i] + "\":\"" + namesAndValues[i + 1].replace("\"", "\\\"") + "\"");
		}
		return "{" + String.join(",", members) + "}";
	}

	/** The environment of this JVM without anything that would point the stack at other infrastructure. */
	private static Map<String, String> isolatedEnvironment() {
		Map<String, String> environment = new HashMap<>(System.getenv());
		environment.keySet()
			.removeIf(name -> name.startsWith("WATCHWORD_") || name.startsWith("SPRING_")
					|| name.startsWith("MANAGEMENT_") || name.startsWith("SERVER_")
					|| List.of("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "COMMAND_SERVICE_URL", "QUERY_SERVICE_URL")
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
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free ports", ex);
		}
		finally {
			for (ServerSocket socket : sockets) {
				try {
					socket.close();
				}
				catch (IOException ignored) {
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
