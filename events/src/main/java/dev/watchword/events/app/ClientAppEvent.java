package dev.watchword.events.app;

/**
 * Everything that happens to a client app: the websites and apps that integrate Watchword. Part of
 * the permanent contract of the log, like {@code UserEvent}.
 */
public sealed interface ClientAppEvent
        permits ClientAppRegistered,
                ApiKeyIssued,
                ApiKeyRetired,
                ApiKeyRevoked,
                AppSettingsChanged,
                RoleDefined,
                LinkBaseUrlChanged {

    String appId();
}
