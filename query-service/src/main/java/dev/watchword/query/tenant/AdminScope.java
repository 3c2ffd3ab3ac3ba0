package dev.watchword.query.tenant;

import dev.watchword.events.app.DefaultApp;
import dev.watchword.query.authorization.Permissions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Whose data an admin request may read (issue 4). A caller holding {@code apps:write} (the platform operator,
 * a user of the default app) is platform-wide; every other caller is scoped to its app: the {@code tenant} of its
 * token, or the app of its API key. Outside its scope a caller is answered exactly as for an id that does not
 * exist, and lists leave it out: so that nothing tells an app's admin whether another app's user or key exists.
 * <p>
 * Handed to the admin controllers as a method argument ({@link AdminScopeArgumentResolver}), resolved from the
 * authentication of the admin filter chain, never from anything the request says.
 *
 * @param appId the one app visible, {@code null} when every app is
 */
public record AdminScope(String appId) {

    private static final AdminScope PLATFORM_WIDE = new AdminScope(null);

    public static AdminScope platformWide() {
        return PLATFORM_WIDE;
    }

    public static AdminScope of(String appId) {
        return new AdminScope(java.util.Objects.requireNonNull(appId));
    }

    /**
     * The scope of an authenticated admin caller. {@code apps:write} counts only in a token of the default app:
     * no other app's role can carry it (command-service grants only permissions the definer holds), and should
     * one ever do, it stays scoped to its app rather than become platform-wide. An API key is never
     * platform-wide.
     *
     * @throws AccessDeniedException for a caller that names no app, which then sees nothing (403)
     */
    public static AdminScope of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("No authenticated admin caller");
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof TenantPrincipal app) {
            return of(app.tenant());
        }
        if (principal instanceof Jwt token) {
            String tenant = TokenTenant.of(token)
                    .orElseThrow(() -> new AccessDeniedException("The token names no app"));
            boolean operator = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch(Permissions.APPS_WRITE::equals);
            return operator && DefaultApp.APP_ID.equals(tenant) ? PLATFORM_WIDE : of(tenant);
        }
        throw new AccessDeniedException("Not an admin caller");
    }

    public boolean isPlatformWide() {
        return appId == null;
    }

    /** Whether data of {@code app} is visible in this scope. */
    public boolean includes(String app) {
        return appId == null || appId.equals(app);
    }
}
