package dev.watchword.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.app.ApiKeyIssued;
import dev.watchword.events.app.ApiKeyRetired;
import dev.watchword.events.app.ApiKeyRevoked;
import dev.watchword.events.app.AppSettings;
import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.app.LinkBaseUrlChanged;
import dev.watchword.events.app.RoleDefined;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.platform.BootstrapAdminGranted;
import dev.watchword.events.user.CredentialChange;
import dev.watchword.events.user.CurrentPasswordCheckFailed;
import dev.watchword.events.user.EmailChangeRequested;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailOtpFailed;
import dev.watchword.events.user.EmailOtpRequested;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.MagicLinkRequested;
import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.events.user.PasswordRemoved;
import dev.watchword.events.user.PasswordResetRequested;
import dev.watchword.events.user.RefreshTokenGraceUsed;
import dev.watchword.events.user.RefreshTokenReuseDetected;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserRegistered;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each event's JSON is a fixture: a change to the contract of the log shows up here as a red diff. When a
 * change is intended, it must be additive (new optional field) or come with a revision and an upcaster.
 */
class EventJsonSnapshotTest {

    private static final String USER = "0b5f1a6e-3c1d-4f7a-9a53-2a1f0c9e7d11";
    private static final String SESSION = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
    private static final Instant T = Instant.parse("2026-11-25T10:15:30Z");
    private static final String ADMIN = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String APP = "3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b";

    static List<Object> samples() {
        return List.of(
                new UserRegistered(USER, "ada@example.com", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", T, APP),
                new RegistrationAttemptedForTakenEmail(USER, "ada@example.com", "192.0.2.1", T),
                new EmailVerificationRequested(
                        USER, "ada@example.com", "dGFnaGFzaA", "c2VhbGVk", T, T.plusSeconds(86_400)),
                new EmailVerified(USER, "ada@example.com", T),
                new LoginSucceeded(USER, SESSION, "192.0.2.1", "curl/8", T, LoginMethod.PASSWORD),
                new LoginFailed(USER, LoginFailureReason.WRONG_PASSWORD, "192.0.2.1", "curl/8", T),
                new SessionStarted(
                        USER, SESSION, "aGFzaDE", "192.0.2.1", "curl/8", T, T.plusSeconds(86_400), T.plusSeconds(300)),
                new RefreshTokenRotated(
                        USER,
                        SESSION,
                        "aGFzaDE",
                        "aGFzaDI",
                        T,
                        T.plusSeconds(86_400),
                        "192.0.2.1",
                        "curl/8",
                        T.plusSeconds(300)),
                new SessionRevoked(USER, SESSION, SessionRevocationReason.LOGOUT, T, T.plusSeconds(300)),
                new PasswordResetRequested(
                        USER, "ada@example.com", "dGFnaGFzaA", "c2VhbGVk", "192.0.2.1", T, T.plusSeconds(1_800)),
                new PasswordChanged(
                        USER,
                        "ada@example.com",
                        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
                        PasswordChangeReason.RESET,
                        "192.0.2.1",
                        T),
                new EmailChangeRequested(
                        USER, "ada@example.com", "ada@example.org", "dGFnaGFzaA", "c2VhbGVk", T, T.plusSeconds(86_400)),
                new EmailChanged(USER, "ada@example.com", "ada@example.org", T),
                new MagicLinkRequested(
                        USER, "ada@example.com", "dGFnaGFzaA", "c2VhbGVk", "192.0.2.1", T, T.plusSeconds(600)),
                new EmailOtpRequested(
                        USER, "ada@example.com", "req-1", "aG1hYw", "c2VhbGVk", "192.0.2.1", T, T.plusSeconds(600)),
                new EmailOtpFailed(USER, "req-1", 1, "192.0.2.1", "curl/8", T),
                new RefreshTokenReuseDetected(USER, SESSION, "192.0.2.1", "curl/8", T),
                new LoginLocked(USER, "ada@example.com", "192.0.2.1", 5, T, T.plusSeconds(60)),
                new RoleAssigned(USER, "admin", "system:bootstrap", T),
                new RoleRevoked(USER, "admin", ADMIN, T),
                new UserDisabled(USER, ADMIN, T),
                new UserEnabled(USER, ADMIN, T),
                new UserErased(USER, ADMIN, T),
                new CurrentPasswordCheckFailed(
                        USER,
                        SESSION,
                        CredentialChange.PASSWORD,
                        LoginFailureReason.WRONG_PASSWORD,
                        1,
                        "192.0.2.1",
                        "curl/8",
                        T),
                new RefreshTokenGraceUsed(USER, SESSION, "192.0.2.1", "curl/8", T, T.plusSeconds(300)),
                new PasswordRemoved(USER, T),
                new ClientAppRegistered(APP, "Acme shop", "app_acme123", ADMIN, T),
                new ApiKeyIssued(APP, "key-1", "wwk_k3y1", "aGFzaA", ADMIN, T),
                new ApiKeyRetired(APP, "key-1", ADMIN, T, T.plusSeconds(86_400)),
                new ApiKeyRevoked(APP, "key-1", ADMIN, T),
                new AppSettingsChanged(
                        APP,
                        new AppSettings(
                                List.of("password", "magic_link"),
                                true,
                                5,
                                1,
                                8,
                                List.of("https://shop.example.com"),
                                "https://shop.example.com",
                                "Acme"),
                        ADMIN,
                        T),
                new RoleDefined(APP, "support", List.of("users:read", "audit:read"), ADMIN, T),
                new BootstrapAdminGranted(USER, T),
                new LinkBaseUrlChanged(APP, "https://shop.example.com", "https://accounts.shop.example.com", ADMIN, T));
    }

    @Test
    void everyPublishedTypeHasASample() {
        assertThat(samples()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(EventCatalog.types());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void jsonWhenSerializedThenMatchesFixture(Object event) throws IOException {
        JsonNode expected = fixture(event.getClass().getSimpleName());

        assertThat((Object) EventCatalog.json().valueToTree(event)).isEqualTo(expected);
        assertThat(EventCatalog.json().treeToValue(expected, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void envelopeWhenRoundTrippedThenPayloadIsEqual(Object event) {
        EventEnvelope envelope = EventCatalog.wrap("e-1", event, USER, 3, 42, T);

        EventEnvelope read = EventCatalog.fromBytes(EventCatalog.toBytes(envelope));

        assertThat(read).isEqualTo(envelope);
        assertThat(EventCatalog.payloadOf(read)).contains(event);
    }

    @Test
    void loginSucceededWhenStoredBeforeMethodExistedThenPassword() throws IOException {
        JsonNode old = EventCatalog.json()
                .readTree(
                        "{\"userId\":\"" + USER + "\",\"sessionId\":\"" + SESSION
                                + "\",\"ipAddress\":\"192.0.2.1\",\"userAgent\":\"curl/8\",\"succeededAt\":\"2026-11-25T10:15:30Z\"}");

        LoginSucceeded read = EventCatalog.json().treeToValue(old, LoginSucceeded.class);

        assertThat(read.methodOrDefault()).isEqualTo(LoginMethod.PASSWORD);
    }

    @Test
    void userRegisteredWhenStoredBeforeAppsExistedThenDefaultApp() throws IOException {
        JsonNode old = EventCatalog.json()
                .readTree("{\"userId\":\"" + USER + "\",\"email\":\"ada@example.com\","
                        + "\"passwordHash\":\"x\",\"registeredAt\":\"2026-11-25T10:15:30Z\"}");

        UserRegistered read = EventCatalog.json().treeToValue(old, UserRegistered.class);

        assertThat(read.appIdOrDefault()).isEqualTo(DefaultApp.APP_ID);
    }

    @Test
    void sessionEventsWhenStoredBeforeAccessTokenExpiryExistedThenUnknown() throws IOException {
        JsonNode started = EventCatalog.json()
                .readTree("{\"userId\":\"" + USER + "\",\"sessionId\":\"" + SESSION
                        + "\",\"refreshTokenHash\":\"aGFzaDE\",\"startedAt\":\"2026-11-25T10:15:30Z\","
                        + "\"expiresAt\":\"2026-11-26T10:15:30Z\"}");
        JsonNode rotated = EventCatalog.json()
                .readTree("{\"userId\":\"" + USER + "\",\"sessionId\":\"" + SESSION
                        + "\",\"previousTokenHash\":\"aGFzaDE\",\"refreshTokenHash\":\"aGFzaDI\","
                        + "\"rotatedAt\":\"2026-11-25T10:15:30Z\",\"expiresAt\":\"2026-11-26T10:15:30Z\"}");

        assertThat(EventCatalog.json()
                        .treeToValue(started, SessionStarted.class)
                        .accessTokensExpireBy())
                .isNull();
        assertThat(EventCatalog.json().treeToValue(rotated, RefreshTokenRotated.class))
                .extracting(RefreshTokenRotated::accessTokensExpireBy, RefreshTokenRotated::ipAddress)
                .containsOnlyNulls();
    }

    @Test
    void payloadWhenTypeUnknownThenEmpty() {
        EventEnvelope future = new EventEnvelope(
                "e-2", "SomethingNew", null, USER, 0, 1, T, EventCatalog.json().createObjectNode());

        assertThat(EventCatalog.payloadOf(future)).isEmpty();
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = EventJsonSnapshotTest.class.getResourceAsStream("/events/" + name + ".json")) {
            assertThat(in).as("fixture events/%s.json", name).isNotNull();
            return EventCatalog.json().readTree(in);
        }
    }
}
