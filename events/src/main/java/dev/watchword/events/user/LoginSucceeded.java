package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import java.time.Instant;

/**
 * @param method how the user proved who they are; {@code null} in events stored before passwordless login
 *               existed, which were all {@link LoginMethod#PASSWORD}
 */
public record LoginSucceeded(
        String userId,
        String sessionId,
        @Personal String ipAddress,
        @Personal String userAgent,
        Instant succeededAt,
        LoginMethod method)
        implements UserEvent {

    public LoginMethod methodOrDefault() {
        return method == null ? LoginMethod.PASSWORD : method;
    }
}
