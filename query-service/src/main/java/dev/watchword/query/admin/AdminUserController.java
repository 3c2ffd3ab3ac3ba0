package dev.watchword.query.admin;

import dev.watchword.query.appscope.AdminScope;
import dev.watchword.query.paging.Page;
import dev.watchword.query.paging.PageRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's view of the accounts. Needs {@code users:read}, enforced with every other admin rule in
 * {@code AdminSecurityConfiguration}, not here. Within the caller's {@link AdminScope}: a platform operator sees
 * every app's users (and may filter with {@code app}), anyone else only their own app's; a user of another app is
 * answered like an unknown id.
 */
@RestController
class AdminUserController {

    private final AdminUserRows rows;
    private final AdminUserDetails details;
    private final Clock clock;

    AdminUserController(AdminUserRows rows, AdminUserDetails details, Clock clock) {
        this.rows = rows;
        this.details = details;
        this.clock = clock;
    }

    /** Instants are ISO-8601 ({@code 2026-01-31T00:00:00Z}); a {@code _from} is inclusive, a {@code _to} exclusive. */
    @GetMapping("/api/admin/users")
    Page<AdminUserResponse> findAdminUserRows(
            AdminScope scope,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String verified,
            @RequestParam(required = false) String q,
            @RequestParam(name = "created_from", required = false) Instant createdFrom,
            @RequestParam(name = "created_to", required = false) Instant createdTo,
            @RequestParam(name = "last_login_from", required = false) Instant lastLoginFrom,
            @RequestParam(name = "last_login_to", required = false) Instant lastLoginTo,
            @RequestParam(required = false) String app) {
        PageRequest request = PageRequest.of(page, size);
        AdminUserFilter filter = new AdminUserFilter(
                app,
                status,
                role,
                AdminUserFilter.verified(verified),
                q,
                createdFrom,
                createdTo,
                lastLoginFrom,
                lastLoginTo);
        return Page.of(
                rows.findAdminUserRows(scope, filter, request).stream()
                        .map(AdminUserResponse::of)
                        .toList(),
                request,
                rows.countAdminUserRows(scope, filter));
    }

    @GetMapping("/api/admin/users/{id}")
    AdminUserDetailResponse getAdminUserById(AdminScope scope, @PathVariable String id) {
        AdminUserRow row = rows.getAdminUserRowById(scope, id).orElseThrow(UserNotFound::new);
        return AdminUserDetailResponse.of(
                row, details.findLiveSessions(id, clock.instant()), details.findRecentActivity(row.appId(), id));
    }
}
