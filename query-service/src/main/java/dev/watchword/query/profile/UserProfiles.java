package dev.watchword.query.profile;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code user_profile} table. */
@Repository
public class UserProfiles {

    /** What {@link #map} reads; also the {@code returning} list of {@link UserProfileProjection}'s statements. */
    static final String COLUMNS = "user_id, email, email_verified, roles, created_at, last_login_at, login_count";

    private final JdbcClient jdbc;

    UserProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the table; requests go through {@link UserProfileCache} instead. */
    public Optional<UserProfile> getUserProfileById(String userId) {
        return jdbc.sql("select " + COLUMNS + " from user_profile where user_id = :userId")
                .param("userId", userId)
                .query(UserProfiles::map)
                .optional();
    }

    static UserProfile map(ResultSet row, int rowNumber) throws SQLException {
        return new UserProfile(
                row.getString("user_id"),
                row.getString("email"),
                row.getBoolean("email_verified"),
                roles(row.getArray("roles")),
                row.getTimestamp("created_at").toInstant(),
                instantOrNull(row.getTimestamp("last_login_at")),
                row.getLong("login_count"));
    }

    private static List<String> roles(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static java.time.Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
