package dev.watchword.query.appscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;

class AdminScopeTest {

    @Test
    void ofWhenDefaultAppTokenHoldsAppsWriteThenPlatformWide() {
        assertThat(AdminScope.of(token(Map.of("tenant", "default"), "apps:write", "users:read"))
                        .isPlatformWide())
                .isTrue();
        // Tokens issued before tenants lack the claim: the default app's.
        assertThat(AdminScope.of(token(Map.of(), "apps:write")).isPlatformWide())
                .isTrue();
    }

    @Test
    void ofWhenTokenLacksAppsWriteThenScopedToItsApp() {
        assertThat(AdminScope.of(token(Map.of("tenant", "app-a"), "users:read")))
                .isEqualTo(AdminScope.ofApp("app-a"));
        assertThat(AdminScope.of(token(Map.of(), "users:read"))).isEqualTo(AdminScope.ofApp("default"));
    }

    @Test
    void ofWhenOtherAppsTokenHoldsAppsWriteThenStillScopedToItsApp() {
        AdminScope scope = AdminScope.of(token(Map.of("tenant", "app-a"), "apps:write"));

        assertThat(scope.isPlatformWide()).isFalse();
        assertThat(scope.includes("app-a")).isTrue();
        assertThat(scope.includes("app-b")).isFalse();
    }

    @Test
    void ofWhenApiKeyThenItsAppEvenWithAppsWrite() {
        TestingAuthenticationToken key = new TestingAuthenticationToken(
                (AppPrincipal) () -> "app-k", null, AuthorityUtils.createAuthorityList("apps:write"));

        assertThat(AdminScope.of(key)).isEqualTo(AdminScope.ofApp("app-k"));
    }

    @Test
    void ofWhenTenantClaimNotAnAppIdThenForbidden() {
        assertThatExceptionOfType(ErrorResponseException.class)
                .isThrownBy(() -> AdminScope.of(token(Map.of("tenant", 42), "apps:write")))
                .satisfies(e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
        assertThatExceptionOfType(ErrorResponseException.class)
                .isThrownBy(() -> AdminScope.of(token(Map.of("tenant", " "), "users:read")));
        assertThatExceptionOfType(ErrorResponseException.class)
                .isThrownBy(() -> AdminScope.of((org.springframework.security.core.Authentication) null));
    }

    @Test
    void includesWhenPlatformWideThenEveryApp() {
        assertThat(AdminScope.platformWide().includes("anything")).isTrue();
        assertThat(AdminScope.platformWide().appId()).isNull();
    }

    private static JwtAuthenticationToken token(Map<String, Object> claims, String... permissions) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
                .header("alg", "ES256")
                .subject("u1")
                .issuedAt(Instant.now())
                .claim("permissions", List.of(permissions));
        claims.forEach(jwt::claim);
        return new JwtAuthenticationToken(jwt.build(), AuthorityUtils.createAuthorityList(permissions));
    }
}
