package dev.watchword.command.user;

import static dev.watchword.command.user.UserFixtures.violation;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.user.EmailChangeCommand.ConfirmEmailChange;
import dev.watchword.command.user.EmailChangeCommand.RequestEmailChange;
import dev.watchword.events.user.CredentialChange;
import dev.watchword.events.user.CurrentPasswordCheckFailed;
import dev.watchword.events.user.EmailChangeRequested;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserRegistered;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link EmailChange}'s rules, through the aggregate: asked for with the current password (counted like
 * {@link PasswordTest}'s), confirmed with the link sent to the new address.
 */
class EmailChangeTest {

    private static final String USER = "7d3c7d6e-2f57-4a43-9a4c-8c4f2b1e5a10";
    private static final String EMAIL = "ada@example.com";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String IP = "192.0.2.1";

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource((PasswordVerifier) (password, hash) -> ("hash-of-" + password).equals(hash));
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

    private static OneTimeSecret link(String hash, long seconds) {
        return new OneTimeSecret(hash, "sealed-" + hash, T0.plusSeconds(seconds));
    }

    @Nested
    class RequestEmailChangeCommand {

        @Test
        void requestWhenPasswordRightThenChangeRequestedButNotApplied() {
            fixture.given(registered(), started("s1"))
                    .when(new RequestEmailChange(
                            USER, "s1", "old password", "ada@example.org", false, link("c1", 600), IP, "ua", T0))
                    .expectEvents(new EmailChangeRequested(
                            USER, EMAIL, "ada@example.org", "c1", "sealed-c1", T0, T0.plusSeconds(600)))
                    .expectResultMessagePayload(CurrentPasswordOutcome.ACCEPTED);
        }

        @Test
        void requestWhenPasswordRightAndAddressTakenThenNoChangeRequested() {
            fixture.given(registered(), started("s1"))
                    .when(new RequestEmailChange(
                            USER, "s1", "old password", "bob@example.org", true, link("c1", 600), IP, "ua", T0))
                    .expectNoEvents()
                    .expectResultMessagePayload(CurrentPasswordOutcome.ACCEPTED);
        }

        @Test
        void requestWhenPasswordWrongAndAddressTakenThenFailureRecordedLikeForAFreeAddress() {
            fixture.given(registered(), started("s1"))
                    .when(new RequestEmailChange(
                            USER, "s1", "guess", "bob@example.org", true, link("c1", 600), IP, "ua", T0.plusSeconds(5)))
                    .expectEvents(checkFailed(CredentialChange.EMAIL, LoginFailureReason.WRONG_PASSWORD, 1, 5))
                    .expectResultMessagePayload(CurrentPasswordOutcome.WRONG);
        }

        @Test
        void requestWhenPasswordWrongThenFailureRecordedAndNoChangeRequested() {
            fixture.given(registered(), started("s1"))
                    .when(new RequestEmailChange(
                            USER,
                            "s1",
                            "guess",
                            "ada@example.org",
                            false,
                            link("c1", 600),
                            IP,
                            "ua",
                            T0.plusSeconds(5)))
                    .expectEvents(checkFailed(CredentialChange.EMAIL, LoginFailureReason.WRONG_PASSWORD, 1, 5))
                    .expectResultMessagePayload(CurrentPasswordOutcome.WRONG);
        }

        @Test
        void requestWhenPasswordRightAndNewAddressIsTheCurrentOneThenRejected() {
            fixture.given(registered(), started("s1"))
                    .when(new RequestEmailChange(
                            USER, "s1", "old password", EMAIL, false, link("c1", 600), IP, "ua", T0))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.SAME_EMAIL));
        }
    }

    @Nested
    class ConfirmEmailChangeCommand {

        @Test
        void confirmWhenLinkValidThenEmailChanged() {
            fixture.given(
                            registered(),
                            new EmailChangeRequested(
                                    USER, EMAIL, "ada@example.org", "c1", "s", T0, T0.plusSeconds(600)))
                    .when(new ConfirmEmailChange(USER, "c1", T0.plusSeconds(10)))
                    .expectEvents(new EmailChanged(USER, EMAIL, "ada@example.org", T0.plusSeconds(10)));
        }
    }
}
