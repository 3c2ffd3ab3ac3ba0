package dev.watchword.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.watchword.command.problem.RuleViolation;
import dev.watchword.command.user.AdministrationCommand.AuthorizeActor;
import dev.watchword.events.access.Permission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Platform-level administration ({@code apps:write}) belongs to the default app's actors only. */
class ActingAdminTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final String OTHER_APP = "3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b";

    private final CommandGateway commands = mock(CommandGateway.class);
    private final ActingAdmin actingAdmin = new ActingAdmin(commands, CLOCK);

    private static JwtAuthenticationToken tokenOf(String appId, List<String> permissions) {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "ES256")
                .subject("user-1")
                .claim("sid", "session-1")
                .claim("tenant", appId)
                .claim("authz_ver", 1)
                .claim("permissions", permissions)
                .issuedAt(CLOCK.instant())
                .expiresAt(CLOCK.instant().plusSeconds(300))
                .build();
        return new JwtAuthenticationToken(
                jwt, permissions.stream().map(SimpleGrantedAuthority::new).toList());
    }

    @Test
    void authorizeWhenAppsWriteClaimedByAnotherAppsAdminThenForbiddenAndNothingSent() {
        JwtAuthenticationToken appAdmin = tokenOf(OTHER_APP, List.of("apps:write", "users:write"));

        RuleViolation refused =
                catchThrowableOfType(RuleViolation.class, () -> actingAdmin.authorize(appAdmin, Permission.APPS_WRITE));

        assertThat(refused.code().name()).isEqualTo("FORBIDDEN");
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void authorizeWhenAppsWriteHeldInAnotherAppThenNotPlatformWide() {
        JwtAuthenticationToken appAdmin = tokenOf(OTHER_APP, List.of("apps:write", "users:write"));

        Acting acting = actingAdmin.authorize(appAdmin, Permission.USERS_WRITE);

        assertThat(acting.platformWide()).isFalse();
        assertThat(catchThrowableOfType(
                        RuntimeException.class, () -> acting.requireReach("default", IllegalStateException::new)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void authorizeWhenDefaultAppsOperatorThenPlatformWide() {
        JwtAuthenticationToken operator = tokenOf("default", List.of("apps:write", "users:write"));

        Acting acting = actingAdmin.authorize(operator, Permission.APPS_WRITE);

        assertThat(acting.platformWide()).isTrue();
        verify(commands).sendAndWait(new AuthorizeActor("user-1", "session-1", 1, "apps:write", CLOCK.instant()));
    }

    @Test
    void platformWideWhenAppsWriteOutsideTheDefaultAppThenFalse() {
        assertThat(new Acting("apikey:k1", OTHER_APP, Set.of("apps:write"), CLOCK.instant()).platformWide())
                .isFalse();
    }
}
