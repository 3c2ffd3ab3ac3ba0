package dev.watchword.events.user;

import java.time.Instant;

public record LoginSucceeded(String userId, String sessionId, String ipAddress, String userAgent,
                             Instant succeededAt) implements UserEvent {
}
