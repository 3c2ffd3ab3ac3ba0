package dev.watchword.command.user;

import static dev.watchword.command.user.UserFixtures.violation;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.user.PasswordlessCommand.LoginWithEmailOtp;
import dev.watchword.command.user.PasswordlessCommand.LoginWithMagicLink;
import dev.watchword.events.user.EmailOtpFailed;
import dev.watchword.events.user.EmailOtpRequested;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.MagicLinkRequested;
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
 * {@link Passwordless}'s rules, through the aggregate: magic links and email codes. What the first of them does for
 * an address registered by someone else first is {@link PreAccountTakeoverTest}'s.
 */
class PasswordlessTest {

    private static final String USER = "7d3c7d6e-2f57-4a43-9a4c-8c4f2b1e5a10";
    private static final String EMAIL = "ada@example.com";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration ACCESS = UserFixtures.POLICY.accessTokenLifetime();
    private static final String IP = "192.0.2.1";

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource((PasswordVerifier) (password, hash) -> ("hash-of-" + password).equals(hash));
        fixture.registerInjectableResource((PasswordHashing) password -> "hash-of-" + password);
        fixture.registerInjectableResource(UserFixtures.POLICY);
        fixture.registerInjectableResource((AppPolicies) appId -> UserFixtures.APP);
    }

    private static UserRegistered registered() {
        return new UserRegistered(USER, EMAIL, "hash-of-old password", T0);
    }

    @Nested
    class MagicLink {

        @Test
        void magicLinkWhenValidThenSessionStartedOnceOnly() {
            // A verified address: the first proof of an unverified one is PreAccountTakeoverTest's.
            fixture.given(
                            registered(),
                            new EmailVerified(USER, EMAIL, T0),
                            new MagicLinkRequested(USER, EMAIL, "m1", "s", IP, T0, T0.plusSeconds(600)))
                    .when(new LoginWithMagicLink(USER, "m1", "s9", "r9", IP, "ua", T0.plusSeconds(30)))
                    .expectEvents(
                            new LoginSucceeded(USER, "s9", IP, "ua", T0.plusSeconds(30), LoginMethod.MAGIC_LINK),
                            new SessionStarted(
                                    USER,
                                    "s9",
                                    "r9",
                                    IP,
                                    "ua",
                                    T0.plusSeconds(30),
                                    T0.plusSeconds(30).plus(Duration.ofDays(1)),
                                    T0.plusSeconds(30).plus(ACCESS)));
            fixture.given(
                            registered(),
                            new MagicLinkRequested(USER, EMAIL, "m1", "s", IP, T0, T0.plusSeconds(600)),
                            new LoginSucceeded(USER, "s9", IP, "ua", T0.plusSeconds(30), LoginMethod.MAGIC_LINK))
                    .when(new LoginWithMagicLink(USER, "m1", "s10", "r10", IP, "ua", T0.plusSeconds(40)))
                    .expectException(violation(ProblemCode.INVALID_LOGIN_LINK));
        }
    }

    @Nested
    class EmailOtp {

        @Test
        void otpWhenWrongFiveTimesThenRightCodeNoLongerWorks() {
            List<Object> given = new ArrayList<>(List.of(
                    registered(),
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
            fixture.given(
                            registered(),
                            new EmailOtpRequested(USER, EMAIL, "q1", "h-123456", "s", IP, T0, T0.plusSeconds(600)),
                            new EmailOtpFailed(USER, "q1", 1, IP, "ua", T0.plusSeconds(1)))
                    .when(new LoginWithEmailOtp(USER, "q1", "h-000000", "s1", "r1", IP, "ua", T0.plusSeconds(30)))
                    .expectEvents(new EmailOtpFailed(USER, "q1", 2, IP, "ua", T0.plusSeconds(30)));
        }

        @Test
        void otpWhenCodeOfAnotherRequestThenRejected() {
            fixture.given(
                            registered(),
                            new EmailOtpRequested(USER, EMAIL, "q1", "h-123456", "s", IP, T0, T0.plusSeconds(600)))
                    .when(new LoginWithEmailOtp(USER, "q2", "h-123456", "s1", "r1", IP, "ua", T0.plusSeconds(30)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new LoginOutcome.Rejected());
        }

        @Test
        void otpWhenRightThenSessionStarted() {
            fixture.given(
                            registered(),
                            new EmailVerified(USER, EMAIL, T0),
                            new EmailOtpRequested(USER, EMAIL, "q1", "h-123456", "s", IP, T0, T0.plusSeconds(600)))
                    .when(new LoginWithEmailOtp(USER, "q1", "h-123456", "s1", "r1", IP, "ua", T0.plusSeconds(30)))
                    .expectEvents(
                            new LoginSucceeded(USER, "s1", IP, "ua", T0.plusSeconds(30), LoginMethod.EMAIL_OTP),
                            new SessionStarted(
                                    USER,
                                    "s1",
                                    "r1",
                                    IP,
                                    "ua",
                                    T0.plusSeconds(30),
                                    T0.plusSeconds(30).plus(Duration.ofDays(1)),
                                    T0.plusSeconds(30).plus(ACCESS)));
        }
    }
}
