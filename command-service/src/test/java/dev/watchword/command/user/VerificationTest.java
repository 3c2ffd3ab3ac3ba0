package dev.watchword.command.user;

import static dev.watchword.command.user.UserFixtures.violation;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.user.VerificationCommand.RequestEmailVerification;
import dev.watchword.command.user.VerificationCommand.VerifyEmail;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.PasswordRemoved;
import dev.watchword.events.user.UserRegistered;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link Verification}'s rules, through the aggregate. What the first proof of the mailbox takes away from whoever
 * registered the address before its owner is {@link PreAccountTakeoverTest}'s.
 */
class VerificationTest {

    private static final String USER = "7d3c7d6e-2f57-4a43-9a4c-8c4f2b1e5a10";
    private static final String EMAIL = "ada@example.com";
    private static final String HASH = "hash-of-correct horse";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

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
        return new UserRegistered(USER, EMAIL, HASH, T0);
    }

    private static EmailVerificationRequested verificationRequested(String tokenHash, Instant expiresAt) {
        return new EmailVerificationRequested(USER, EMAIL, tokenHash, "sealed-" + tokenHash, T0, expiresAt);
    }

    @Nested
    class VerifyEmailCommand {

        @Test
        void verifyWhenTokenMatchesThenEmailVerifiedAndPasswordSetBeforeRemoved() {
            fixture.given(registered(), verificationRequested("h1", T0.plusSeconds(60)))
                    .when(new VerifyEmail(USER, "h1", T0.plusSeconds(30)))
                    .expectEvents(
                            new EmailVerified(USER, EMAIL, T0.plusSeconds(30)),
                            new PasswordRemoved(USER, T0.plusSeconds(30)));
        }

        @Test
        void verifyWhenTokenExpiredThenRejected() {
            fixture.given(registered(), verificationRequested("h1", T0.plusSeconds(60)))
                    .when(new VerifyEmail(USER, "h1", T0.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.INVALID_VERIFICATION_TOKEN));
        }

        @Test
        void verifyWhenTokenSupersededThenRejected() {
            fixture.given(
                            registered(),
                            verificationRequested("h1", T0.plusSeconds(600)),
                            verificationRequested("h2", T0.plusSeconds(600)))
                    .when(new VerifyEmail(USER, "h1", T0.plusSeconds(30)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.INVALID_VERIFICATION_TOKEN));
        }

        @Test
        void verifyWhenTokenUsedTwiceThenSecondRejected() {
            fixture.given(
                            registered(),
                            verificationRequested("h1", T0.plusSeconds(600)),
                            new EmailVerified(USER, EMAIL, T0.plusSeconds(10)))
                    .when(new VerifyEmail(USER, "h1", T0.plusSeconds(30)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.INVALID_VERIFICATION_TOKEN));
        }

        @Test
        void verifyWhenTokenWrongThenRejected() {
            fixture.given(registered(), verificationRequested("h1", T0.plusSeconds(600)))
                    .when(new VerifyEmail(USER, "other", T0.plusSeconds(30)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.INVALID_VERIFICATION_TOKEN));
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
}
