package dev.watchword.query.appscope;

import dev.watchword.events.app.DefaultApp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code user_app} table: which app each user belongs to. */
@Repository
public class UserApps {

    private final JdbcClient jdbc;

    UserApps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The user's app. A user this table does not know is in the default app: users registered before client apps
     * existed, and ids of no user at all (which no read model of an app should then claim).
     */
    public String appOf(String userId) {
        if (userId == null) {
            return DefaultApp.APP_ID;
        }
        return jdbc.sql("select app_id from user_app where user_id = :userId")
                .param("userId", userId)
                .query(String.class)
                .optional()
                .orElse(DefaultApp.APP_ID);
    }

    void record(String userId, String appId) {
        jdbc.sql("insert into user_app (user_id, app_id) values (:userId, :appId) on conflict (user_id) do nothing")
                .param("userId", userId)
                .param("appId", appId)
                .update();
    }
}
