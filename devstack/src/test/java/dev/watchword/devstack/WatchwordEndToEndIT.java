package dev.watchword.devstack;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.watchword.devstack.EndToEndStack.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four services started together by the dev stack (against the machine's PostgreSQL, with the dev stack's
 * embedded Kafka and GreenMail) and driven through the gateway the way a client app would: docs/contract.md,
 * "Public HTTP API".
 */
class WatchwordEndToEndIT {

	private static final String PASSWORD = "lantern orbit pickle saga 42";

	/** The read model and the revocation list are fed by Kafka: eventually consistent, quickly. */
	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static EndToEndStack stack;

	@BeforeAll
	static void startStack() throws SQLException {
		stack = EndToEndStack.start("watchword_e2e_");
	}

	@AfterAll
	static void stopStack() throws SQLException {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void clientJourneyWhenDrivenThroughGatewayThenEveryStepAnswersAsTheContractSays() throws Exception {
		String email = "e2e-" + UUID.randomUUID() + "@example.com";

		// given a registration
		HttpResponse<String> registered = stack.post("/api/auth/register/", json("email", email, "password", PASSWORD));
		assertThat(registered.statusCode()).isEqualTo(202);
		assertThat(registered.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

		// when the verification email arrives and its token is posted back
		String token = await("verification email to " + email).atMost(EVENTUALLY)
			.until(() -> stack.verificationToken(email), Optional::isPresent)
			.orElseThrow();
		assertThat(stack.inboxOverHttp(email)).contains("verify-email");
		HttpResponse<String> verified = stack.post("/api/auth/verify-email/", json("token", token));
		assertThat(verified.statusCode()).isEqualTo(200);

		// then login works and the profile says the address is verified
		HttpResponse<String> login = stack.post("/api/auth/login/", json("email", email, "password", PASSWORD));
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(login.body(), "$.token_type")).isEqualTo("Bearer");
		String access = JsonPath.read(login.body(), "$.access");
		String refresh = JsonPath.read(login.body(), "$.refresh");

		await("profile with verified email").atMost(EVENTUALLY).untilAsserted(() -> {
			HttpResponse<String> me = stack.get("/api/users/me/", access);
			assertThat(me.statusCode()).isEqualTo(200);
			assertThat((String) JsonPath.read(me.body(), "$.email")).isEqualTo(email);
			assertThat((Boolean) JsonPath.read(me.body(), "$.email_verified")).isTrue();
		});

		// when the refresh token is rotated, the old one is dead
		HttpResponse<String> refreshed = stack.post("/api/auth/token/refresh/", json("refresh", refresh));
		assertThat(refreshed.statusCode()).isEqualTo(200);
		String rotatedAccess = JsonPath.read(refreshed.body(), "$.access");
		String rotatedRefresh = JsonPath.read(refreshed.body(), "$.refresh");
		assertThat(rotatedRefresh).isNotEqualTo(refresh);

		HttpResponse<String> replayed = stack.post("/api/auth/token/refresh/", json("refresh", refresh));
		assertThat(replayed.statusCode()).isEqualTo(401);
		assertThat(replayed.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));

		// when the session is logged out, neither its refresh token nor its access token works any more
		HttpResponse<String> loggedOut = stack.post("/api/auth/logout/", json("refresh", rotatedRefresh));
		assertThat(loggedOut.statusCode()).isEqualTo(204);

		assertThat(stack.post("/api/auth/token/refresh/", json("refresh", rotatedRefresh)).statusCode()).isEqualTo(401);
		await("access token revoked at /me").atMost(EVENTUALLY)
			.untilAsserted(() -> assertThat(stack.get("/api/users/me/", rotatedAccess).statusCode()).isEqualTo(401));
	}

}
