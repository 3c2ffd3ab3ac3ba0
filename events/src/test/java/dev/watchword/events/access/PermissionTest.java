package dev.watchword.events.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PermissionTest {

    @Test
    void valueWhenEveryPermissionThenWireNameOfTheLog() {
        assertThat(Arrays.stream(Permission.values()).map(Permission::value))
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
    void ofWhenValueThenPermissionElseEmpty() {
        assertThat(Permission.of("audit:read")).contains(Permission.AUDIT_READ);
        assertThat(Permission.of("AUDIT_READ")).isEmpty();
        assertThat(Permission.of("audit:write")).isEmpty();
        assertThat(Permission.of(null)).isEmpty();
    }

    @Test
    void withinOneAppWhenAskedThenAllButThePlatformWideOne() {
        assertThat(Permission.withinOneApp())
                .doesNotContain(Permission.APPS_WRITE)
                .hasSize(Permission.values().length - 1);
        assertThat(Arrays.stream(Permission.values()).filter(Permission::platformWide))
                .containsExactly(Permission.APPS_WRITE);
    }
}
