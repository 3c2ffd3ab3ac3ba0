package dev.watchword.command.user;

import static dev.watchword.command.user.UserFixtures.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.user.PasswordCommand.ChangePassword;
import dev.watchword.command.user.PasswordCommand.ResetPassword;
import dev.watchword.events.user.CredentialChange;
import dev.watchword.events.user.CurrentPasswordCheckFailed;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.events.user.PasswordResetRequested;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserRegistered;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link Password}'s rules, through the aggregate: a reset by link, a change with the current password, and the
 * counting of wrong current passwords ({@link UserFixtures#POLICY}: lockout threshold 3). What a reset does for an
 * address registered by someone else first is {@link PreAccountTakeoverTest}'s.
 */
class PasswordTest {

    private static final String USER = "7d3c7d6e-2f57-4a43-9a4c-8c4f2b1e5a10";
    private static final String EMAIL = "ada@example.com";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration ACCESS = UserFixtures.POLICY.accessTokenLifetime();
    private static final String IP = "192.0.2.1";

    private FixtureConfiguration<User> fixture;
    /** The passwords the aggregate hashed: none, unless the token or the current password was accepted. */
    private final List<String> hashed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource((PasswordVerifier) (password, hash) -> ("hash-of-" + password).equals(hash));
        fixture.registerInjectableResource((PasswordHashing) password -> {
            hashed.add(password);
            return "hash-of-" + password;
        });
        fixture.registerInjectableResource(UserFixtures.POLICY);
        fixture.registerInjectableResource((AppPolicies) appId -> UserFixtures.APP);
    }

    private static UserRegistered registered() {
        return new UserRegistered(USER, EMAIL, "hash-of-old password", T0);
    }

    private static SessionStarted started(String sessionId) {
        return new SessionStarted(USER, sessionId, "r-" + sessionId, IP, "ua", T0, T0.plus(Duration.ofDays(1)));
    }

    private static CurrentPasswordCheckFailed checkFailed(
            CredentialChange change, LoginFailureReason reason, int attempt, long second) {
        return new CurrentPasswordCheckFailed(USER, "s1", change, reason, attempt, IP, "ua", T0.plusSeconds(second));
    }

    @Nested
    class PasswordReset {

        @Test
        void resetWhenTokenValidThenPasswordChangedAndEverySessionRevoked() {
            fixture.given(
                            registered(),
                            started("s1"),
                            started("s2"),
                            new PasswordResetRequested(USER, EMAIL, "t1", "sealed", IP, T0, T0.plusSeconds(1800)))
                    .when(new ResetPassword(USER, "t1", "new password", IP, T0.plusSeconds(60)))
                    .expectEvents(
                            new EmailVerified(USER, EMAIL, T0.plusSeconds(60)),
                            new PasswordChanged(
                                    USER,
                                    EMAIL,
                                    "hash-of-new password",
                                    PasswordChangeReason.RESET,
                                    IP,
                                    T0.plusSeconds(60)),
                            new SessionRevoked(
                                    USER,
                                    "s1",
                                    SessionRevocationReason.PASSWORD_RESET,
                                    T0.plusSeconds(60),
                                    T0.plusSeconds(60).plus(ACCESS)),
                            new SessionRevoked(
                                    USER,
                                    "s2",
                                    SessionRevocationReason.PASSWORD_RESET,
                                    T0.plusSeconds(60),
                                    T0.plusSeconds(60).plus(ACCESS)));
        }

        @Test
        void resetWhenOlderTokenAfterNewerIssuedThenRejected() {
            fixture.given(
                            registered(),
                            new PasswordResetRequested(USER, EMAIL, "t1", "s", IP, T0, T0.plusSeconds(1800)),
                            new PasswordResetRequested(USER, EMAIL, "t2", "s", IP, T0, T0.plusSeconds(1800)))
                    .when(new ResetPassword(USER, "t1", "new", IP, T0.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.INVALID_RESET_TOKEN));
            assertThat(hashed).as("a wrong token costs no hashing").isEmpty();
        }

        @Test
        void resetWhenTokenUsedOrExpiredThenRejected() {
            fixture.given(
                            registered(),
                            new PasswordResetRequested(USER, EMAIL, "t1", "s", IP, T0, T0.plusSeconds(1800)),
                            new PasswordChanged(USER, EMAIL, "hash-of-x", PasswordChangeReason.RESET, IP, T0))
                    .when(new ResetPassword(USER, "t1", "y", IP, T0.plusSeconds(60)))
                    .expectException(violation(ProblemCode.INVALID_RESET_TOKEN));
            fixture.given(
                            registered(),
                            new PasswordResetRequested(USER, EMAIL, "t1", "s", IP, T0, T0.plusSeconds(1800)))
                    .when(new ResetPassword(USER, "t1", "y", IP, T0.plusSeconds(1800)))
                    .expectException(violation(ProblemCode.INVALID_RESET_TOKEN));
        }
    }

    @Nested
    class PasswordChange {

        @Test
        void changeWhenCurrentPasswordRightThenChangedAndOthersEndedOnRequest() {
            fixture.given(registered(), started("s1"), started("s2"))
                    .when(new ChangePassword(USER, "s1", "old password", "new", true, IP, "ua", T0.plusSeconds(5)))
                    .expectEvents(
                            new PasswordChanged(
                                    USER, EMAIL, "hash-of-new", PasswordChangeReason.CHANGE, IP, T0.plusSeconds(5)),
                            new SessionRevoked(
                                    USER,
                                    "s2",
                                    SessionRevocationReason.PASSWORD_CHANGED,
                                    T0.plusSeconds(5),
                                    T0.plusSeconds(5).plus(ACCESS)))
                    .expectResultMessagePayload(CurrentPasswordOutcome.ACCEPTED);
            assertThat(hashed).containsExactly("new");
        }

        @Test
        void changeWhenCurrentPasswordWrongThenFailureRecordedAndNothingHashed() {
            fixture.given(registered(), started("s1"))
                    .when(new ChangePassword(USER, "s1", "guess", "new", false, IP, "ua", T0.plusSeconds(5)))
                    .expectEvents(checkFailed(CredentialChange.PASSWORD, LoginFailureReason.WRONG_PASSWORD, 1, 5))
                    .expectResultMessagePayload(CurrentPasswordOutcome.WRONG);
            assertThat(hashed).isEmpty();
        }

        @Test
        void changeWhenCurrentPasswordWrongAsOftenAsTheLockoutThresholdThenAddressLockedAndSessionEnded() {
            // UserFixtures.POLICY: lockout threshold 3
            fixture.given(
                            registered(),
                            started("s1"),
                            checkFailed(CredentialChange.PASSWORD, LoginFailureReason.WRONG_PASSWORD, 1, 1),
                            checkFailed(CredentialChange.EMAIL, LoginFailureReason.WRONG_PASSWORD, 2, 2))
                    .when(new ChangePassword(USER, "s1", "guess", "new", false, IP, "ua", T0.plusSeconds(3)))
                    .expectEvents(
                            checkFailed(CredentialChange.PASSWORD, LoginFailureReason.WRONG_PASSWORD, 3, 3),
                            new LoginLocked(USER, EMAIL, IP, 3, T0.plusSeconds(3), T0.plusSeconds(63)),
                            new SessionRevoked(
                                    USER,
                                    "s1",
                                    SessionRevocationReason.CURRENT_PASSWORD_FAILURES,
                                    T0.plusSeconds(3),
                                    T0.plusSeconds(3).plus(ACCESS)))
                    .expectResultMessagePayload(CurrentPasswordOutcome.SESSION_ENDED);
        }

        @Test
        void changeWhenAddressLockedOutThenRefusedUncheckedEvenWithRightPassword() {
            fixture.given(
                            registered(),
                            started("s1"),
                            new LoginFailed(USER, LoginFailureReason.WRONG_PASSWORD, IP, "ua", T0),
                            new LoginFailed(USER, LoginFailureReason.WRONG_PASSWORD, IP, "ua", T0),
                            new LoginFailed(USER, LoginFailureReason.WRONG_PASSWORD, IP, "ua", T0),
                            new LoginLocked(USER, EMAIL, IP, 3, T0, T0.plusSeconds(60)))
                    .when(new ChangePassword(USER, "s1", "old password", "new", false, IP, "ua", T0.plusSeconds(5)))
                    .expectEvents(checkFailed(CredentialChange.PASSWORD, LoginFailureReason.LOCKED, 1, 5))
                    .expectResultMessagePayload(CurrentPasswordOutcome.WRONG);
            assertThat(hashed).isEmpty();
        }

        @Test
        void changeWhenWrongCurrentPasswordsInOtherSessionsThenThisSessionCountsOnlyItsOwn() {
            fixture.given(
                            registered(),
                            started("s1"),
                            started("s2"),
                            new CurrentPasswordCheckFailed(
                                    USER,
                                    "s2",
                                    CredentialChange.PASSWORD,
                                    LoginFailureReason.WRONG_PASSWORD,
                                    1,
                                    "198.51.100.7",
                                    "ua",
                                    T0.plusSeconds(1)),
                            new CurrentPasswordCheckFailed(
                                    USER,
                                    "s2",
                                    CredentialChange.PASSWORD,
                                    LoginFailureReason.WRONG_PASSWORD,
                                    2,
                                    "198.51.100.7",
                                    "ua",
                                    T0.plusSeconds(2)))
                    .when(new ChangePassword(USER, "s1", "guess", "new", false, IP, "ua", T0.plusSeconds(5)))
                    .expectEvents(checkFailed(CredentialChange.PASSWORD, LoginFailureReason.WRONG_PASSWORD, 1, 5))
                    .expectResultMessagePayload(CurrentPasswordOutcome.WRONG);
        }

        @Test
        void changeWhenCallerSessionRevokedThenRejected() {
            fixture.given(
                            registered(),
                            started("s1"),
                            new SessionRevoked(USER, "s1", SessionRevocationReason.LOGOUT, T0, T0.plus(ACCESS)))
                    .when(new ChangePassword(USER, "s1", "old password", "new", false, IP, "ua", T0.plusSeconds(5)))
                    .expectNoEvents()
                    .expectException(violation(UserRuleViolation.sessionEnded()));
        }
    }
}
