package dev.watchword.query.appscope;

import dev.watchword.events.access.Permission;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

/**
 * Whose data an admin request may read. A caller holding {@code apps:write} (the platform operator,
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

    public static AdminScope ofApp(String appId) {
        return new AdminScope(Objects.requireNonNull(appId));
    }

    /**
     * The scope of an authenticated admin caller. {@code apps:write} counts only in a token of the default app:
     * no other app's role can carry it (command-service grants only permissions the definer holds), and should
     * one ever do, it stays scoped to its app rather than become platform-wide. An API key is never
     * platform-wide.
     *
     * @throws ErrorResponseException 403 {@code FORBIDDEN} for a caller that names no app (which the admin chain
     *                                 refuses before, as an invalid token), so that it sees nothing
     */
    public static AdminScope of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw forbidden();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof AppPrincipal app) {
            return ofApp(app.appId());
        }
        if (principal instanceof Jwt token) {
            String tenant = TokenApp.of(token).orElseThrow(AdminScope::forbidden);
            boolean operator = authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .anyMatch(Permission.APPS_WRITE.value()::equals);
            return operator && DefaultApp.APP_ID.equals(tenant) ? PLATFORM_WIDE : ofApp(tenant);
        }
        throw forbidden();
    }

    private static ErrorResponseException forbidden() {
        return new ErrorResponseException(
                HttpStatus.FORBIDDEN,
                Problems.of(HttpStatus.FORBIDDEN, ProblemCode.FORBIDDEN, "This token does not allow this request."),
                null);
    }

    public boolean isPlatformWide() {
        return appId == null;
    }

    /**
     * The SQL condition that keeps a query within this scope, on a table's {@code app_id} column: a fixed fragment,
     * the app itself a bind parameter ({@link #sqlParams()}).
     */
    public String sqlCondition() {
        return isPlatformWide() ? "true" : "app_id = :scope";
    }

    /** The bind parameters of {@link #sqlCondition()}. */
    public Map<String, Object> sqlParams() {
        return isPlatformWide() ? Map.of() : Map.of("scope", appId);
    }

    /** Whether data of {@code app} is visible in this scope. */
    public boolean includes(String app) {
        return appId == null || appId.equals(app);
    }
}
