package dev.watchword.command.user;

import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.user.LoginMethod;
import java.util.EnumSet;
import java.util.Map;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.PasswordRemoved;
import dev.watchword.events.user.RefreshTokenGraceUsed;
import dev.watchword.events.user.RefreshTokenReuseDetected;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The user aggregate's rules, as given events, a command, and the events or error it leads to. */
class UserTest {

    private static final String USER = "7d3c7d6e-2f57-4a43-9a4c-8c4f2b1e5a10";
    private static final String EMAIL = "ada@example.com";
    private static final String HASH = "argon2-hash-of-correct horse";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration REFRESH_LIFETIME = Duration.ofDays(1);
    private static final Duration ACCESS_LIFETIME = Duration.ofMinutes(5);
    private static final Duration GRACE = Duration.ofSeconds(5);
    /** The app of the users in these tests: every login method, no verified email needed. */
    static final AppPolicy APP = new AppPolicy(DefaultApp.APP_ID, DefaultApp.CLIENT_ID, EnumSet.allOf(LoginMethod.class), false,
            ACCESS_LIFETIME, REFRESH_LIFETIME, 8, List.of(), Map.of());
    static final AccountPolicy POLICY = new AccountPolicy(ACCESS_LIFETIME, REFRESH_LIFETIME, GRACE, Duration.ofHours(12),
            3, Duration.ofMinutes(1), Duration.ofHours(1), 7);

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        PasswordVerifier passwords = (password, hash) -> hash.equals("argon2-hash-of-" + password);
        fixture.registerInjectableResource(passwords);
        fixture.registerInjectableResource((PasswordHashing) password -> "argon2-hash-of-" + password);
        fixture.registerInjectableResource(POLICY);
        fixture.registerInjectableResource((AppPolicies) appId -> APP);
    }

    private static UserRegistered registered() {
        return new UserRegistered(USER, EMAIL, HASH, T0);
    }

    private static EmailVerificationRequested verificationRequested(String tokenHash, Instant expiresAt) {
        return new EmailVerificationRequested(USER, EMAIL, tokenHash, "sealed-" + tokenHash, T0, expiresAt);
    }

    private static SessionStarted sessionStarted(String sessionId, String refreshHash) {
        return new SessionStarted(USER, sessionId, refreshHash, "192.0.2.1", "test", T0, T0.plus(REFRESH_LIFETIME),
                T0.plus(ACCESS_LIFETIME));
    }

    @Nested
    class RegisterUserCommand {

        @Test
        void registerWhenNewThenRegisteredAndVerificationRequested() {
            OneTimeSecret link = new OneTimeSecret("h1", "sealed-h1", T0.plusSeconds(86_400));

            fixture.givenNoPriorActivity()
                    .when(new RegisterUser(USER, EMAIL, HASH, link, T0, DefaultApp.APP_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserRegistered(USER, EMAIL, HASH, T0, DefaultApp.APP_ID), verificationRequested("h1", T0.plusSeconds(86_400)));
        }
    }

    @Nested
    class NoteRegistrationAttemptCommand {

        @Test
        void noteWhenAddressTakenThenOwnerIsToldByEvent() {
            fixture.given(registered())
                    .when(new NoteRegistrationAttempt(USER, "198.51.100.7", T0.plusSeconds(5)))
                    .expectEvents(new RegistrationAttemptedForTakenEmail(USER, EMAIL, "198.51.100.7",
                            T0.plusSeconds(5)));
        }
    }

    @Nested
    class VerifyEmailCommand {

        @Test
        void verifyWhenTokenMatchesThenEmailVerifiedAndPasswordSetBeforeRemoved() {
            fixture.given(registered(), verificationRequested("h1", T0.plusSeconds(60)))
                    .when(new VerifyEmail(USER, "h1", T0.plusSeconds(30)))
                    .expectEvents(new EmailVerified(USER, EMAIL, T0.plusSeconds(30)),
                            new PasswordRemoved(USER, T0.plusSeconds(30)));
        }

        @Test
        void verifyWhenTokenExpiredThenRejected() {
            fixture.given(registered(), verificationRequested("h1", T0.plusSeconds(60)))
                    .when(new VerifyEmail(USER, "h1", T0.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(InvalidVerificationToken.class);
        }

        @Test
        void verifyWhenTokenSupersededThenRejected() {
            fixture.given(registered(), verificationRequested("h1", T0.plusSeconds(600)),
                            verificationRequested("h2", T0.plusSeconds(600)))
                    .when(new VerifyEmail(USER, "h1", T0.plusSeconds(30)))
                    .expectNoEvents()
                    .expectException(InvalidVerificationToken.class);
        }

        @Test
        void verifyWhenTokenUsedTwiceThenSecondRejected() {
            fixture.given(registered(), verificationRequested("h1", T0.plusSeconds(600)),
                            new EmailVerified(USER, EMAIL, T0.plusSeconds(10)))
                    .when(new VerifyEmail(USER, "h1", T0.plusSeconds(30)))
                    .expectNoEvents()
                    .expectException(InvalidVerificationToken.class);
        }

        @Test
        void verifyWhenTokenWrongThenRejected() {
            fixture.given(registered(), verificationRequested("h1", T0.plusSeconds(600)))
                    .when(new VerifyEmail(USER, "other", T0.plusSeconds(30)))
                    .expectNoEvents()
                    .expectException(InvalidVerificationToken.class);
        }
    }

    @Nested
    class RequestEmailVerificationCommand {

        @Test
        void requestWhenUnverifiedThenNewLink() {
            OneTimeSecret link = new OneTimeSecret("h2", "sealed-h2", T0.plusSeconds(900));

            fixture.given(registered(), verificationRequested("h1", T0.plusSeconds(600)))
                    .when(new RequestEmailVerification(USER, link, T0))
                    .expectEvents(verificationRequested("h2", T0.plusSeconds(900)));
        }

        @Test
        void requestWhenAlreadyVerifiedThenNothing() {
            fixture.given(registered(), new EmailVerified(USER, EMAIL, T0))
                    .when(new RequestEmailVerification(USER, new OneTimeSecret("h2", "s", T0.plusSeconds(60)), T0))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class LoginCommand {

        @Test
        void loginWhenPasswordRightThenSessionStarted() {
            fixture.given(registered())
                    .when(new Login(USER, "correct horse", "s1", "r1", "192.0.2.1", "test", T0))
                    .expectEvents(new LoginSucceeded(USER, "s1", "192.0.2.1", "test", T0, LoginMethod.PASSWORD),
                            sessionStarted("s1", "r1"))
                    .expectResultMessagePayload(new LoginOutcome.Granted(new SessionGrant(USER, "s1", List.of("user"), List.of(), 0, "default", "default", ACCESS_LIFETIME,
                            T0.plus(ACCESS_LIFETIME))));
        }

        @Test
        void loginWhenPasswordWrongThenFailureRecordedAndRejected() {
            fixture.given(registered())
                    .when(new Login(USER, "wrong", "s1", "r1", "192.0.2.1", "test", T0))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LoginFailed(USER, LoginFailureReason.WRONG_PASSWORD, "192.0.2.1", "test", T0))
                    .expectResultMessagePayload(new LoginOutcome.Rejected());
        }

        @Test
        void loginCommandWhenPrintedThenPasswordHidden() {
            assertThat(new Login(USER, "correct horse", "s1", "r1", "ip", "ua", T0).toString())
                    .doesNotContain("correct horse");
        }
    }

    @Nested
    class RefreshSessionCommand {

        @Test
        void refreshWhenCurrentTokenThenRotated() {
            fixture.given(registered(), sessionStarted("s1", "r1"))
                    .when(new RefreshSession(USER, "r1", "r2", "192.0.2.1", "test", T0.plusSeconds(60)))
                    .expectEvents(new RefreshTokenRotated(USER, "s1", "r1", "r2", T0.plusSeconds(60),
                            T0.plus(REFRESH_LIFETIME), "192.0.2.1", "test", T0.plusSeconds(60).plus(ACCESS_LIFETIME)))
                    .expectResultMessagePayload(new RefreshOutcome.Granted(new SessionGrant(USER, "s1", List.of("user"), List.of(), 0, "default", "default", ACCESS_LIFETIME,
                            T0.plusSeconds(60).plus(ACCESS_LIFETIME))));
        }

        @Test
        void refreshWhenRotatedTokenReplayedAfterGraceThenReuseDetectedAndSessionRevoked() {
            fixture.given(registered(), sessionStarted("s1", "r1"),
                            new RefreshTokenRotated(USER, "s1", "r1", "r2", T0.plusSeconds(60), T0.plus(REFRESH_LIFETIME)))
                    .when(new RefreshSession(USER, "r1", "r2", "198.51.100.9", "evil", T0.plusSeconds(120)))
                    .expectEvents(new RefreshTokenReuseDetected(USER, "s1", "198.51.100.9", "evil", T0.plusSeconds(120)),
                            new SessionRevoked(USER, "s1", SessionRevocationReason.REFRESH_TOKEN_REUSE, T0.plusSeconds(120),
                                    T0.plusSeconds(120).plus(ACCESS_LIFETIME)))
                    .expectResultMessagePayload(new RefreshOutcome.Rejected());
        }

        @Test
        void refreshWhenRotatedTokenRacesWithinGraceFromSameClientThenSameSuccessorAndGraceUseRecorded() {
            fixture.given(registered(), sessionStarted("s1", "r1"),
                            new RefreshTokenRotated(USER, "s1", "r1", "r2", T0.plusSeconds(60), T0.plus(REFRESH_LIFETIME),
                                    "192.0.2.1", "test", T0.plusSeconds(60).plus(ACCESS_LIFETIME)))
                    .when(new RefreshSession(USER, "r1", "r2", "192.0.2.1", "test", T0.plusSeconds(62)))
                    .expectEvents(new RefreshTokenGraceUsed(USER, "s1", "192.0.2.1", "test", T0.plusSeconds(62),
                            T0.plusSeconds(62).plus(ACCESS_LIFETIME)))
                    .expectResultMessagePayload(new RefreshOutcome.Granted(new SessionGrant(USER, "s1", List.of("user"), List.of(), 0, "default", "default", ACCESS_LIFETIME,
                            T0.plusSeconds(62).plus(ACCESS_LIFETIME))));
        }

        @Test
        void refreshWhenOlderTokenReplayedThenReuseDetected() {
            fixture.given(registered(), sessionStarted("s1", "r1"),
                            new RefreshTokenRotated(USER, "s1", "r1", "r2", T0.plusSeconds(60), T0.plus(REFRESH_LIFETIME)),
                            new RefreshTokenRotated(USER, "s1", "r2", "r3", T0.plusSeconds(61), T0.plus(REFRESH_LIFETIME)))
                    .when(new RefreshSession(USER, "r1", "r2", T0.plusSeconds(62)))
                    .expectEvents(new RefreshTokenReuseDetected(USER, "s1", null, null, T0.plusSeconds(62)),
                            new SessionRevoked(USER, "s1", SessionRevocationReason.REFRESH_TOKEN_REUSE, T0.plusSeconds(62),
                                    T0.plusSeconds(62).plus(ACCESS_LIFETIME)));
        }

        @Test
        void refreshWhenSessionIdleTooLongThenRejected() {
            fixture.given(registered(), sessionStarted("s1", "r1"))
                    .when(new RefreshSession(USER, "r1", "r2", T0.plus(Duration.ofHours(12))))
                    .expectNoEvents()
                    .expectException(InvalidRefreshToken.class);
        }

        @Test
        void refreshWhenUnknownTokenThenRejectedWithoutEvents() {
            fixture.given(registered(), sessionStarted("s1", "r1"))
                    .when(new RefreshSession(USER, "nope", "r2", T0.plusSeconds(5)))
                    .expectNoEvents()
                    .expectException(InvalidRefreshToken.class);
        }

        @Test
        void refreshWhenSessionRevokedThenRejected() {
            fixture.given(registered(), sessionStarted("s1", "r1"),
                            new SessionRevoked(USER, "s1", SessionRevocationReason.LOGOUT, T0, T0.plusSeconds(300)))
                    .when(new RefreshSession(USER, "r1", "r2", T0.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(InvalidRefreshToken.class);
        }

        @Test
        void refreshWhenSessionExpiredThenRejected() {
            fixture.given(registered(), sessionStarted("s1", "r1"),
                            new RefreshTokenRotated(USER, "s1", "r1", "r2", T0.plusSeconds(39_600), T0.plus(REFRESH_LIFETIME)),
                            new RefreshTokenRotated(USER, "s1", "r2", "r3", T0.plusSeconds(79_200), T0.plus(REFRESH_LIFETIME)))
                    .when(new RefreshSession(USER, "r3", "r4", T0.plus(REFRESH_LIFETIME).plusSeconds(1)))
                    .expectNoEvents()
                    .expectException(InvalidRefreshToken.class);
        }
    }

    @Nested
    class RevokeSessionCommand {

        @Test
        void revokeWhenTokenCurrentThenSessionRevokedUntilAccessTokensExpire() {
            fixture.given(registered(), sessionStarted("s1", "r1"))
                    .when(new RevokeSession(USER, "r1", SessionRevocationReason.LOGOUT, T0.plusSeconds(60)))
                    .expectEvents(new SessionRevoked(USER, "s1", SessionRevocationReason.LOGOUT, T0.plusSeconds(60),
                            T0.plusSeconds(360)));
        }

        @Test
        void revokeWhenTokenUnknownThenNothing() {
            fixture.given(registered(), sessionStarted("s1", "r1"))
                    .when(new RevokeSession(USER, "nope", SessionRevocationReason.LOGOUT, T0))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
