package dev.watchword.events.app;

import java.time.Instant;

/**
 * A client app was registered by a platform operator.
 *
 * @param clientId the public identifier browsers and mobile apps send (through the SDK); not a secret
 */
public record ClientAppRegistered(String appId, String name, String clientId, String registeredBy, Instant registeredAt)
        implements ClientAppEvent {}
