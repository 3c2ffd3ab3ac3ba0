package dev.watchword.command.user;

import java.time.Instant;

/**
 * Create an account. The address is already normalized and the password already hashed by the caller, so
 * the slow hash runs outside the aggregate and no password travels further than the web layer.
 */
public record RegisterUser(String userId, String email, String passwordHash, OneTimeSecret verification,
                           Instant at) {
}
