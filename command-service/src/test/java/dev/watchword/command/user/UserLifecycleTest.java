package dev.watchword.command.user;

import dev.watchword.events.user.CredentialChange;
import dev.watchword.events.user.CurrentPasswordCheckFailed;
import dev.watchword.events.user.EmailChangeRequested;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailOtpFailed;
import dev.watchword.events.user.EmailOtpRequested;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.MagicLinkRequested;
import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.events.user.PasswordResetRequested;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The account lifecycle rules on the user aggregate: reset, change, email change, passwordless, lockout. */
class UserLifecycleTest {

    private static final String USER = "7d3c7d6e-2f57-4a43-9a4c-8c4f2b1e5a10";
    private static final String EMAIL = "ada@example.com";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration ACCESS = UserTest.POLICY.accessTokenLifetime();
    private static final String IP = "192.0.2.1";

    private FixtureConfiguration<User> fixture;
    /** The passwords the aggregate hashed: none, unless the token or the current password was accepted. */
    private final List<String> hashed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource((PasswordVerifier) (password, hash) -> hash.equals("hash-of-" + password));
        fixture.registerInjectableResource((PasswordHashing) password -> {
            hashed.add(password);
            return "hash-of-" + password;
        });
        fixture.registerInjectableResource(UserTest.POLICY);
        fixture.registerInjectableResource((dev.watchword.command.appdirectory.AppPolicies) appId -> UserTest.APP);
    }

    private static UserRegistered registered() {
        return new UserRegistered(USER, EMAIL, "hash-of-old password", T0);
    }

    private static SessionStarted started(String sessionId) {
        return new SessionStarted(USER, sessionId, "r-" + sessionId, IP, "ua", T0, T0.plus(Duration.ofDays(1)));
    }

    private static CurrentPasswordCheckFailed checkFailed(CredentialChange change, LoginFailureReason reason,
                                                          int attempt, long second) {
        return new CurrentPasswordCheckFailed(USER, "s1", change, reason, attempt, IP, "ua", T0.plusSeconds(second));
    }

    private static OneTimeSecret link(String hash, long seconds) {
        return new OneTimeSecret(hash, "sealed-" + hash, T0.plusSeconds(seconds));
    }

    @Nested
    class PasswordReset {

        @Test
        void resetWhenTokenValidThenPasswordChangedAndEverySessionRevoked() {
            fixture.given(registered(), started("s1"), started("s2"),
                            new PasswordResetRequested(USER, EMAIL, "t1", "sealed", IP, T0, T0.plusSeconds(1800)))
                    .when(new ResetPassword(USER, "t1", "new password", IP, T0.plusSeconds(60)))
                    .expectEvents(new EmailVerified(USER, EMAIL, T0.plusSeconds(60)), new PasswordChanged(USER, EMAIL, "hash-of-new password", PasswordChangeReason.RESET, IP,
                                    T0.plusSeconds(60)),
                            new SessionRevoked(USER, "s1", SessionRevocationReason.PASSWORD_RESET, T0.plusSeconds(60),
                                    T0.plusSeconds(60).plus(ACCESS)),
                            new SessionRevoked(USER, "s2", SessionRevocationReason.PASSWORD_RESET, T0.plusSeconds(60),
                                    T0.plusSeconds(60).plus(ACCESS)));
        }

        @Test
        void resetWhenOlderTokenAfterNewerIssuedThenRejected() {
            fixture.given(registered(),
                            new PasswordResetRequested(USER, EMAIL, "t1", "s", IP, T0, T0.plusSeconds(1800)),
                            new PasswordResetRequested(USER, EMAIL, "t2", "s", IP, T0, T0.plusSeconds(1800)))
                    .when(new ResetPassword(USER, "t1", "new", IP, T0.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(InvalidResetToken.class);
            assertThat(hashed).as("a wrong token costs no hashing").isEmpty();
        }

        @Test
        void resetWhenTokenUsedOrExpiredThenRejected() {
            fixture.given(registered(),
                            new PasswordResetRequested(USER, EMAIL, "t1", "s", IP, T0, T0.plusSeconds(1800)),
                            new PasswordChanged(USER, EMAIL, "hash-of-x", PasswordChangeReason.RESET, IP, T0))
                    .when(new ResetPassword(USER, "t1", "y", IP, T0.plusSeconds(60)))
                    .expectException(InvalidResetToken.class);
            fixture.given(registered(), new PasswordResetRequested(USER, EMAIL, "t1", "s", IP, T0, T0.plusSeconds(1800)))
                    .when(new ResetPassword(USER, "t1", "y", IP, T0.plusSeconds(1800)))
                    .expectException(InvalidResetToken.class);
        }
    }

    @Nested
    class PasswordChange {

        @Test
        void changeWhenCurrentPasswordRightThenChangedAndOthersEndedOnRequest() {
            fixture.given(registered(), started("s1"), started("s2"))
                    .when(new ChangePassword(USER, "s1", "old password", "new", true, IP, "ua", T0.plusSeconds(5)))
                    .expectEvents(new PasswordChanged(USER, EMAIL, "hash-of-new", PasswordChangeReason.CHANGE, IP,
                                    T0.plusSeconds(5)),
                            new SessionRevoked(USER, "s2", SessionRevocationReason.PASSWORD_CHANGED, T0.plusSeconds(5),
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
            // UserTest.POLICY: lockout threshold 3
            fixture.given(registered(), started("s1"),
                            checkFailed(CredentialChange.PASSWORD, LoginFailureReason.WRONG_PASSWORD, 1, 1),
                            checkFailed(CredentialChange.EMAIL, LoginFailureReason.WRONG_PASSWORD, 2, 2))
                    .when(new ChangePassword(USER, "s1", "guess", "new", false, IP, "ua", T0.plusSeconds(3)))
                    .expectEvents(checkFailed(CredentialChange.PASSWORD, LoginFailureReason.WRONG_PASSWORD, 3, 3),
                            new LoginLocked(USER, EMAIL, IP, 3, T0.plusSeconds(3), T0.plusSeconds(63)),
                            new SessionRevoked(USER, "s1", SessionRevocationReason.CURRENT_PASSWORD_FAILURES,
                                    T0.plusSeconds(3), T0.plusSeconds(3).plus(ACCESS)))
                    .expectResultMessagePayload(CurrentPasswordOutcome.SESSION_ENDED);
        }

        @Test
        void changeWhenAddressLockedOutThenRefusedUncheckedEvenWithRightPassword() {
            fixture.given(registered(), started("s1"),
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
            fixture.given(registered(), started("s1"), started("s2"),
                            new CurrentPasswordCheckFailed(USER, "s2", CredentialChange.PASSWORD,
                                    LoginFailureReason.WRONG_PASSWORD, 1, "198.51.100.7", "ua", T0.plusSeconds(1)),
                            new CurrentPasswordCheckFailed(USER, "s2", CredentialChange.PASSWORD,
                                    LoginFailureReason.WRONG_PASSWORD, 2, "198.51.100.7", "ua", T0.plusSeconds(2)))
                    .when(new ChangePassword(USER, "s1", "guess", "new", false, IP, "ua", T0.plusSeconds(5)))
                    .expectEvents(checkFailed(CredentialChange.PASSWORD, LoginFailureReason.WRONG_PASSWORD, 1, 5))
                    .expectResultMessagePayload(CurrentPasswordOutcome.WRONG);
        }

        @Test
        void changeWhenCallerSessionRevokedThenRejected() {
            fixture.given(registered(), started("s1"),
                            new SessionRevoked(USER, "s1", SessionRevocationReason.LOGOUT, T0, T0.plus(ACCESS)))
                    .when(new ChangePassword(USER, "s1", "old password", "new", false, IP, "ua", T0.plusSeconds(5)))
                    .expectNoEvents()
                    .expectException(SessionEnded.class);
        }
    }

    @Nested
    class EmailChange {

        @Test
        void requestWhenPasswordRightThenChangeRequestedButNotApplied() {
            fixture.given(registered(), started("s1"))
                    .when(new RequestEmailChange(USER, "s1", "old password", "ada@example.org", false, link("c1", 600),
                            IP, "ua", T0))
                    .expectEvents(new EmailChangeRequested(USER, EMAIL, "ada@example.org", "c1", "sealed-c1", T0,
                            T0.plusSeconds(600)))
                    .expectResultMessagePayload(CurrentPasswordOutcome.ACCEPTED);
        }

        @Test
        void requestWhenPasswordRightAndAddressTakenThenNoChangeRequested() {
            fixture.given(registered(), started("s1"))
                    .when(new RequestEmailChange(USER, "s1", "old password", "bob@example.org", true, link("c1", 600),
                            IP, "ua", T0))
                    .expectNoEvents()
                    .expectResultMessagePayload(CurrentPasswordOutcome.ACCEPTED);
        }

        @Test
        void requestWhenPasswordWrongAndAddressTakenThenFailureRecordedLikeForAFreeAddress() {
            fixture.given(registered(), started("s1"))
                    .when(new RequestEmailChange(USER, "s1", "guess", "bob@example.org", true, link("c1", 600),
                            IP, "ua", T0.plusSeconds(5)))
                    .expectEvents(checkFailed(CredentialChange.EMAIL, LoginFailureReason.WRONG_PASSWORD, 1, 5))
                    .expectResultMessagePayload(CurrentPasswordOutcome.WRONG);
        }

        @Test
        void confirmWhenLinkValidThenEmailChanged() {
            fixture.given(registered(), new EmailChangeRequested(USER, EMAIL, "ada@example.org", "c1", "s", T0,
                            T0.plusSeconds(600)))
                    .when(new ConfirmEmailChange(USER, "c1", T0.plusSeconds(10)))
                    .expectEvents(new EmailChanged(USER, EMAIL, "ada@example.org", T0.plusSeconds(10)));
        }

        @Test
        void requestWhenPasswordWrongThenFailureRecordedAndNoChangeRequested() {
            fixture.given(registered(), started("s1"))
                    .when(new RequestEmailChange(USER, "s1", "guess", "ada@example.org", false, link("c1", 600),
                            IP, "ua", T0.plusSeconds(5)))
                    .expectEvents(checkFailed(CredentialChange.EMAIL, LoginFailureReason.WRONG_PASSWORD, 1, 5))
                    .expectResultMessagePayload(CurrentPasswordOutcome.WRONG);
        }
    }

    @Nested
    class Passwordless {

        @Test
        void magicLinkWhenValidThenSessionStartedOnceOnly() {
            // A verified address: the first proof of an unverified one is PreAccountTakeoverTest's.
            fixture.given(registered(), new EmailVerified(USER, EMAIL, T0),
                            new MagicLinkRequested(USER, EMAIL, "m1", "s", IP, T0, T0.plusSeconds(600)))
                    .when(new LoginWithMagicLink(USER, "m1", "s9", "r9", IP, "ua", T0.plusSeconds(30)))
                    .expectEvents(new LoginSucceeded(USER, "s9", IP, "ua", T0.plusSeconds(30), LoginMethod.MAGIC_LINK),
                            new SessionStarted(USER, "s9", "r9", IP, "ua", T0.plusSeconds(30),
                                    T0.plusSeconds(30).plus(Duration.ofDays(1)), T0.plusSeconds(30).plus(ACCESS)));
            fixture.given(registered(), new MagicLinkRequested(USER, EMAIL, "m1", "s", IP, T0, T0.plusSeconds(600)),
                            new LoginSucceeded(USER, "s9", IP, "ua", T0.plusSeconds(30), LoginMethod.MAGIC_LINK))
                    .when(new LoginWithMagicLink(USER, "m1", "s10", "r10", IP, "ua", T0.plusSeconds(40)))
                    .expectException(InvalidLoginLink.class);
        }

        @Test
        void otpWhenWrongFiveTimesThenRightCodeNoLongerWorks() {
            List<Object> given = new ArrayList<>(List.of(registered(),
                    new EmailOtpRequested(USER, EMAIL, "q1", "h-123456", "s", IP, T0, T0.plusSeconds(600))));
            for (int attempt = 1; attempt <= 5; attempt++) {
                given.add(new EmailOtpFailed(USER, "q1", attempt, IP, "ua", T0.plusSeconds(attempt)));
            }
            fixture.given(given)
                    .when(new LoginWithEmailOtp(USER, "q1", "h-123456", "s1", "r1", IP, "ua", T0.plusSeconds(30)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new LoginOutcome.Rejected());
        }

        @Test
        void otpWhenWrongCodeThenFailureRecordedWithAttempt() {
            fixture.given(registered(),
                            new EmailOtpRequested(USER, EMAIL, "q1", "h-123456", "s", IP, T0, T0.plusSeconds(600)),
                            new EmailOtpFailed(USER, "q1", 1, IP, "ua", T0.plusSeconds(1)))
                    .when(new LoginWithEmailOtp(USER, "q1", "h-000000", "s1", "r1", IP, "ua", T0.plusSeconds(30)))
                    .expectEvents(new EmailOtpFailed(USER, "q1", 2, IP, "ua", T0.plusSeconds(30)));
        }

        @Test
        void otpWhenCodeOfAnotherRequestThenRejected() {
            fixture.given(registered(),
                            new EmailOtpRequested(USER, EMAIL, "q1", "h-123456", "s", IP, T0, T0.plusSeconds(600)))
                    .when(new LoginWithEmailOtp(USER, "q2", "h-123456", "s1", "r1", IP, "ua", T0.plusSeconds(30)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new LoginOutcome.Rejected());
        }

        @Test
        void otpWhenRightThenSessionStarted() {
            fixture.given(registered(), new EmailVerified(USER, EMAIL, T0),
                            new EmailOtpRequested(USER, EMAIL, "q1", "h-123456", "s", IP, T0, T0.plusSeconds(600)))
                    .when(new LoginWithEmailOtp(USER, "q1", "h-123456", "s1", "r1", IP, "ua", T0.plusSeconds(30)))
                    .expectEvents(new LoginSucceeded(USER, "s1", IP, "ua", T0.plusSeconds(30), LoginMethod.EMAIL_OTP),
                            new SessionStarted(USER, "s1", "r1", IP, "ua", T0.plusSeconds(30),
                                    T0.plusSeconds(30).plus(Duration.ofDays(1)), T0.plusSeconds(30).plus(ACCESS)));
        }
    }

    @Nested
    class Lockout {

        private LoginFailed wrong(String ip, int second) {
            return new LoginFailed(USER, LoginFailureReason.WRONG_PASSWORD, ip, "ua", T0.plusSeconds(second));
        }

        @Test
        void loginWhenThresholdReachedFromOneAddressThenThatAddressLocked() {
            fixture.given(registered(), wrong(IP, 1), wrong(IP, 2))
                    .when(new Login(USER, "guess", "s1", "r1", IP, "ua", T0.plusSeconds(3)))
                    .expectEvents(wrong(IP, 3),
                            new LoginLocked(USER, EMAIL, IP, 3, T0.plusSeconds(3), T0.plusSeconds(3).plusSeconds(60)));
        }

        @Test
        void loginWhenLockedAddressEvenWithRightPasswordThenRefused() {
            fixture.given(registered(), wrong(IP, 1), wrong(IP, 2), wrong(IP, 3),
                            new LoginLocked(USER, EMAIL, IP, 3, T0.plusSeconds(3), T0.plusSeconds(63)))
                    .when(new Login(USER, "old password", "s1", "r1", IP, "ua", T0.plusSeconds(10)))
                    .expectEvents(new LoginFailed(USER, LoginFailureReason.LOCKED, IP, "ua", T0.plusSeconds(10)))
                    .expectResultMessagePayload(new LoginOutcome.Rejected());
        }

        @Test
        void loginWhenAnotherAddressIsLockedThenOwnerStillGetsIn() {
            fixture.given(registered(), wrong(IP, 1), wrong(IP, 2), wrong(IP, 3),
                            new LoginLocked(USER, EMAIL, IP, 3, T0.plusSeconds(3), T0.plusSeconds(63)))
                    .when(new Login(USER, "old password", "s1", "r1", "203.0.113.5", "ua", T0.plusSeconds(10)))
                    .expectResultMessagePayload(new LoginOutcome.Granted(new SessionGrant(USER, "s1", List.of("user"), List.of(), 0, "default", "default", UserTest.APP.accessTokenLifetime(),
                            T0.plusSeconds(10).plus(ACCESS))));
        }

        @Test
        void loginWhenHardThresholdReachedFromManyAddressesThenPasswordLoginBlocked() {
            List<Object> given = new ArrayList<>(List.of(registered()));
            for (int i = 0; i < 7; i++) {
                given.add(wrong("198.51.100." + i, i));
            }
            fixture.given(given)
                    .when(new Login(USER, "old password", "s1", "r1", "203.0.113.5", "ua", T0.plusSeconds(10)))
                    .expectEvents(new LoginFailed(USER, LoginFailureReason.LOCKED, "203.0.113.5", "ua", T0.plusSeconds(10)))
                    .expectResultMessagePayload(new LoginOutcome.Rejected());
        }
    }

    @Nested
    class Sessions {

        @Test
        void revokeByIdWhenOwnLiveSessionThenRevoked() {
            fixture.given(registered(), started("s1"), started("s2"))
                    .when(new RevokeSessionById(USER, "s1", "s2", SessionRevocationReason.REVOKED_BY_USER, T0.plusSeconds(5)))
                    .expectEvents(new SessionRevoked(USER, "s2", SessionRevocationReason.REVOKED_BY_USER,
                            T0.plusSeconds(5), T0.plusSeconds(5).plus(ACCESS)));
        }

        @Test
        void revokeByIdWhenUnknownSessionThenNotFound() {
            fixture.given(registered(), started("s1"))
                    .when(new RevokeSessionById(USER, "s1", "other", SessionRevocationReason.REVOKED_BY_USER, T0.plusSeconds(5)))
                    .expectNoEvents()
                    .expectException(SessionNotFound.class);
        }

        @Test
        void revokeAllWhenCalledThenEveryLiveSessionEnds() {
            fixture.given(registered(), started("s1"), started("s2"))
                    .when(new RevokeAllSessions(USER, "s2", T0.plusSeconds(5)))
                    .expectEvents(new SessionRevoked(USER, "s1", SessionRevocationReason.LOGOUT_EVERYWHERE,
                                    T0.plusSeconds(5), T0.plusSeconds(5).plus(ACCESS)),
                            new SessionRevoked(USER, "s2", SessionRevocationReason.LOGOUT_EVERYWHERE,
                                    T0.plusSeconds(5), T0.plusSeconds(5).plus(ACCESS)));
        }
    }
}
