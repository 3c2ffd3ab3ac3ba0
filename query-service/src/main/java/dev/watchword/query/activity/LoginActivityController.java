package dev.watchword.query.activity;

import dev.watchword.query.appscope.AdminScope;
import dev.watchword.query.paging.Page;
import dev.watchword.query.paging.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's login history for admins ({@code users:read}, enforced in {@code AdminSecurityConfiguration}).
 * A page, possibly empty: an unknown id has no history, which is not an error for a {@code Find} query; nor has a
 * user outside the caller's {@link AdminScope}.
 */
@RestController
class LoginActivityController {

    private final LoginActivities activities;

    LoginActivityController(LoginActivities activities) {
        this.activities = activities;
    }

    @GetMapping("/api/admin/users/{id}/logins")
    Page<LoginActivityResponse> findLoginActivities(
            AdminScope scope,
            @PathVariable String id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(
                activities.findLoginActivities(scope, id, request).stream()
                        .map(LoginActivityResponse::of)
                        .toList(),
                request,
                activities.countLoginActivities(scope, id));
    }
}
