package dev.watchword.command.tenant;

/**
 * The rules of the app a user belongs to, as the {@code User} aggregate asks for them: an interface so that
 * aggregate tests can hand in an app of their own, while the service injects {@link Tenants}.
 */
@FunctionalInterface
public interface TenantRules {

    Tenant of(String appId);
}
