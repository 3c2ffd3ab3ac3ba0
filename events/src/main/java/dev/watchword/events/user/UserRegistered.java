package dev.watchword.events.user;

import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.sensitive.Personal;
import dev.watchword.events.sensitive.Secret;
import java.time.Instant;

/**
 * A user account was created. {@code passwordHash} is an Argon2id PHC string, never a password.
 *
 * @param email        normalized (trimmed, Unicode NFC, lower case); personal data
 * @param passwordHash {@code null} when the account was created without a password (an app that allows only
 *                     passwordless login)
 * @param appId        the client app the user belongs to; {@code null} in events recorded before client apps
 *                     existed, which all belong to {@link DefaultApp}
 */
public record UserRegistered(
        String userId,
        @Personal String email,
        @Personal @Secret String passwordHash,
        Instant registeredAt,
        String appId)
        implements UserEvent {

    /** A user of the {@link DefaultApp}. */
    public UserRegistered(String userId, String email, String passwordHash, Instant registeredAt) {
        this(userId, email, passwordHash, registeredAt, null);
    }

    public String appIdOrDefault() {
        return DefaultApp.orDefault(appId);
    }
}
