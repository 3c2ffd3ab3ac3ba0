package dev.watchword.events.app;

import java.time.Instant;
import java.util.List;

/**
 * An app's admin created a custom role. Roles are named once and never redefined, so a token's
 * {@code roles} always mean the permissions they meant when it was issued.
 *
 * @param permissions the permissions the role carries, each one its definer held
 */
public record RoleDefined(String appId, String role, List<String> permissions, String definedBy, Instant definedAt)
        implements ClientAppEvent {}
