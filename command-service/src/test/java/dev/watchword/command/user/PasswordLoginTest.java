package dev.watchword.command.user;

import static dev.watchword.command.user.UserFixtures.ACCESS_LIFETIME;
import static dev.watchword.command.user.UserFixtures.REFRESH_LIFETIME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.user.PasswordLoginCommand.Login;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserRegistered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link PasswordLogin}'s rules, through the aggregate: a session for the right password, a recorded failure for a
 * wrong one, and the backoff and lockout that failures lead to ({@link UserFixtures#POLICY}: 3 from one address,
 * 7 from anywhere). How disabling an account stops its login is {@link AdministrationTest}'s.
 */
class PasswordLoginTest {

    private static final String USER = "7d3c7d6e-2f57-4a43-9a4c-8c4f2b1e5a10";
    private static final String EMAIL = "ada@example.com";
    private static final String PASSWORD = "correct horse";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
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
        return new UserRegistered(USER, EMAIL, "hash-of-" + PASSWORD, T0);
    }

    private static SessionStarted sessionStarted(String sessionId, String refreshHash) {
        return new SessionStarted(
                USER,
                sessionId,
                refreshHash,
                "192.0.2.1",
                "test",
                T0,
                T0.plus(REFRESH_LIFETIME),
                T0.plus(ACCESS_LIFETIME));
    }

    @Nested
    class LoginCommand {

        @Test
        void loginWhenPasswordRightThenSessionStarted() {
            fixture.given(registered())
                    .when(new Login(USER, "correct horse", "s1", "r1", "192.0.2.1", "test", T0))
                    .expectEvents(
                            new LoginSucceeded(USER, "s1", "192.0.2.1", "test", T0, LoginMethod.PASSWORD),
                            sessionStarted("s1", "r1"))
                    .expectResultMessagePayload(new LoginOutcome.Granted(new SessionGrant(
                            USER,
                            "s1",
                            List.of("user"),
                            List.of(),
                            0,
                            "default",
                            "default",
                            ACCESS_LIFETIME,
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
    class Lockout {

        private LoginFailed wrong(String ip, int second) {
            return new LoginFailed(USER, LoginFailureReason.WRONG_PASSWORD, ip, "ua", T0.plusSeconds(second));
        }

        @Test
        void loginWhenThresholdReachedFromOneAddressThenThatAddressLocked() {
            fixture.given(registered(), wrong(IP, 1), wrong(IP, 2))
                    .when(new Login(USER, "guess", "s1", "r1", IP, "ua", T0.plusSeconds(3)))
                    .expectEvents(
                            wrong(IP, 3),
                            new LoginLocked(
                                    USER,
                                    EMAIL,
                                    IP,
                                    3,
                                    T0.plusSeconds(3),
                                    T0.plusSeconds(3).plusSeconds(60)));
        }

        @Test
        void loginWhenLockedAddressEvenWithRightPasswordThenRefused() {
            fixture.given(
                            registered(),
                            wrong(IP, 1),
                            wrong(IP, 2),
                            wrong(IP, 3),
                            new LoginLocked(USER, EMAIL, IP, 3, T0.plusSeconds(3), T0.plusSeconds(63)))
                    .when(new Login(USER, PASSWORD, "s1", "r1", IP, "ua", T0.plusSeconds(10)))
                    .expectEvents(new LoginFailed(USER, LoginFailureReason.LOCKED, IP, "ua", T0.plusSeconds(10)))
                    .expectResultMessagePayload(new LoginOutcome.Rejected());
        }

        @Test
        void loginWhenAnotherAddressIsLockedThenOwnerStillGetsIn() {
            fixture.given(
                            registered(),
                            wrong(IP, 1),
                            wrong(IP, 2),
                            wrong(IP, 3),
                            new LoginLocked(USER, EMAIL, IP, 3, T0.plusSeconds(3), T0.plusSeconds(63)))
                    .when(new Login(USER, PASSWORD, "s1", "r1", "203.0.113.5", "ua", T0.plusSeconds(10)))
                    .expectResultMessagePayload(new LoginOutcome.Granted(new SessionGrant(
                            USER,
                            "s1",
                            List.of("user"),
                            List.of(),
                            0,
                            "default",
                            "default",
                            UserFixtures.APP.accessTokenLifetime(),
                            T0.plusSeconds(10).plus(ACCESS_LIFETIME))));
        }

        @Test
        void loginWhenHardThresholdReachedFromManyAddressesThenPasswordLoginBlocked() {
            List<Object> given = new ArrayList<>(List.of(registered()));
            for (int i = 0; i < 7; i++) {
                given.add(wrong("198.51.100." + i, i));
            }
            fixture.given(given)
                    .when(new Login(USER, PASSWORD, "s1", "r1", "203.0.113.5", "ua", T0.plusSeconds(10)))
                    .expectEvents(
                            new LoginFailed(USER, LoginFailureReason.LOCKED, "203.0.113.5", "ua", T0.plusSeconds(10)))
                    .expectResultMessagePayload(new LoginOutcome.Rejected());
        }
    }
}
