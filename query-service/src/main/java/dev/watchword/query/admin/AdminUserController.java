package dev.watchword.query.admin;

import dev.watchword.query.paging.Page;
import dev.watchword.query.paging.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * The admin's view of the accounts. Needs {@code users:read}, enforced with every other admin rule in
 * {@code AdminSecurityConfiguration}, not here.
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
    @GetMapping({"/api/admin/users", "/api/admin/users/"})
    Page<AdminUserResponse> findAdminUserRows(@RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size,
                                              @RequestParam(required = false) String status,
                                              @RequestParam(required = false) String role,
                                              @RequestParam(required = false) String q,
                                              @RequestParam(name = "created_from", required = false) Instant createdFrom,
                                              @RequestParam(name = "created_to", required = false) Instant createdTo,
                                              @RequestParam(name = "last_login_from", required = false)
                                              Instant lastLoginFrom,
                                              @RequestParam(name = "last_login_to", required = false)
                                              Instant lastLoginTo) {
        PageRequest request = PageRequest.of(page, size);
        AdminUserFilter filter = new AdminUserFilter(status, role, q, createdFrom, createdTo, lastLoginFrom,
                lastLoginTo);
        return Page.of(rows.findAdminUserRows(filter, request).stream().map(AdminUserResponse::of).toList(),
                request, rows.countAdminUserRows(filter));
    }

    @GetMapping({"/api/admin/users/{id}", "/api/admin/users/{id}/"})
    AdminUserDetailResponse getAdminUserById(@PathVariable String id) {
        AdminUserRow row = rows.getAdminUserRowById(id).orElseThrow(UserNotFound::new);
        return AdminUserDetailResponse.of(row, details.findLiveSessions(id, clock.instant()),
                details.findRecentActivity(id));
    }
}
