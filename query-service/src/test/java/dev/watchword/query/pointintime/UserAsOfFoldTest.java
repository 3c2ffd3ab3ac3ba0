package dev.watchword.query.pointintime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserRegistered;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserAsOfFoldTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final UserRegistered REGISTERED = new UserRegistered("u1", "a@example.com", "hash", T0);

    @Test
    void foldWhenNoEventsThenDoesNotExist() {
        UserAsOf user = UserAsOfFold.fold("u1", T0, List.of());

        assertThat(user.exists()).isFalse();
        assertThat(user.email()).isNull();
        assertThat(user.status()).isNull();
        assertThat(user.roles()).isEmpty();
        assertThat(user.sessions()).isEmpty();
        assertThat(user.eventsApplied()).isZero();
    }

    @Test
    void foldWhenRegisteredThenActiveUnverifiedWithRoleUser() {
        UserAsOf user = UserAsOfFold.fold("u1", T0, List.of(REGISTERED));

        assertThat(user.exists()).isTrue();
        assertThat(user.id()).isEqualTo("u1");
        assertThat(user.asOf()).isEqualTo(T0);
        assertThat(user.email()).isEqualTo("a@example.com");
        assertThat(user.status()).isEqualTo("active");
        assertThat(user.emailVerified()).isFalse();
        assertThat(user.roles()).containsExactly("user");
        assertThat(user.eventsApplied()).isEqualTo(1);
    }

    @Test
    void foldWhenEmailVerifiedThenChangedThenNewAddressVerified() {
        UserAsOf verified =
                UserAsOfFold.fold("u1", T0, List.of(REGISTERED, new EmailVerified("u1", "a@example.com", T0)));
        UserAsOf changed = UserAsOfFold.fold(
                "u1", T0, List.of(REGISTERED, new EmailChanged("u1", "a@example.com", "b@example.com", T0)));

        assertThat(verified.emailVerified()).isTrue();
        assertThat(changed.email()).isEqualTo("b@example.com");
        assertThat(changed.emailVerified()).isTrue();
    }

    @Test
    void foldWhenRolesAssignedAndRevokedThenOnlyThoseStillHeldInGrantOrder() {
        UserAsOf user = UserAsOfFold.fold(
                "u1",
                T0,
                List.of(
                        REGISTERED,
                        new RoleAssigned("u1", "auditor", "admin-1", T0),
                        new RoleAssigned("u1", "admin", "admin-1", T0),
                        new RoleAssigned("u1", "auditor", "admin-2", T0),
                        new RoleRevoked("u1", "admin", "admin-2", T0)));

        assertThat(user.roles()).containsExactly("user", "auditor");
    }

    @Test
    void foldWhenDisabledThenEnabledThenStatusFollows() {
        UserDisabled disabled = new UserDisabled("u1", "admin-1", T0);

        assertThat(UserAsOfFold.fold("u1", T0, List.of(REGISTERED, disabled)).status())
                .isEqualTo("disabled");
        assertThat(UserAsOfFold.fold("u1", T0, List.of(REGISTERED, disabled, new UserEnabled("u1", "admin-2", T0)))
                        .status())
                .isEqualTo("active");
    }

    @Test
    void foldWhenSessionsStartedRevokedOrExpiredThenOnlyLiveOnesListed() {
        Instant at = T0.plusSeconds(3_600);
        UserAsOf user = UserAsOfFold.fold(
                "u1",
                at,
                List.of(
                        REGISTERED,
                        started("live", T0.plusSeconds(7_200)),
                        started("revoked", T0.plusSeconds(7_200)),
                        started("expired", T0.plusSeconds(1_800)),
                        started("expiresNow", at),
                        started("rotated", T0.plusSeconds(60)),
                        new RefreshTokenRotated("u1", "rotated", "h1", "h2", T0.plusSeconds(30), T0.plusSeconds(9_000)),
                        new SessionRevoked("u1", "revoked", SessionRevocationReason.values()[0], T0, T0)));

        assertThat(user.sessions()).extracting(UserAsOf.Session::id).containsExactly("live", "rotated");
        UserAsOf.Session live = user.sessions().getFirst();
        assertThat(live.startedAt()).isEqualTo(T0);
        assertThat(live.ipAddress()).isEqualTo("203.0.113.1");
        assertThat(live.device()).isEqualTo("agent live");
        assertThat(live.revokedAt()).isNull();
        assertThat(user.sessions().get(1).device()).isEqualTo("agent rotated");
    }

    @Test
    void foldWhenEventsWithoutRulesOrUnknownThenCountedAndIgnored() {
        UserAsOf user = UserAsOfFold.fold(
                "u1",
                T0,
                Arrays.asList(REGISTERED, new LoginSucceeded("u1", "s1", "203.0.113.1", "it", T0, null), null));

        assertThat(user.eventsApplied()).isEqualTo(3);
        assertThat(user.roles()).containsExactly("user");
        assertThat(user.sessions()).isEmpty();
    }

    @Test
    void foldWhenErasedThenErasedWithoutAddressOrSessionsWhateverFollows() {
        UserAsOf user = UserAsOfFold.fold(
                "u1",
                T0,
                List.of(
                        REGISTERED,
                        new EmailVerified("u1", "a@example.com", T0),
                        new RoleAssigned("u1", "admin", "admin-1", T0),
                        started("live", T0.plusSeconds(7_200)),
                        new UserErased("u1", "admin-1", T0),
                        new UserEnabled("u1", "admin-1", T0),
                        new EmailChanged("u1", null, null, T0)));

        assertThat(user.exists()).isTrue();
        assertThat(user.status()).isEqualTo("erased");
        assertThat(user.email()).isNull();
        assertThat(user.sessions()).isEmpty();
        assertThat(user.roles()).containsExactly("user", "admin");
        assertThat(user.emailVerified()).isTrue();
    }

    private static SessionStarted started(String sessionId, Instant expiresAt) {
        return new SessionStarted("u1", sessionId, "hash", "203.0.113.1", "agent " + sessionId, T0, expiresAt);
    }
}
