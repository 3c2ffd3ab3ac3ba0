package dev.watchword.command.user;

import static dev.watchword.command.user.UserFixtures.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.user.EmailChangeCommand.ConfirmEmailChange;
import dev.watchword.command.user.PasswordCommand.ResetPassword;
import dev.watchword.command.user.PasswordLoginCommand.Login;
import dev.watchword.command.user.PasswordlessCommand.LoginWithEmailOtp;
import dev.watchword.command.user.PasswordlessCommand.LoginWithMagicLink;
import dev.watchword.command.user.VerificationCommand.VerifyEmail;
import dev.watchword.events.user.EmailChangeRequested;
import dev.watchword.events.user.EmailOtpRequested;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.MagicLinkRequested;
import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.events.user.PasswordRemoved;
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
 * Pre-account takeover (OWASP ASVS 5.0 V6.4): someone registers an address that is not theirs with a password
 * of theirs; the first proof of the mailbox, by whoever owns it, takes away that password and every session
 * started before it.
 */
class PreAccountTakeoverTest {

    private static final String USER = "7d3c7d6e-2f57-4a43-9a4c-8c4f2b1e5a10";
    private static final String EMAIL = "ada@example.com";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration ACCESS = UserFixtures.POLICY.accessTokenLifetime();
    private static final String ATTACKER_IP = "198.51.100.7";
    private static final String OWNER_IP = "192.0.2.1";
    private static final Instant PROOF = T0.plusSeconds(600);

    private FixtureConfiguration<User> fixture;
    private final List<String> hashesChecked = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource((PasswordVerifier) (password, hash) -> {
            hashesChecked.add(String.valueOf(hash));
            return ("hash-of-" + password).equals(hash);
        });
        fixture.registerInjectableResource((PasswordHashing) password -> "hash-of-" + password);
        fixture.registerInjectableResource(UserFixtures.POLICY);
        fixture.registerInjectableResource((AppPolicies) appId -> UserFixtures.APP);
    }

    private static UserRegistered registeredByAttacker() {
        return new UserRegistered(USER, EMAIL, "hash-of-attacker's password", T0);
    }

    private static EmailVerificationRequested verificationLink() {
        return new EmailVerificationRequested(USER, EMAIL, "v1", "sealed-v1", T0, T0.plus(Duration.ofDays(1)));
    }

    private static SessionStarted started(String sessionId, String ip) {
        return new SessionStarted(
                USER, sessionId, "r-" + sessionId, ip, "ua", T0.plusSeconds(60), T0.plus(Duration.ofDays(1)));
    }

    private static SessionRevoked revoked(String sessionId) {
        return new SessionRevoked(USER, sessionId, SessionRevocationReason.EMAIL_VERIFIED, PROOF, PROOF.plus(ACCESS));
    }

    @Nested
    class AttackerRegistersThenOwnerProvesMailbox {

        @Test
        void verifyEmailWhenRegisteredWithPasswordThenPasswordRemovedAndEarlierSessionsRevoked() {
            fixture.given(
                            registeredByAttacker(),
                            verificationLink(),
                            started("s1", ATTACKER_IP),
                            started("s2", ATTACKER_IP))
                    .when(new VerifyEmail(USER, "v1", PROOF))
                    .expectEvents(
                            new EmailVerified(USER, EMAIL, PROOF),
                            new PasswordRemoved(USER, PROOF),
                            revoked("s1"),
                            revoked("s2"));
        }

        @Test
        void loginWithMagicLinkWhenAddressUnverifiedThenVerifiedPasswordRemovedAndOnlyTheNewSessionLives() {
            fixture.given(
                            registeredByAttacker(),
                            verificationLink(),
                            started("s1", ATTACKER_IP),
                            new MagicLinkRequested(USER, EMAIL, "m1", "sealed", OWNER_IP, T0, PROOF.plusSeconds(600)))
                    .when(new LoginWithMagicLink(USER, "m1", "s9", "r9", OWNER_IP, "ua", PROOF))
                    .expectEvents(
                            new EmailVerified(USER, EMAIL, PROOF),
                            new PasswordRemoved(USER, PROOF),
                            revoked("s1"),
                            new LoginSucceeded(USER, "s9", OWNER_IP, "ua", PROOF, LoginMethod.MAGIC_LINK),
                            new SessionStarted(
                                    USER,
                                    "s9",
                                    "r9",
                                    OWNER_IP,
                                    "ua",
                                    PROOF,
                                    PROOF.plus(UserFixtures.APP.refreshTokenLifetime()),
                                    PROOF.plus(ACCESS)));
        }

        @Test
        void loginWithEmailOtpWhenAddressUnverifiedThenVerifiedPasswordRemovedAndOnlyTheNewSessionLives() {
            fixture.given(
                            registeredByAttacker(),
                            started("s1", ATTACKER_IP),
                            new EmailOtpRequested(
                                    USER, EMAIL, "q1", "h-123456", "sealed", OWNER_IP, T0, PROOF.plusSeconds(600)))
                    .when(new LoginWithEmailOtp(USER, "q1", "h-123456", "s9", "r9", OWNER_IP, "ua", PROOF))
                    .expectEvents(
                            new EmailVerified(USER, EMAIL, PROOF),
                            new PasswordRemoved(USER, PROOF),
                            revoked("s1"),
                            new LoginSucceeded(USER, "s9", OWNER_IP, "ua", PROOF, LoginMethod.EMAIL_OTP),
                            new SessionStarted(
                                    USER,
                                    "s9",
                                    "r9",
                                    OWNER_IP,
                                    "ua",
                                    PROOF,
                                    PROOF.plus(UserFixtures.APP.refreshTokenLifetime()),
                                    PROOF.plus(ACCESS)));
        }

        @Test
        void loginWhenPasswordRemovedThenAttackersPasswordRejectedLikeAWrongOne() {
            fixture.given(
                            registeredByAttacker(),
                            new EmailVerified(USER, EMAIL, PROOF),
                            new PasswordRemoved(USER, PROOF))
                    .when(new Login(USER, "attacker's password", "s3", "r3", ATTACKER_IP, "ua", PROOF.plusSeconds(5)))
                    .expectEvents(new LoginFailed(
                            USER, LoginFailureReason.WRONG_PASSWORD, ATTACKER_IP, "ua", PROOF.plusSeconds(5)))
                    .expectResultMessagePayload(new LoginOutcome.Rejected());
            // Still checked against a hash (PasswordHasher's decoy for a missing one), so it takes as long.
            assertThat(hashesChecked).containsExactly("null");
        }

        @Test
        void resetPasswordWhenAddressUnverifiedThenVerifiedAndAttackersPendingEmailChangeCancelled() {
            fixture.given(
                            registeredByAttacker(),
                            started("s1", ATTACKER_IP),
                            new EmailChangeRequested(
                                    USER,
                                    EMAIL,
                                    "attacker@example.net",
                                    "c1",
                                    "sealed",
                                    T0,
                                    T0.plus(Duration.ofDays(1))),
                            new PasswordResetRequested(
                                    USER, EMAIL, "t1", "sealed", OWNER_IP, T0, PROOF.plusSeconds(60)))
                    .when(new ResetPassword(USER, "t1", "owner's password", OWNER_IP, PROOF))
                    .expectEvents(
                            new EmailVerified(USER, EMAIL, PROOF),
                            new PasswordChanged(
                                    USER,
                                    EMAIL,
                                    "hash-of-owner's password",
                                    PasswordChangeReason.RESET,
                                    OWNER_IP,
                                    PROOF),
                            new SessionRevoked(
                                    USER, "s1", SessionRevocationReason.PASSWORD_RESET, PROOF, PROOF.plus(ACCESS)));

            fixture.given(
                            registeredByAttacker(),
                            new EmailChangeRequested(
                                    USER,
                                    EMAIL,
                                    "attacker@example.net",
                                    "c1",
                                    "sealed",
                                    T0,
                                    T0.plus(Duration.ofDays(1))),
                            new EmailVerified(USER, EMAIL, PROOF),
                            new PasswordChanged(
                                    USER,
                                    EMAIL,
                                    "hash-of-owner's password",
                                    PasswordChangeReason.RESET,
                                    OWNER_IP,
                                    PROOF))
                    .when(new ConfirmEmailChange(USER, "c1", PROOF.plusSeconds(5)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.INVALID_EMAIL_CHANGE_TOKEN));
        }

        @Test
        void confirmEmailChangeWhenRequestedBeforeOwnerProvedMailboxThenRejected() {
            fixture.given(
                            registeredByAttacker(),
                            verificationLink(),
                            started("s1", ATTACKER_IP),
                            new EmailChangeRequested(
                                    USER,
                                    EMAIL,
                                    "attacker@example.net",
                                    "c1",
                                    "sealed",
                                    T0,
                                    T0.plus(Duration.ofDays(1))),
                            new EmailVerified(USER, EMAIL, PROOF))
                    .when(new ConfirmEmailChange(USER, "c1", PROOF.plusSeconds(5)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.INVALID_EMAIL_CHANGE_TOKEN));
        }
    }

    @Nested
    class OwnerRegistersThenVerifies {

        @Test
        void verifyEmailWhenOwnerSignedInBeforeThenOwnSessionEndsAndPasswordRemoved() {
            fixture.given(
                            new UserRegistered(USER, EMAIL, "hash-of-owner's password", T0),
                            verificationLink(),
                            started("s1", OWNER_IP))
                    .when(new VerifyEmail(USER, "v1", PROOF))
                    .expectEvents(
                            new EmailVerified(USER, EMAIL, PROOF), new PasswordRemoved(USER, PROOF), revoked("s1"));
        }

        @Test
        void resetPasswordWhenPasswordRemovedThenOwnerSetsOneAndSignsInWithIt() {
            fixture.given(
                            new UserRegistered(USER, EMAIL, "hash-of-owner's password", T0),
                            new EmailVerified(USER, EMAIL, PROOF),
                            new PasswordRemoved(USER, PROOF),
                            new PasswordResetRequested(
                                    USER, EMAIL, "t1", "sealed", OWNER_IP, PROOF, PROOF.plusSeconds(1800)))
                    .when(new ResetPassword(USER, "t1", "new password", OWNER_IP, PROOF.plusSeconds(60)))
                    .expectEvents(new PasswordChanged(
                            USER,
                            EMAIL,
                            "hash-of-new password",
                            PasswordChangeReason.RESET,
                            OWNER_IP,
                            PROOF.plusSeconds(60)));

            fixture.given(
                            new UserRegistered(USER, EMAIL, "hash-of-owner's password", T0),
                            new EmailVerified(USER, EMAIL, PROOF),
                            new PasswordRemoved(USER, PROOF),
                            new PasswordChanged(
                                    USER,
                                    EMAIL,
                                    "hash-of-new password",
                                    PasswordChangeReason.RESET,
                                    OWNER_IP,
                                    PROOF.plusSeconds(60)))
                    .when(new Login(USER, "new password", "s2", "r2", OWNER_IP, "ua", PROOF.plusSeconds(90)))
                    .expectResultMessagePayload(new LoginOutcome.Granted(new SessionGrant(
                            USER,
                            "s2",
                            List.of("user"),
                            List.of(),
                            0,
                            "default",
                            "default",
                            ACCESS,
                            PROOF.plusSeconds(90).plus(ACCESS))));
        }

        @Test
        void verifyEmailWhenPasswordChosenWithItThenEarlierOneDroppedAndTheNewOneSet() {
            fixture.given(
                            new UserRegistered(USER, EMAIL, "hash-of-owner's password", T0),
                            verificationLink(),
                            started("s1", OWNER_IP))
                    .when(new VerifyEmail(USER, "v1", "new password", OWNER_IP, PROOF))
                    .expectEvents(
                            new EmailVerified(USER, EMAIL, PROOF),
                            new PasswordRemoved(USER, PROOF),
                            revoked("s1"),
                            new PasswordChanged(
                                    USER,
                                    EMAIL,
                                    "hash-of-new password",
                                    PasswordChangeReason.VERIFICATION,
                                    OWNER_IP,
                                    PROOF));
        }

        @Test
        void verifyEmailWhenPasswordChosenButTokenWrongThenNothingChanges() {
            fixture.given(new UserRegistered(USER, EMAIL, "hash-of-owner's password", T0), verificationLink())
                    .when(new VerifyEmail(USER, "wrong", "new password", OWNER_IP, PROOF))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.INVALID_VERIFICATION_TOKEN));
        }

        @Test
        void verifyEmailCommandWhenPrintedThenPasswordHidden() {
            assertThat(new VerifyEmail(USER, "v1", "new password", OWNER_IP, PROOF).toString())
                    .doesNotContain("new password")
                    .doesNotContain("v1");
        }

        @Test
        void verifyEmailWhenRegisteredWithoutPasswordThenNoPasswordRemoved() {
            fixture.given(new UserRegistered(USER, EMAIL, null, T0), verificationLink())
                    .when(new VerifyEmail(USER, "v1", PROOF))
                    .expectEvents(new EmailVerified(USER, EMAIL, PROOF));
        }
    }

    @Nested
    class AddressAlreadyVerified {

        @Test
        void loginWithMagicLinkWhenAddressVerifiedThenOtherSessionsAndPasswordKept() {
            fixture.given(
                            registeredByAttacker(),
                            new EmailVerified(USER, EMAIL, T0.plusSeconds(30)),
                            started("s1", OWNER_IP),
                            new MagicLinkRequested(USER, EMAIL, "m1", "sealed", OWNER_IP, T0, PROOF.plusSeconds(600)))
                    .when(new LoginWithMagicLink(USER, "m1", "s9", "r9", OWNER_IP, "ua", PROOF))
                    .expectEvents(
                            new LoginSucceeded(USER, "s9", OWNER_IP, "ua", PROOF, LoginMethod.MAGIC_LINK),
                            new SessionStarted(
                                    USER,
                                    "s9",
                                    "r9",
                                    OWNER_IP,
                                    "ua",
                                    PROOF,
                                    PROOF.plus(UserFixtures.APP.refreshTokenLifetime()),
                                    PROOF.plus(ACCESS)));
        }
    }
}
