package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Abuse resistance through the real filter chain, against real PostgreSQL: rate limits with
 * low settings of their own, trusted proxies, CORS, the password policy and {@code Cache-Control}. Its own
 * schema, so that its buckets and its event publisher never meet CommandServiceIT's. The test client connects
 * from 127.0.0.1, the one trusted proxy here, and gives each request a client address of its own in
 * X-Forwarded-For unless a test is about one address.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/postgres",
            "spring.datasource.username=postgres",
            "spring.datasource.password=",
            "spring.datasource.hikari.schema=it_command_limits",
            "spring.flyway.schemas=it_command_limits",
            "spring.flyway.default-schema=it_command_limits",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "watchword.sealing-key=" + ApiITSupport.SEALING_KEY,
            "watchword.proxies.trusted=127.0.0.1/32",
            "watchword.cors.allowed-origins=https://app.example.com",
            "watchword.rate-limits.login.per-ip.capacity=5",
            "watchword.rate-limits.login.per-ip.period=1h",
            "watchword.rate-limits.login.per-email.capacity=3",
            "watchword.rate-limits.login.per-email.period=1h",
            "watchword.rate-limits.register.per-ip.capacity=3",
            "watchword.rate-limits.register.per-ip.period=1h",
            "watchword.rate-limits.register.per-email.capacity=2",
            "watchword.rate-limits.register.per-email.period=1h",
            "watchword.rate-limits.verification-resend.per-ip.capacity=2",
            "watchword.rate-limits.verification-resend.per-ip.period=1h",
            "watchword.rate-limits.verification-resend.per-email.capacity=100",
            "watchword.rate-limits.password-reset.per-email.capacity=1",
            "watchword.rate-limits.password-reset.per-email.period=1h",
            "watchword.rate-limits.otp-verify.per-account.capacity=3",
            "watchword.rate-limits.otp-verify.per-account.period=1h",
            "watchword.rate-limits.password-change.per-account.capacity=2",
            "watchword.rate-limits.password-change.per-account.period=1h",
            "watchword.rate-limits.refresh.per-ip.capacity=2",
            "watchword.rate-limits.refresh.per-ip.period=1h",
            "watchword.rate-limits.password-reset-confirm.per-ip.capacity=2",
            "watchword.rate-limits.password-reset-confirm.per-ip.period=1h"
        })
@EmbeddedKafka(partitions = 1, topics = "watchword.events")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "velvet cactus mirrors 41 otters";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Client trustedProxy;

    @BeforeAll
    void connect() throws IOException {
        trustedProxy = new Client(port, InetAddress.getByName("127.0.0.1"));
    }

    private static String newEmail() {
        return "limits-" + UUID.randomUUID() + "@example.com";
    }

    /** A client address from 198.18.0.0/15 (RFC 2544, benchmarking): random, so buckets of earlier runs do not matter. */
    private static String newClientAddress() {
        int host = ThreadLocalRandom.current().nextInt(1 << 17);
        return "198." + (18 + (host >> 16)) + "." + ((host >> 8) & 0xff) + "." + (host & 0xff);
    }

    private String register(String email) {
        Response response = trustedProxy.post(
                "/api/auth/register/",
                Map.of("email", email, "password", PASSWORD),
                "X-Forwarded-For",
                newClientAddress());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return ownerOf(email);
    }

    private String ownerOf(String email) {
        return jdbc.sql("SELECT user_id FROM email_registry WHERE email = ?")
                .param(email)
                .query(String.class)
                .single();
    }

    private long registered(String email) {
        return jdbc.sql("SELECT count(*) FROM email_registry WHERE email = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private long storedEvents(String userId, String type) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?")
                .params(userId, "%." + type)
                .query(Long.class)
                .single();
    }

    private Response wrongLogin(String email) {
        return trustedProxy.post(
                "/api/auth/login/",
                Map.of("email", email, "password", "not the password 1"),
                "X-Forwarded-For",
                newClientAddress());
    }

    private static void assertRateLimited(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(response.json().get("status").asInt()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    @Nested
    class PerEmail {

        @Test
        void loginWhenAddressOverLimitThen429WithRetryAfterAndAccountUntouched() {
            String email = newEmail();
            String userId = register(email);

            List<Integer> allowed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                allowed.add(wrongLogin(email).status());
            }
            Response limited = wrongLogin(email);
            Response limitedEvenWithRightPassword = trustedProxy.post(
                    "/api/auth/login/",
                    Map.of("email", email, "password", PASSWORD),
                    "X-Forwarded-For",
                    newClientAddress());

            assertThat(allowed).containsOnly(401);
            assertRateLimited(limited);
            assertRateLimited(limitedEvenWithRightPassword);
            // 3 per hour: the next attempt is 20 minutes away
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(19 * 60L, 20 * 60L);
            assertThat(storedEvents(userId, "LoginFailed")).isEqualTo(3);
            assertThat(storedEvents(userId, "LoginSucceeded")).isZero();
        }

        @Test
        void loginWhenLimitedThenKnownAndUnknownAddressesAnswerAlike() {
            String known = newEmail();
            register(known);
            String unknown = newEmail();
            for (int i = 0; i < 3; i++) {
                wrongLogin(known);
                wrongLogin(unknown);
            }

            Response forKnown = wrongLogin(known);
            Response forUnknown = wrongLogin(unknown);

            assertRateLimited(forKnown);
            assertRateLimited(forUnknown);
            assertThat(forKnown.body()).isEqualTo(forUnknown.body());
            assertThat(Long.parseLong(forKnown.header("Retry-After")))
                    .isCloseTo(
                            Long.parseLong(forUnknown.header("Retry-After")), org.assertj.core.data.Offset.offset(2L));
        }

        @Test
        void registerWhenAddressSpelledDifferentlyThenSameBucket() {
            String email = newEmail();
            trustedProxy.post(
                    "/api/auth/register/",
                    Map.of("email", email, "password", PASSWORD),
                    "X-Forwarded-For",
                    newClientAddress());
            trustedProxy.post(
                    "/api/users/register",
                    Map.of("email", " " + email.toUpperCase() + " ", "password", PASSWORD),
                    "X-Forwarded-For",
                    newClientAddress());

            Response third = trustedProxy.post(
                    "/api/auth/register",
                    Map.of("email", email.toUpperCase(), "password", PASSWORD),
                    "X-Forwarded-For",
                    newClientAddress());

            assertRateLimited(third);
        }

        @Test
        void passwordResetWhenOverLimitThenLimitedBeforeAnyController() {
            String email = newEmail();
            trustedProxy.post(
                    "/api/auth/password/reset/", Map.of("email", email), "X-Forwarded-For", newClientAddress());

            Response second = trustedProxy.post(
                    "/api/auth/password/reset", Map.of("email", email), "X-Forwarded-For", newClientAddress());

            assertRateLimited(second);
        }
    }

    @Nested
    class PerClientAddress {

        @Test
        void registerWhenAddressOverLimitThen429NothingStoredAndOtherAddressesUnaffected() {
            String address = newClientAddress();
            List<Integer> allowed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                allowed.add(trustedProxy
                        .post(
                                "/api/auth/register/",
                                Map.of("email", newEmail(), "password", PASSWORD),
                                "X-Forwarded-For",
                                address)
                        .status());
            }
            String refusedEmail = newEmail();
            Response limited = trustedProxy.post(
                    "/api/auth/register/",
                    Map.of("email", refusedEmail, "password", PASSWORD),
                    "X-Forwarded-For",
                    address);
            String otherEmail = newEmail();
            Response other = trustedProxy.post(
                    "/api/auth/register/",
                    Map.of("email", otherEmail, "password", PASSWORD),
                    "X-Forwarded-For",
                    newClientAddress());

            assertThat(allowed).containsOnly(202);
            assertRateLimited(limited);
            assertThat(registered(refusedEmail)).isZero();
            assertThat(other.status()).isEqualTo(202);
            assertThat(registered(otherEmail)).isOne();
        }

        @Test
        void resendWhenClientIsNotATrustedProxyThenItsForwardedForIsIgnored() throws IOException {
            // 127.0.0.2 is loopback too, but not in watchword.proxies.trusted: its X-Forwarded-For is not believed,
            // so a fresh made-up address per request does not buy a fresh bucket.
            Client untrusted = new Client(port, InetAddress.getByName("127.0.0.2"));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(untrusted
                        .post(
                                "/api/auth/verify-email/resend/",
                                Map.of("email", newEmail()),
                                "X-Forwarded-For",
                                newClientAddress())
                        .status());
            }
            List<Integer> throughProxy = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                throughProxy.add(trustedProxy
                        .post(
                                "/api/auth/verify-email/resend/",
                                Map.of("email", newEmail()),
                                "X-Forwarded-For",
                                newClientAddress())
                        .status());
            }

            assertThat(statuses.getLast()).isEqualTo(429);
            assertThat(throughProxy).containsOnly(202);
        }
    }

    @Nested
    class PerAccount {

        private String requestCode(String email) {
            Response requested =
                    trustedProxy.post("/api/auth/otp/", Map.of("email", email), "X-Forwarded-For", newClientAddress());
            assertThat(requested.status()).as(requested.body()).isEqualTo(202);
            return requested.json().get("request_id").asText();
        }

        private Response guess(String requestId) {
            return trustedProxy.post(
                    "/api/auth/otp/verify/",
                    Map.of("request_id", requestId, "code", "000000"),
                    "X-Forwarded-For",
                    newClientAddress());
        }

        @Test
        void otpVerifyWhenGuessesSpreadOverAddressesAndRequestsThenLimitedPerAccount() {
            String email = newEmail();
            String userId = register(email);
            String firstRequest = requestCode(email);
            String secondRequest = requestCode(email);
            String otherUsersRequest = requestCode(newEmailRegistered());

            List<Integer> allowed = List.of(
                    guess(firstRequest).status(),
                    guess(firstRequest).status(),
                    guess(secondRequest).status());
            Response limited = guess(secondRequest);
            Response otherAccount = guess(otherUsersRequest);

            assertThat(allowed).doesNotContain(429);
            assertRateLimited(limited);
            assertThat(otherAccount.status()).isNotEqualTo(429);
            assertThat(storedEvents(userId, "LoginSucceeded")).isZero();
        }

        @Test
        void otpVerifyWhenRequestIdIsADecoyThenLimitedLikeARealOne() {
            String decoy = requestCode(newEmail());

            List<Integer> allowed = List.of(
                    guess(decoy).status(), guess(decoy).status(), guess(decoy).status());
            Response limited = guess(decoy);

            assertThat(allowed).doesNotContain(429);
            assertRateLimited(limited);
        }

        @Test
        void passwordChangeWhenCurrentPasswordGuessedFromManyAddressesThenLimitedPerAccount() {
            String email = newEmail();
            register(email);
            Response login = trustedProxy.post(
                    "/api/auth/login/",
                    Map.of("email", email, "password", PASSWORD),
                    "X-Forwarded-For",
                    newClientAddress());
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            String access = login.json().get("access").asText();
            Map<String, String> guess =
                    Map.of("current_password", "a guess at it 1", "new_password", "quiet harbor violet 77");

            List<Integer> allowed = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                allowed.add(trustedProxy
                        .post(
                                "/api/auth/password/change/",
                                guess,
                                "X-Forwarded-For",
                                newClientAddress(),
                                "Authorization",
                                "Bearer " + access)
                        .status());
            }
            Response limited = trustedProxy.post(
                    "/api/auth/password/change",
                    guess,
                    "X-Forwarded-For",
                    newClientAddress(),
                    "Authorization",
                    "Bearer " + access);

            assertThat(allowed).containsOnly(403);
            assertRateLimited(limited);
        }

        private String newEmailRegistered() {
            String email = newEmail();
            register(email);
            return email;
        }
    }

    @Nested
    class SecretBearingEndpoints {

        @Test
        void refreshWhenAddressOverLimitThen429BeforeAnyLookUp() {
            String address = newClientAddress();
            List<Integer> allowed = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                allowed.add(trustedProxy
                        .post("/api/auth/token/refresh/", Map.of("refresh", "guess-" + i), "X-Forwarded-For", address)
                        .status());
            }

            Response limited = trustedProxy.post(
                    "/api/users/token/refresh", Map.of("refresh", "guess-3"), "X-Forwarded-For", address);

            assertThat(allowed).doesNotContain(429);
            assertRateLimited(limited);
        }

        @Test
        void passwordResetConfirmWhenAddressOverLimitThen429() {
            String address = newClientAddress();
            List<Integer> allowed = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                allowed.add(trustedProxy
                        .post(
                                "/api/auth/password/reset/confirm/",
                                Map.of("token", "guess-" + i, "password", PASSWORD),
                                "X-Forwarded-For",
                                address)
                        .status());
            }

            Response limited = trustedProxy.post(
                    "/api/auth/password/reset/confirm",
                    Map.of("token", "guess-3", "password", PASSWORD),
                    "X-Forwarded-For",
                    address);

            assertThat(allowed).doesNotContain(429);
            assertRateLimited(limited);
        }
    }

    @Nested
    class Addresses {

        private void assertInvalidAddress(Response response) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("code").asText()).isEqualTo("INVALID_EMAIL");
        }

        @Test
        void registerWhenAddressHasADisplayNameThen400AndNothingStored() {
            String local = "ceo" + UUID.randomUUID().toString().substring(0, 8);
            String withName = local + "<attacker-" + local + "@evil.example>";

            Response response = trustedProxy.post(
                    "/api/auth/register/",
                    Map.of("email", withName, "password", PASSWORD),
                    "X-Forwarded-For",
                    newClientAddress());

            assertInvalidAddress(response);
            assertThat(registered(withName)).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM email_registry WHERE email LIKE ?")
                            .param("%" + local + "%")
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        @Test
        void requestsWhenAddressIsNotABareAddrSpecThen400WithTheSameCode() {
            List<String> notBare = List.of(
                    "Ceo <ceo@example.com>",
                    "ceo@example.com (Ceo)",
                    "<ceo@example.com>",
                    "\"ceo\"@example.com",
                    "ceo@[192.0.2.1]",
                    "ceo@example.com,other@example.com",
                    "ceo\u0000@example.com",
                    "ceo@exa mple.com");
            for (String address : notBare) {
                for (String path : List.of(
                        "/api/auth/login/",
                        "/api/auth/password/reset/",
                        "/api/auth/magic-link/",
                        "/api/auth/otp/",
                        "/api/auth/verify-email/resend/")) {
                    assertInvalidAddress(trustedProxy.post(
                            path,
                            Map.of("email", address, "password", PASSWORD),
                            "X-Forwarded-For",
                            newClientAddress()));
                }
            }
        }
    }

    @Nested
    class PasswordPolicy {

        @Test
        void registerWhenPasswordCommonThen400AndNothingStored() {
            String email = newEmail();

            Response response = trustedProxy.post(
                    "/api/auth/register/",
                    Map.of("email", email, "password", "password1"),
                    "X-Forwarded-For",
                    newClientAddress());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("code").asText()).isEqualTo("PASSWORD_TOO_COMMON");
            assertThat(registered(email)).isZero();
        }

        @Test
        void registerWhenPasswordContainsLocalPartThen400AndNothingStored() {
            String local = "grace" + UUID.randomUUID().toString().substring(0, 8);
            String email = local + "@example.com";

            Response response = trustedProxy.post(
                    "/api/users/register/",
                    Map.of("email", email, "password", "my " + local + " secret"),
                    "X-Forwarded-For",
                    newClientAddress());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("code").asText()).isEqualTo("PASSWORD_CONTAINS_EMAIL");
            assertThat(registered(email)).isZero();
        }
    }

    @Nested
    class Headers {

        @Test
        void answersWhenAuthEndpointsThenNeverCacheable() {
            String email = newEmail();
            List<Response> answers = List.of(
                    trustedProxy.post(
                            "/api/auth/register/",
                            Map.of("email", email, "password", PASSWORD),
                            "X-Forwarded-For",
                            newClientAddress()),
                    trustedProxy.post(
                            "/api/auth/register/",
                            Map.of("email", newEmail(), "password", "password1"),
                            "X-Forwarded-For",
                            newClientAddress()),
                    wrongLogin(email),
                    trustedProxy.post(
                            "/api/auth/token/refresh/",
                            Map.of("refresh", "garbage"),
                            "X-Forwarded-For",
                            newClientAddress()),
                    trustedProxy.post(
                            "/api/auth/verify-email/",
                            Map.of("token", "garbage"),
                            "X-Forwarded-For",
                            newClientAddress()),
                    trustedProxy.post(
                            "/api/auth/verify-email/resend/",
                            Map.of("email", email),
                            "X-Forwarded-For",
                            newClientAddress()));

            assertThat(answers).extracting(Response::status).doesNotContain(429, 500);
            assertThat(answers)
                    .allSatisfy(answer -> assertThat(answer.header("Cache-Control"))
                            .as(answer.body())
                            .contains("no-store"));
        }

        @Test
        void preflightWhenOriginAllowedThenAnsweredWithCredentialsForTheRefreshCookie() {
            Response response = trustedProxy.options("/api/auth/login/", "https://app.example.com");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
            assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
            assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        }

        @Test
        void preflightWhenOriginNotAllowedThenRefused() {
            Response response = trustedProxy.options("/api/auth/login/", "https://evil.example");

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        }

        @Test
        void postWhenOriginAllowedThenAnswerReadableByThatOrigin() {
            Response response = trustedProxy.post(
                    "/api/auth/login/",
                    Map.of("email", newEmail(), "password", "x"),
                    "X-Forwarded-For",
                    newClientAddress(),
                    "Origin",
                    "https://app.example.com");

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        }
    }

    /** JSON over HTTP from a chosen local address, with the headers a proxy or a browser would add. */
    static final class Client {

        private final HttpClient http;
        private final String base;

        Client(int port, InetAddress from) {
            this(port, from, InetAddress.getLoopbackAddress());
        }

        Client(int port, InetAddress from, InetAddress to) {
            this.http = HttpClient.newBuilder().localAddress(from).build();
            String host = to.getHostAddress();
            int zone = host.indexOf('%');
            host = zone < 0 ? host : host.substring(0, zone);
            this.base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        Response post(String path, Object body, String... headers) {
            try {
                return send(HttpRequest.newBuilder(URI.create(base + path))
                        .headers(headers)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        Response options(String path, String origin) {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build());
        }

        private Response send(HttpRequest request) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Response(int status, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }
}
