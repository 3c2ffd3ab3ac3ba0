package dev.watchword.command.user;

import static dev.watchword.command.user.UserFixtures.violation;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.user.PasswordLoginCommand.Login;
import dev.watchword.command.user.SessionCommand.RefreshSession;
import dev.watchword.command.user.SessionCommand.RevokeAllSessions;
import dev.watchword.command.user.SessionCommand.RevokeSession;
import dev.watchword.command.user.SessionCommand.RevokeSessionById;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RefreshTokenGraceUsed;
import dev.watchword.events.user.RefreshTokenReuseDetected;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserRegistered;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link Sessions}' rules, through the aggregate: refresh with rotation, reuse detection and the grace window of a
 * racing refresh (RFC 9700 section 4.14.2), logout, and how long a revoked session's access tokens stay refused.
 */
class SessionsTest {

    private static final String USER = "7d3c7d6e-2f57-4a43-9a4c-8c4f2b1e5a10";
    private static final String EMAIL = "ada@example.com";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration REFRESH_LIFETIME = UserFixtures.REFRESH_LIFETIME;
    private static final Duration ACCESS_LIFETIME = UserFixtures.ACCESS_LIFETIME;
    private static final String IP = "192.0.2.1";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";
    private static final Instant ROTATED = T0.plusSeconds(60);

    private FixtureConfiguration<User> fixture;
    /** The app's access token lifetime as it is now; an admin may lower it between two commands. */
    private Duration accessLifetime = ACCESS_LIFETIME;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource((PasswordVerifier) (password, hash) -> ("hash-of-" + password).equals(hash));
        fixture.registerInjectableResource(UserFixtures.POLICY);
        fixture.registerInjectableResource((AppPolicies) appId -> app());
    }

    /** {@link UserFixtures#APP}, with the access token lifetime of now. */
    private AppPolicy app() {
        return new AppPolicy(
                DefaultApp.APP_ID,
                DefaultApp.CLIENT_ID,
                EnumSet.allOf(LoginMethod.class),
                false,
                accessLifetime,
                REFRESH_LIFETIME,
                8,
                List.of(),
                Map.of());
    }

    private static UserRegistered registered() {
        return new UserRegistered(USER, EMAIL, "hash-of-pw", T0);
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

    private static SessionStarted started(String sessionId) {
        return new SessionStarted(USER, sessionId, "r-" + sessionId, IP, "ua", T0, T0.plus(Duration.ofDays(1)));
    }

    private static SessionStarted startedWithHourLongToken() {
        return new SessionStarted(
                USER, "s1", "r1", IP, BROWSER, T0, T0.plus(REFRESH_LIFETIME), T0.plus(Duration.ofMinutes(60)));
    }

    private static RefreshTokenRotated rotatedBy(String ip, String userAgent) {
        return new RefreshTokenRotated(
                USER,
                "s1",
                "r1",
                "r2",
                ROTATED,
                T0.plus(REFRESH_LIFETIME),
                ip,
                userAgent,
                ROTATED.plus(Duration.ofMinutes(5)));
    }

    @Nested
    class RefreshSessionCommand {

        @Test
        void refreshWhenCurrentTokenThenRotated() {
            fixture.given(registered(), sessionStarted("s1", "r1"))
                    .when(new RefreshSession(USER, "r1", "r2", "192.0.2.1", "test", T0.plusSeconds(60)))
                    .expectEvents(new RefreshTokenRotated(
                            USER,
                            "s1",
                            "r1",
                            "r2",
                            T0.plusSeconds(60),
                            T0.plus(REFRESH_LIFETIME),
                            "192.0.2.1",
                            "test",
                            T0.plusSeconds(60).plus(ACCESS_LIFETIME)))
                    .expectResultMessagePayload(new RefreshOutcome.Granted(new SessionGrant(
                            USER,
                            "s1",
                            List.of("user"),
                            List.of(),
                            0,
                            "default",
                            "default",
                            ACCESS_LIFETIME,
                            T0.plusSeconds(60).plus(ACCESS_LIFETIME))));
        }

        @Test
        void refreshWhenRotatedTokenReplayedAfterGraceThenReuseDetectedAndSessionRevoked() {
            fixture.given(
                            registered(),
                            sessionStarted("s1", "r1"),
                            new RefreshTokenRotated(
                                    USER, "s1", "r1", "r2", T0.plusSeconds(60), T0.plus(REFRESH_LIFETIME)))
                    .when(new RefreshSession(USER, "r1", "r2", "198.51.100.9", "evil", T0.plusSeconds(120)))
                    .expectEvents(
                            new RefreshTokenReuseDetected(USER, "s1", "198.51.100.9", "evil", T0.plusSeconds(120)),
                            new SessionRevoked(
                                    USER,
                                    "s1",
                                    SessionRevocationReason.REFRESH_TOKEN_REUSE,
                                    T0.plusSeconds(120),
                                    T0.plusSeconds(120).plus(ACCESS_LIFETIME)))
                    .expectResultMessagePayload(new RefreshOutcome.Rejected());
        }

        @Test
        void refreshWhenRotatedTokenRacesWithinGraceFromSameClientThenSameSuccessorAndGraceUseRecorded() {
            fixture.given(
                            registered(),
                            sessionStarted("s1", "r1"),
                            new RefreshTokenRotated(
                                    USER,
                                    "s1",
                                    "r1",
                                    "r2",
                                    T0.plusSeconds(60),
                                    T0.plus(REFRESH_LIFETIME),
                                    "192.0.2.1",
                                    "test",
                                    T0.plusSeconds(60).plus(ACCESS_LIFETIME)))
                    .when(new RefreshSession(USER, "r1", "r2", "192.0.2.1", "test", T0.plusSeconds(62)))
                    .expectEvents(new RefreshTokenGraceUsed(
                            USER,
                            "s1",
                            "192.0.2.1",
                            "test",
                            T0.plusSeconds(62),
                            T0.plusSeconds(62).plus(ACCESS_LIFETIME)))
                    .expectResultMessagePayload(new RefreshOutcome.Granted(new SessionGrant(
                            USER,
                            "s1",
                            List.of("user"),
                            List.of(),
                            0,
                            "default",
                            "default",
                            ACCESS_LIFETIME,
                            T0.plusSeconds(62).plus(ACCESS_LIFETIME))));
        }

        @Test
        void refreshWhenOlderTokenReplayedThenReuseDetected() {
            fixture.given(
                            registered(),
                            sessionStarted("s1", "r1"),
                            new RefreshTokenRotated(
                                    USER, "s1", "r1", "r2", T0.plusSeconds(60), T0.plus(REFRESH_LIFETIME)),
                            new RefreshTokenRotated(
                                    USER, "s1", "r2", "r3", T0.plusSeconds(61), T0.plus(REFRESH_LIFETIME)))
                    .when(new RefreshSession(USER, "r1", "r2", T0.plusSeconds(62)))
                    .expectEvents(
                            new RefreshTokenReuseDetected(USER, "s1", null, null, T0.plusSeconds(62)),
                            new SessionRevoked(
                                    USER,
                                    "s1",
                                    SessionRevocationReason.REFRESH_TOKEN_REUSE,
                                    T0.plusSeconds(62),
                                    T0.plusSeconds(62).plus(ACCESS_LIFETIME)));
        }

        @Test
        void refreshWhenSessionIdleTooLongThenRejected() {
            fixture.given(registered(), sessionStarted("s1", "r1"))
                    .when(new RefreshSession(USER, "r1", "r2", T0.plus(Duration.ofHours(12))))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.INVALID_REFRESH_TOKEN));
        }

        @Test
        void refreshWhenUnknownTokenThenRejectedWithoutEvents() {
            fixture.given(registered(), sessionStarted("s1", "r1"))
                    .when(new RefreshSession(USER, "nope", "r2", T0.plusSeconds(5)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.INVALID_REFRESH_TOKEN));
        }

        @Test
        void refreshWhenSessionRevokedThenRejected() {
            fixture.given(
                            registered(),
                            sessionStarted("s1", "r1"),
                            new SessionRevoked(USER, "s1", SessionRevocationReason.LOGOUT, T0, T0.plusSeconds(300)))
                    .when(new RefreshSession(USER, "r1", "r2", T0.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.INVALID_REFRESH_TOKEN));
        }

        @Test
        void refreshWhenSessionExpiredThenRejected() {
            fixture.given(
                            registered(),
                            sessionStarted("s1", "r1"),
                            new RefreshTokenRotated(
                                    USER, "s1", "r1", "r2", T0.plusSeconds(39_600), T0.plus(REFRESH_LIFETIME)),
                            new RefreshTokenRotated(
                                    USER, "s1", "r2", "r3", T0.plusSeconds(79_200), T0.plus(REFRESH_LIFETIME)))
                    .when(new RefreshSession(
                            USER, "r3", "r4", T0.plus(REFRESH_LIFETIME).plusSeconds(1)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.INVALID_REFRESH_TOKEN));
        }
    }

    @Nested
    class RevokeSessionCommand {

        @Test
        void revokeWhenTokenCurrentThenSessionRevokedUntilAccessTokensExpire() {
            fixture.given(registered(), sessionStarted("s1", "r1"))
                    .when(new RevokeSession(USER, "r1", SessionRevocationReason.LOGOUT, T0.plusSeconds(60)))
                    .expectEvents(new SessionRevoked(
                            USER, "s1", SessionRevocationReason.LOGOUT, T0.plusSeconds(60), T0.plusSeconds(360)));
        }

        @Test
        void revokeWhenTokenUnknownThenNothing() {
            fixture.given(registered(), sessionStarted("s1", "r1"))
                    .when(new RevokeSession(USER, "nope", SessionRevocationReason.LOGOUT, T0))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class RevokeSessionByIdCommand {

        @Test
        void revokeByIdWhenOwnLiveSessionThenRevoked() {
            fixture.given(registered(), started("s1"), started("s2"))
                    .when(new RevokeSessionById(
                            USER, "s1", "s2", SessionRevocationReason.REVOKED_BY_USER, T0.plusSeconds(5)))
                    .expectEvents(new SessionRevoked(
                            USER,
                            "s2",
                            SessionRevocationReason.REVOKED_BY_USER,
                            T0.plusSeconds(5),
                            T0.plusSeconds(5).plus(ACCESS_LIFETIME)));
        }

        @Test
        void revokeByIdWhenUnknownSessionThenNotFound() {
            fixture.given(registered(), started("s1"))
                    .when(new RevokeSessionById(
                            USER, "s1", "other", SessionRevocationReason.REVOKED_BY_USER, T0.plusSeconds(5)))
                    .expectNoEvents()
                    .expectException(violation(ProblemCode.SESSION_NOT_FOUND));
        }
    }

    @Nested
    class RevokeAllSessionsCommand {

        @Test
        void revokeAllWhenCalledThenEveryLiveSessionEnds() {
            fixture.given(registered(), started("s1"), started("s2"))
                    .when(new RevokeAllSessions(USER, "s2", T0.plusSeconds(5)))
                    .expectEvents(
                            new SessionRevoked(
                                    USER,
                                    "s1",
                                    SessionRevocationReason.LOGOUT_EVERYWHERE,
                                    T0.plusSeconds(5),
                                    T0.plusSeconds(5).plus(ACCESS_LIFETIME)),
                            new SessionRevoked(
                                    USER,
                                    "s2",
                                    SessionRevocationReason.LOGOUT_EVERYWHERE,
                                    T0.plusSeconds(5),
                                    T0.plusSeconds(5).plus(ACCESS_LIFETIME)));
        }
    }

    @Nested
    class AccessTokenLifetimeLowered {

        /** An app whose access tokens live an hour, unless a test lowers it. */
        @BeforeEach
        void hourLongAccessTokens() {
            accessLifetime = Duration.ofMinutes(60);
        }

        @Test
        void revokeSessionWhenAppLoweredLifetimeAfterTokenIssuedThenRefusedUntilThatTokenExpires() {
            accessLifetime = Duration.ofMinutes(5);

            fixture.given(registered(), startedWithHourLongToken())
                    .when(new RevokeSession(USER, "r1", SessionRevocationReason.LOGOUT, T0.plusSeconds(60)))
                    .expectEvents(new SessionRevoked(
                            USER,
                            "s1",
                            SessionRevocationReason.LOGOUT,
                            T0.plusSeconds(60),
                            T0.plus(Duration.ofMinutes(60))));
        }

        @Test
        void loginWhenLifetimeIsAnHourThenSessionRemembersTheTokensExpiry() {
            fixture.given(registered())
                    .when(new Login(USER, "pw", "s1", "r1", IP, BROWSER, T0))
                    .expectEvents(
                            new LoginSucceeded(USER, "s1", IP, BROWSER, T0, LoginMethod.PASSWORD),
                            startedWithHourLongToken());
        }

        @Test
        void revokeAllSessionsWhenTokenFromARefreshOutlivesTheNewLifetimeThenRefusedUntilItExpires() {
            accessLifetime = Duration.ofMinutes(5);
            RefreshTokenRotated hourLongRefresh = new RefreshTokenRotated(
                    USER,
                    "s1",
                    "r1",
                    "r2",
                    ROTATED,
                    T0.plus(REFRESH_LIFETIME),
                    IP,
                    BROWSER,
                    ROTATED.plus(Duration.ofMinutes(60)));

            fixture.given(
                            registered(),
                            new SessionStarted(
                                    USER,
                                    "s1",
                                    "r1",
                                    IP,
                                    BROWSER,
                                    T0,
                                    T0.plus(REFRESH_LIFETIME),
                                    T0.plus(Duration.ofMinutes(5))),
                            hourLongRefresh)
                    .when(new RevokeAllSessions(USER, "s1", ROTATED.plusSeconds(60)))
                    .expectEvents(new SessionRevoked(
                            USER,
                            "s1",
                            SessionRevocationReason.LOGOUT_EVERYWHERE,
                            ROTATED.plusSeconds(60),
                            ROTATED.plus(Duration.ofMinutes(60))));
        }

        @Test
        void revokeSessionWhenLifetimeRaisedSinceThenRefusedForTheCurrentLifetime() {
            accessLifetime = Duration.ofMinutes(90);

            fixture.given(registered(), startedWithHourLongToken())
                    .when(new RevokeSession(USER, "r1", SessionRevocationReason.LOGOUT, T0.plusSeconds(60)))
                    .expectEvents(new SessionRevoked(
                            USER,
                            "s1",
                            SessionRevocationReason.LOGOUT,
                            T0.plusSeconds(60),
                            T0.plusSeconds(60).plus(Duration.ofMinutes(90))));
        }
    }

    @Nested
    class RefreshGrace {

        /** An app whose access tokens live an hour, unless a test lowers it. */
        @BeforeEach
        void hourLongAccessTokens() {
            accessLifetime = Duration.ofMinutes(60);
        }

        @Test
        void refreshWhenSameClientRacesWithinGraceThenGraceUseRecordedAndSessionGranted() {
            accessLifetime = Duration.ofMinutes(5);

            fixture.given(registered(), startedWithHourLongToken(), rotatedBy(IP, BROWSER))
                    .when(new RefreshSession(USER, "r1", "r2", IP, BROWSER, ROTATED.plusSeconds(2)))
                    .expectEvents(new RefreshTokenGraceUsed(
                            USER,
                            "s1",
                            IP,
                            BROWSER,
                            ROTATED.plusSeconds(2),
                            ROTATED.plusSeconds(2).plus(Duration.ofMinutes(5))))
                    .expectResultMessagePayload(new RefreshOutcome.Granted(new SessionGrant(
                            USER,
                            "s1",
                            List.of("user"),
                            List.of(),
                            0,
                            "default",
                            "default",
                            Duration.ofMinutes(5),
                            ROTATED.plusSeconds(2).plus(Duration.ofMinutes(5)))));
        }

        @Test
        void refreshWhenOtherAddressReplaysWithinGraceThenReuseDetectedAndSessionRevoked() {
            accessLifetime = Duration.ofMinutes(5);
            Instant at = ROTATED.plusSeconds(2);

            fixture.given(registered(), startedWithHourLongToken(), rotatedBy(IP, BROWSER))
                    .when(new RefreshSession(USER, "r1", "r2", "198.51.100.9", BROWSER, at))
                    .expectEvents(
                            new RefreshTokenReuseDetected(USER, "s1", "198.51.100.9", BROWSER, at),
                            new SessionRevoked(
                                    USER,
                                    "s1",
                                    SessionRevocationReason.REFRESH_TOKEN_REUSE,
                                    at,
                                    T0.plus(Duration.ofMinutes(60))))
                    .expectResultMessagePayload(new RefreshOutcome.Rejected());
        }

        @Test
        void refreshWhenOtherUserAgentReplaysWithinGraceThenReuseDetectedAndSessionRevoked() {
            accessLifetime = Duration.ofMinutes(5);
            Instant at = ROTATED.plusSeconds(2);

            fixture.given(registered(), startedWithHourLongToken(), rotatedBy(IP, BROWSER))
                    .when(new RefreshSession(USER, "r1", "r2", IP, "curl/8", at))
                    .expectEvents(
                            new RefreshTokenReuseDetected(USER, "s1", IP, "curl/8", at),
                            new SessionRevoked(
                                    USER,
                                    "s1",
                                    SessionRevocationReason.REFRESH_TOKEN_REUSE,
                                    at,
                                    T0.plus(Duration.ofMinutes(60))))
                    .expectResultMessagePayload(new RefreshOutcome.Rejected());
        }

        @Test
        void refreshWhenSameClientRacesAgainAfterGraceUseThenSessionStillRefreshes() {
            fixture.given(
                            registered(),
                            startedWithHourLongToken(),
                            rotatedBy(IP, BROWSER),
                            new RefreshTokenGraceUsed(
                                    USER,
                                    "s1",
                                    IP,
                                    BROWSER,
                                    ROTATED.plusSeconds(1),
                                    ROTATED.plusSeconds(1).plus(Duration.ofMinutes(60))))
                    .when(new RefreshSession(USER, "r2", "r3", IP, BROWSER, ROTATED.plusSeconds(30)))
                    .expectEvents(new RefreshTokenRotated(
                            USER,
                            "s1",
                            "r2",
                            "r3",
                            ROTATED.plusSeconds(30),
                            T0.plus(REFRESH_LIFETIME),
                            IP,
                            BROWSER,
                            ROTATED.plusSeconds(30).plus(Duration.ofMinutes(60))));
        }

        @Test
        void revokeSessionWhenGraceUseIssuedLongerTokenThenRefusedUntilItExpires() {
            accessLifetime = Duration.ofMinutes(5);
            Instant graceAt = ROTATED.plusSeconds(1);

            fixture.given(
                            registered(),
                            new SessionStarted(
                                    USER,
                                    "s1",
                                    "r1",
                                    IP,
                                    BROWSER,
                                    T0,
                                    T0.plus(REFRESH_LIFETIME),
                                    T0.plus(Duration.ofMinutes(5))),
                            rotatedBy(IP, BROWSER),
                            new RefreshTokenGraceUsed(
                                    USER, "s1", IP, BROWSER, graceAt, graceAt.plus(Duration.ofMinutes(60))))
                    .when(new RevokeSession(USER, "r2", SessionRevocationReason.LOGOUT, graceAt.plusSeconds(10)))
                    .expectEvents(new SessionRevoked(
                            USER,
                            "s1",
                            SessionRevocationReason.LOGOUT,
                            graceAt.plusSeconds(10),
                            graceAt.plus(Duration.ofMinutes(60))));
        }
    }
}
