package dev.watchword.command.appdirectory;

/**
 * The rules of the app a user belongs to, as the {@code User} aggregate asks for them: an interface so that
 * aggregate tests can hand in an app of their own, while the service injects {@link AppDirectory}.
 */
@FunctionalInterface
public interface AppPolicies {

    AppPolicy of(String appId);
}
