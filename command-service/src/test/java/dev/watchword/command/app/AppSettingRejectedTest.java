package dev.watchword.command.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.command.problem.ProblemCode;
import org.junit.jupiter.api.Test;

class AppSettingRejectedTest {

    @Test
    void roleWhenRejectedThenDetailNamesBuiltInRolesAndGrantablePermissions() {
        AppSettingRejected rejected = AppSettingRejected.role();

        assertThat(rejected.code()).isEqualTo(ProblemCode.ROLE_INVALID);
        assertThat(rejected.getMessage())
                .isEqualTo(
                        "A custom role needs a new name (not user or admin) and "
                                + "permissions among users:read, users:write, roles:write, settings:write, keys:write and audit:read.");
    }
}
