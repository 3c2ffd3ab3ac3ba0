package dev.watchword.events.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.events.app.DefaultApp;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in roles as both services defined them by hand before they were declared once here. */
class BuiltInRoleTest {

    @Test
    void permissionsInWhenAdminOfDefaultAppThenEveryPermissionInOrder() {
        assertThat(values(BuiltInRole.ADMIN.permissionsIn(DefaultApp.APP_ID)))
                .containsExactly(
                        "users:read",
                        "users:write",
                        "roles:write",
                        "settings:write",
                        "keys:write",
                        "audit:read",
                        "apps:write");
    }

    @Test
    void permissionsInWhenAdminOfAnotherAppThenAllButAppsWrite() {
        assertThat(values(BuiltInRole.ADMIN.permissionsIn("app-1")))
                .containsExactly(
                        "users:read", "users:write", "roles:write", "settings:write", "keys:write", "audit:read");
    }

    @Test
    void permissionsInWhenUserThenNone() {
        assertThat(BuiltInRole.USER.permissionsIn(DefaultApp.APP_ID)).isEmpty();
        assertThat(BuiltInRole.USER.permissionsIn("app-1")).isEmpty();
    }

    @Test
    void apiKeyPermissionsWhenAskedThenAppAdminsButKeysWrite() {
        assertThat(values(BuiltInRole.apiKeyPermissions()))
                .containsExactly("users:read", "users:write", "roles:write", "settings:write", "audit:read");
    }

    @Test
    void namedWhenBuiltInNameThenRoleElseEmpty() {
        assertThat(BuiltInRole.named("user")).contains(BuiltInRole.USER);
        assertThat(BuiltInRole.named("admin")).contains(BuiltInRole.ADMIN);
        assertThat(BuiltInRole.named("ADMIN")).isEmpty();
        assertThat(BuiltInRole.named("support")).isEmpty();
        assertThat(BuiltInRole.named(null)).isEmpty();
    }

    private static List<String> values(Set<Permission> permissions) {
        return permissions.stream().map(Permission::value).toList();
    }
}
