package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.command.password.HashingBulkhead;
import dev.watchword.command.password.HashingSettings;
import dev.watchword.command.timing.UniformResponseTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The checks of a password or an address through the public API: what a wrong current password costs a
 * session, what an email change tells about other accounts, which code a bad new password gets, and how long
 * the answers that name an address take. Same configuration as {@link CommandServiceIT}, so Spring reuses its
 * context.
 */
class CredentialChecksIT extends ApiITSupport {

    private static final String NEW_PASSWORD = "quiet harbor violet 77";

    @Value("${watchword.timing.floor}")
    Duration floor;

    @Autowired
    HashingBulkhead bulkhead;

    @Autowired
    HashingSettings hashing;

    @Autowired
    UniformResponseTime timing;

    private List<String> eventTypesOf(String userId) {
        return jdbc
                .sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")
                .param(userId)
                .query(String.class)
                .list()
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    private Duration timed(Supplier<Http.Response> request) {
        long start = System.nanoTime();
        request.get();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    // --- email change: the password first, one answer whether the new address is taken or not -----------

    @Test
    void emailChangeWhenPasswordWrongThenSameAnswerForTakenAndFreeAddressAndOwnerNotTold() {
        String owner = newEmail();
        String ownerId = register(owner);
        register(newEmail());
        String email = newEmail();
        register(email);
        String access = login(email, PASSWORD).get("access").asText();
        long ownerEvents = eventsOf(ownerId);

        Http.Response taken = http.postWithBearer(
                "/api/auth/email/change/", access, Map.of("password", "guess guess", "new_email", owner));
        Http.Response free = http.postWithBearer(
                "/api/auth/email/change/", access, Map.of("password", "guess guess", "new_email", newEmail()));

        assertThat(taken.status()).as(taken.body()).isEqualTo(free.status()).isEqualTo(403);
        assertThat(taken.json().get("code").asText())
                .isEqualTo(free.json().get("code").asText())
                .isEqualTo("CURRENT_PASSWORD_WRONG");
        assertThat(eventsOf(ownerId))
                .as("the taken address's owner is not emailed")
                .isEqualTo(ownerEvents);
    }

    @Test
    void emailChangeWhenPasswordRightThenSameAnswerForTakenAndFreeAddressAndOnlyOwnerOfTakenTold() {
        String owner = newEmail();
        String ownerId = register(owner);
        String email = newEmail();
        String userId = register(email);
        String access = login(email, PASSWORD).get("access").asText();

        Http.Response taken = http.postWithBearer(
                "/api/auth/email/change/", access, Map.of("password", PASSWORD, "new_email", owner));
        Http.Response free = http.postWithBearer(
                "/api/auth/email/change/", access, Map.of("password", PASSWORD, "new_email", newEmail()));

        assertThat(taken.status()).isEqualTo(free.status()).isEqualTo(202);
        assertThat(taken.body()).isEqualTo(free.body());
        assertThat(eventTypesOf(ownerId)).endsWith("RegistrationAttemptedForTakenEmail");
        assertThat(eventTypesOf(userId).stream().filter("EmailChangeRequested"::equals))
                .hasSize(1);
    }

    // --- a stolen access token guessing the current password ----------------------------------------------

    @Test
    void currentPasswordWhenWrongAsOftenAsTheLockoutThresholdThenFailuresRecordedAndThatSessionEnds() {
        String email = newEmail();
        String userId = register(email);
        JsonNode stolen = login(email, PASSWORD);
        JsonNode owners = login(email, PASSWORD);
        String access = stolen.get("access").asText();

        List<Http.Response> answers = List.of(
                http.postWithBearer(
                        "/api/auth/password/change/",
                        access,
                        Map.of("current_password", "guess 1 guess", "new_password", NEW_PASSWORD)),
                http.postWithBearer(
                        "/api/auth/email/change/",
                        access,
                        Map.of("password", "guess 2 guess", "new_email", newEmail())),
                http.postWithBearer(
                        "/api/auth/password/change/",
                        access,
                        Map.of("current_password", "guess 3 guess", "new_password", NEW_PASSWORD)),
                http.postWithBearer(
                        "/api/auth/password/change/",
                        access,
                        Map.of("current_password", "guess 4 guess", "new_password", NEW_PASSWORD)),
                http.postWithBearer(
                        "/api/auth/password/change/",
                        access,
                        Map.of("current_password", "guess 5 guess", "new_password", NEW_PASSWORD)));
        Http.Response sixth = http.postWithBearer(
                "/api/auth/password/change/",
                access,
                Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD));

        assertThat(answers)
                .extracting(r -> r.json().get("code").asText())
                .containsExactly(
                        "CURRENT_PASSWORD_WRONG",
                        "CURRENT_PASSWORD_WRONG",
                        "CURRENT_PASSWORD_WRONG",
                        "CURRENT_PASSWORD_WRONG",
                        "INVALID_TOKEN");
        assertThat(sixth.status()).isEqualTo(401);
        assertThat(eventTypesOf(userId).stream().filter("CurrentPasswordCheckFailed"::equals))
                .hasSize(5);
        assertThat(eventTypesOf(userId))
                .contains("LoginLocked", "SessionRevoked")
                .doesNotContain("PasswordChanged");
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", stolen.get("refresh").asText()))
                        .status())
                .isEqualTo(401);
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", owners.get("refresh").asText()))
                        .status())
                .as("the owner's other session lives on")
                .isEqualTo(200);
    }

    // --- check first, hash last; the hashing bulkhead -----------------------------------------------------

    @Test
    void hashingWhenEverySlotBusyThenServerBusyWithRetryAfterButAWrongResetTokenIsStillAnsweredWithoutHashing()
            throws Exception {
        String email = newEmail();
        String userId = register(email);
        String wrongToken = userId + "." + "B".repeat(43);
        CountDownLatch holding = new CountDownLatch(hashing.permits());
        CountDownLatch release = new CountDownLatch(1);
        Http.Response login;
        Http.Response reset;
        try (ExecutorService slots = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < hashing.permits(); i++) {
                slots.submit(() -> bulkhead.run(() -> {
                    holding.countDown();
                    try {
                        return release.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }));
            }
            holding.await();
            try {
                login = http.post("/api/auth/login/", Map.of("email", email, "password", PASSWORD));
                reset = http.post(
                        "/api/auth/password/reset/confirm/", Map.of("token", wrongToken, "password", NEW_PASSWORD));
            } finally {
                release.countDown();
            }
        }

        assertThat(login.status()).as(login.body()).isEqualTo(503);
        assertThat(login.json().get("code").asText()).isEqualTo("SERVER_BUSY");
        assertThat(login.header("Retry-After"))
                .isEqualTo(Long.toString(hashing.maxWait().toSeconds()));
        assertThat(reset.json().get("code").asText())
                .as("the token is checked before anything is hashed")
                .isEqualTo("INVALID_RESET_TOKEN");
        assertThat(login(email, PASSWORD).get("access").asText())
                .as("the slots came back")
                .isNotBlank();
    }

    // --- new passwords: the policy's codes, not bean validation's ----------------------------------------

    @Test
    void registerWhenPasswordSevenCharactersThenPasswordTooShort() {
        Http.Response response = http.post("/api/auth/register/", Map.of("email", newEmail(), "password", "abcdefg"));
        Http.Response veryLong =
                http.post("/api/auth/register/", Map.of("email", newEmail(), "password", "x".repeat(5000)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(veryLong.json().get("code").asText()).isEqualTo("PASSWORD_TOO_LONG");
    }

    @Test
    void loginWhenPasswordOfTheLongestLengthInSurrogatePairsThenSignsIn() {
        String email = newEmail();
        String longest = "\uD83D\uDD11".repeat(1024);
        Http.Response registered = http.post("/api/auth/register/", Map.of("email", email, "password", longest));

        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        assertThat(login(email, longest).get("access").asText()).isNotBlank();
    }

    @Test
    void passwordChangeWhenNewPasswordTooShortOrMissingThenPolicyCodes() {
        String email = newEmail();
        register(email);
        String access = login(email, PASSWORD).get("access").asText();

        Http.Response shortOne = http.postWithBearer(
                "/api/auth/password/change/", access, Map.of("current_password", PASSWORD, "new_password", "abcdefg"));
        Http.Response missing =
                http.postWithBearer("/api/auth/password/change/", access, Map.of("current_password", PASSWORD));
        Http.Response longOne = http.postWithBearer(
                "/api/auth/password/change/",
                access,
                Map.of("current_password", PASSWORD, "new_password", "x".repeat(1025)));
        Http.Response veryLong = http.postWithBearer(
                "/api/auth/password/change/",
                access,
                Map.of("current_password", PASSWORD, "new_password", "x".repeat(5000)));

        assertThat(shortOne.json().get("code").asText()).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(missing.json().get("code").asText()).isEqualTo("PASSWORD_REQUIRED");
        assertThat(longOne.json().get("code").asText()).isEqualTo("PASSWORD_TOO_LONG");
        assertThat(veryLong.json().get("code").asText()).isEqualTo("PASSWORD_TOO_LONG");
    }

    @Test
    void resetConfirmWhenNewPasswordTooShortOrMissingThenPolicyCodes() {
        String email = newEmail();
        String userId = register(email);
        String token = userId + "." + "A".repeat(43);

        Http.Response shortOne =
                http.post("/api/auth/password/reset/confirm/", Map.of("token", token, "password", "abcdefg"));
        Http.Response missing = http.post("/api/auth/password/reset/confirm/", Map.of("token", token));
        Http.Response longOne =
                http.post("/api/auth/password/reset/confirm/", Map.of("token", token, "password", "x".repeat(1025)));

        assertThat(shortOne.json().get("code").asText()).as(shortOne.body()).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(missing.json().get("code").asText()).isEqualTo("PASSWORD_REQUIRED");
        assertThat(longOne.json().get("code").asText()).isEqualTo("PASSWORD_TOO_LONG");
    }

    // --- the uniform timing floor -------------------------------------------------------------------------

    @Test
    void loginWhenAddressUnknownOrPasswordWrongThenAnswerTakesAtLeastLoginsFloorWhichIsAtMostTheCap() {
        String email = newEmail();
        register(email);

        Duration unknownFloor = timing.floorOf(UniformResponseTime.Endpoint.LOGIN);
        Duration unknown =
                timed(() -> http.post("/api/auth/login/", Map.of("email", newEmail(), "password", PASSWORD)));
        Duration wrongFloor = timing.floorOf(UniformResponseTime.Endpoint.LOGIN);
        Duration wrong = timed(() -> http.post("/api/auth/login/", Map.of("email", email, "password", "guess guess")));

        assertThat(floor).isPositive();
        assertThat(unknownFloor).isPositive().isLessThanOrEqualTo(floor);
        assertThat(unknown).isGreaterThanOrEqualTo(unknownFloor);
        assertThat(wrong).isGreaterThanOrEqualTo(wrongFloor);
    }

    @Test
    void otpVerifyWhenRequestUnknownOrCodeWrongThenAnswerTakesAtLeastTheFloor() {
        String email = newEmail();
        register(email);
        String known = http.post("/api/auth/otp/", Map.of("email", email))
                .json()
                .get("request_id")
                .asText();
        String decoy = http.post("/api/auth/otp/", Map.of("email", newEmail()))
                .json()
                .get("request_id")
                .asText();

        Duration unknown =
                timed(() -> http.post("/api/auth/otp/verify/", Map.of("request_id", decoy, "code", "000000")));
        Duration wrong = timed(() -> http.post("/api/auth/otp/verify", Map.of("request_id", known, "code", "0000000")));

        assertThat(unknown).isGreaterThanOrEqualTo(floor);
        assertThat(wrong).isGreaterThanOrEqualTo(floor);
    }

    @Test
    void emailChangeWhenAddressTakenOrFreeThenAnswerTakesAtLeastTheFloor() {
        String owner = newEmail();
        register(owner);
        String email = newEmail();
        register(email);
        String access = login(email, PASSWORD).get("access").asText();

        Duration taken = timed(() -> http.postWithBearer(
                "/api/auth/email/change/", access, Map.of("password", PASSWORD, "new_email", owner)));
        Duration free = timed(() -> http.postWithBearer(
                "/api/auth/email/change", access, Map.of("password", PASSWORD, "new_email", newEmail())));

        assertThat(taken).isGreaterThanOrEqualTo(floor);
        assertThat(free).isGreaterThanOrEqualTo(floor);
    }
}
