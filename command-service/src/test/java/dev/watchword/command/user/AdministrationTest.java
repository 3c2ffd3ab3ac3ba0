package dev.watchword.command.user;

import static dev.watchword.command.user.UserFixtures.violation;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.user.AdministrationCommand.AssignRole;
import dev.watchword.command.user.AdministrationCommand.AuthorizeActor;
import dev.watchword.command.user.AdministrationCommand.DisableUser;
import dev.watchword.command.user.AdministrationCommand.EndSessionByAdmin;
import dev.watchword.command.user.AdministrationCommand.ForceLogout;
import dev.watchword.command.user.AdministrationCommand.RevokeRole;
import dev.watchword.command.user.PasswordLoginCommand.Login;
import dev.watchword.events.access.Permission;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserRegistered;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link Administration}'s rules, through the aggregate: the acting admin's checks, roles and authorization
 * versions, account status, ending sessions.
 */
class AdministrationTest {

    private static final String USER = "7d3c7d6e-2f57-4a43-9a4c-8c4f2b1e5a10";
    private static final String ADMIN = "admin-1";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration ACCESS = UserFixtures.POLICY.accessTokenLifetime();

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource((PasswordVerifier) (password, hash) -> ("hash-of-" + password).equals(hash));
        fixture.registerInjectableResource(UserFixtures.POLICY);
        fixture.registerInjectableResource((dev.watchword.command.appdirectory.AppPolicies) appId -> UserFixtures.APP);
    }

    private static UserRegistered registered() {
        return new UserRegistered(USER, "ada@example.com", "hash-of-pw", T0);
    }

    private static SessionStarted started(String sessionId) {
        return new SessionStarted(
                USER, sessionId, "r-" + sessionId, "192.0.2.1", "ua", T0, T0.plus(Duration.ofDays(1)));
    }

    @Nested
    class RolesAndVersions {

        @Test
        void assignWhenNotHeldThenAssignedAndNextLoginCarriesPermissions() {
            fixture.given(registered(), new RoleAssigned(USER, "admin", ADMIN, T0))
                    .when(new Login(USER, "pw", "s1", "r1", "192.0.2.1", "ua", T0.plusSeconds(5)))
                    .expectResultMessagePayload(new LoginOutcome.Granted(new SessionGrant(
                            USER,
                            "s1",
                            List.of("admin", "user"),
                            UserFixtures.APP.permissionsOf(java.util.Set.of("admin")),
                            1,
                            "default",
                            "default",
                            UserFixtures.APP.accessTokenLifetime(),
                            T0.plusSeconds(5).plus(ACCESS))));
        }

        @Test
        void assignWhenAlreadyHeldThenNothingRecorded() {
            fixture.given(registered(), new RoleAssigned(USER, "admin", ADMIN, T0))
                    .when(new AssignRole(USER, "admin", ADMIN, null, T0))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void assignWhenExpectedVersionStaleThenConflict() {
            fixture.given(registered(), new RoleAssigned(USER, "admin", ADMIN, T0))
                    .when(new RevokeRole(USER, "admin", "admin-2", 0, T0))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.ROLES_CHANGED));
        }

        @Test
        void assignWhenRoleUnknownThenRejected() {
            fixture.given(registered())
                    .when(new AssignRole(USER, "superuser", ADMIN, null, T0))
                    .expectException(violation(ProblemCode.UNKNOWN_ROLE));
        }

        @Test
        void authorizeWhenTokenVersionOlderThanRoleRevocationThenStale() {
            fixture.given(
                            registered(),
                            started("s1"),
                            new RoleAssigned(USER, "admin", ADMIN, T0),
                            new RoleRevoked(USER, "admin", "admin-2", T0))
                    .when(new AuthorizeActor(USER, "s1", 1, Permission.USERS_WRITE.value(), T0.plusSeconds(1)))
                    .expectException(violation(UserRuleViolation.staleAuthorization()));
        }

        @Test
        void authorizeWhenPermissionNotHeldThenForbidden() {
            fixture.given(registered(), started("s1"))
                    .when(new AuthorizeActor(USER, "s1", 0, Permission.USERS_WRITE.value(), T0.plusSeconds(1)))
                    .expectException(violation(ProblemCode.FORBIDDEN));
        }

        @Test
        void authorizeWhenCurrentAndHeldThenAllowed() {
            fixture.given(registered(), started("s1"), new RoleAssigned(USER, "admin", ADMIN, T0))
                    .when(new AuthorizeActor(USER, "s1", 1, Permission.USERS_WRITE.value(), T0.plusSeconds(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Status {

        @Test
        void disableWhenEnabledThenDisabledAndEverySessionEnds() {
            fixture.given(registered(), started("s1"), started("s2"))
                    .when(new DisableUser(USER, ADMIN, T0.plusSeconds(5)))
                    .expectEvents(
                            new UserDisabled(USER, ADMIN, T0.plusSeconds(5)),
                            new SessionRevoked(
                                    USER,
                                    "s1",
                                    SessionRevocationReason.USER_DISABLED,
                                    T0.plusSeconds(5),
                                    T0.plusSeconds(5).plus(ACCESS)),
                            new SessionRevoked(
                                    USER,
                                    "s2",
                                    SessionRevocationReason.USER_DISABLED,
                                    T0.plusSeconds(5),
                                    T0.plusSeconds(5).plus(ACCESS)));
        }

        @Test
        void loginWhenDisabledThenRefusedEvenWithTheRightPassword() {
            fixture.given(registered(), new UserDisabled(USER, ADMIN, T0))
                    .when(new Login(USER, "pw", "s1", "r1", "192.0.2.1", "ua", T0.plusSeconds(5)))
                    .expectEvents(
                            new LoginFailed(USER, LoginFailureReason.DISABLED, "192.0.2.1", "ua", T0.plusSeconds(5)))
                    .expectResultMessagePayload(new LoginOutcome.Rejected());
        }

        @Test
        void loginWhenEnabledAgainThenAllowed() {
            fixture.given(registered(), new UserDisabled(USER, ADMIN, T0), new UserEnabled(USER, ADMIN, T0))
                    .when(new Login(USER, "pw", "s1", "r1", "192.0.2.1", "ua", T0.plusSeconds(5)))
                    .expectEvents(
                            new LoginSucceeded(USER, "s1", "192.0.2.1", "ua", T0.plusSeconds(5), LoginMethod.PASSWORD),
                            new SessionStarted(
                                    USER,
                                    "s1",
                                    "r1",
                                    "192.0.2.1",
                                    "ua",
                                    T0.plusSeconds(5),
                                    T0.plusSeconds(5).plus(Duration.ofDays(1)),
                                    T0.plusSeconds(5).plus(ACCESS)));
        }

        @Test
        void forceLogoutWhenSessionsLiveThenAllEnd() {
            fixture.given(registered(), started("s1"))
                    .when(new ForceLogout(USER, ADMIN, T0.plusSeconds(5)))
                    .expectEvents(new SessionRevoked(
                            USER,
                            "s1",
                            SessionRevocationReason.FORCED_LOGOUT,
                            T0.plusSeconds(5),
                            T0.plusSeconds(5).plus(ACCESS)));
        }
    }

    @Nested
    class EndSession {

        @Test
        void endSessionWhenLiveThenOnlyThatSessionRevokedByAdmin() {
            fixture.given(registered(), started("s1"), started("s2"))
                    .when(new EndSessionByAdmin(USER, "s2", ADMIN, T0.plusSeconds(5)))
                    .expectEvents(new SessionRevoked(
                            USER,
                            "s2",
                            SessionRevocationReason.REVOKED_BY_ADMIN,
                            T0.plusSeconds(5),
                            T0.plusSeconds(5).plus(ACCESS)));
        }

        @Test
        void endSessionWhenUnknownThenNotFound() {
            fixture.given(registered(), started("s1"))
                    .when(new EndSessionByAdmin(USER, "other", ADMIN, T0.plusSeconds(5)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.SESSION_NOT_FOUND));
        }

        @Test
        void endSessionWhenAlreadyEndedThenNotFound() {
            fixture.given(
                            registered(),
                            started("s1"),
                            new SessionRevoked(
                                    USER,
                                    "s1",
                                    SessionRevocationReason.LOGOUT,
                                    T0.plusSeconds(1),
                                    T0.plusSeconds(1).plus(ACCESS)))
                    .when(new EndSessionByAdmin(USER, "s1", ADMIN, T0.plusSeconds(5)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.SESSION_NOT_FOUND));
        }

        @Test
        void endSessionWhenIdleTooLongThenNotFound() {
            Instant idle = T0.plus(UserFixtures.POLICY.idleTimeout()).plusSeconds(1);
            fixture.given(registered(), started("s1"))
                    .when(new EndSessionByAdmin(USER, "s1", ADMIN, idle))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.SESSION_NOT_FOUND));
        }
    }
}
