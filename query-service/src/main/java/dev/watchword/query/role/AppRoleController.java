package dev.watchword.query.role;

import dev.watchword.query.appscope.AdminScope;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The roles of an app and what each may do. Needs {@code roles:write} (who assigns roles must know them)
 * or {@code users:read} (who reads the users must know what their roles mean), enforced in
 * {@code AdminSecurityConfiguration}. Within the caller's {@link AdminScope}: another app is answered like an
 * unknown one, 404 {@code APP_NOT_FOUND}.
 */
@RestController
class AppRoleController {

    private final AppRoles roles;

    AppRoleController(AppRoles roles) {
        this.roles = roles;
    }

    /** The built-in {@code user} and {@code admin} first, then the custom roles in the order they were defined. */
    @GetMapping("/api/admin/apps/{id}/roles")
    List<AppRoleResponse> findAppRoles(AdminScope scope, @PathVariable String id) {
        if (!scope.includes(id) || !roles.appExists(id)) {
            throw new AppNotFound();
        }
        return roles.findAppRoles(id).stream().map(AppRoleResponse::of).toList();
    }
}
