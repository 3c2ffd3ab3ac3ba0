package dev.watchword.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShadowTablesTest {

    @Test
    void onShadowWhenIndexOfLiveTableThenSameIndexOnShadowTable() {
        assertThat(ShadowTables.onShadow(
                        "CREATE INDEX admin_user_row_roles ON query.admin_user_row USING gin (roles)",
                        "query",
                        "admin_user_row",
                        "replay_0123456789ab"))
                .isEqualTo("CREATE INDEX admin_user_row_roles ON \"replay_0123456789ab\".\"admin_user_row\" "
                        + "USING gin (roles)");
    }

    @Test
    void onShadowWhenOtherTableThenRefused() {
        assertThatThrownBy(() -> ShadowTables.onShadow(
                        "CREATE INDEX x ON query.user_profile USING btree (email)",
                        "query",
                        "admin_user_row",
                        "replay_0123456789ab"))
                .isInstanceOf(IllegalStateException.class);
    }
}
