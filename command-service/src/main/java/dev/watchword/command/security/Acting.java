package dev.watchword.command.security;

import dev.watchword.command.user.UserRuleViolation;
import dev.watchword.events.access.Permission;
import dev.watchword.events.app.DefaultApp;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who performs an admin write, once authorized: an admin's access token or an app's API key.
 *
 * @param actorId     recorded in the events as who did it: a user id, or {@code apikey:<key id>}
 * @param appId       the app the actor belongs to
 * @param permissions what the actor may do now
 * @param at          the moment of the authorization, recorded with the change it allows
 */
public record Acting(String actorId, String appId, Set<String> permissions, Instant at) {

    public Acting {
        permissions = Set.copyOf(permissions);
    }

    /**
     * Platform operators act on every app; everyone else on their own app only. {@code apps:write} counts only for
     * an actor of the default app, as on the query side: whatever route gave an app's admin or key that permission
     * (a custom role, a forged claim that passed another check), it never reaches platform-level administration
     * (OWASP ASVS 5.0 V8.2.1, V8.3.1: authorization enforced at the trusted service layer, per app).
     */
    public boolean platformWide() {
        return permissions.contains(Permission.APPS_WRITE.value()) && DefaultApp.APP_ID.equals(appId);
    }

    /**
     * Refuses a target in another app exactly as an unknown one ({@code notFound}), so an app's admin learns
     * nothing about other apps (404, and nothing recorded).
     */
    public void requireReach(String targetAppId, Supplier<? extends RuntimeException> notFound) {
        if (!platformWide() && !appId.equals(targetAppId)) {
            throw notFound.get();
        }
    }

    /** Nobody hands out a permission they do not hold themselves (no self-escalation). */
    public void requireHolds(Collection<String> needed) {
        if (!permissions.containsAll(needed)) {
            throw UserRuleViolation.notPermitted();
        }
    }
}
