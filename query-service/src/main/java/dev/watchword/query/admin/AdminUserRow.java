package dev.watchword.query.admin;

import java.time.Instant;
import java.util.List;

/**
 * Read model: one account as the admin's list of users shows it.
 *
 * @param appId       the client app the account belongs to ({@code UserRegistered.appId}, {@code default} if none)
 * @param email       the address of record, {@code null} once {@link #ERASED}
 * @param status      {@link #ACTIVE} or {@link #DISABLED}, after the latest {@code UserDisabled}/{@code UserEnabled};
 *                    {@link #ERASED} for good after {@code UserErased}
 * @param roles       the roles held, {@code user} from registration on
 * @param lastLoginAt the latest {@code LoginSucceeded}, {@code null} before the first login
 */
public record AdminUserRow(
        String id,
        String appId,
        String email,
        String status,
        boolean emailVerified,
        List<String> roles,
        Instant createdAt,
        Instant lastLoginAt) {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";
    /** The account was deleted and its personal data erased. */
    public static final String ERASED = "erased";

    public AdminUserRow {
        roles = List.copyOf(roles);
    }
}
