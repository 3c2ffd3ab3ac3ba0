package dev.watchword.query.apikey;

import dev.watchword.query.appscope.AppPrincipal;

/**
 * A working API key of a client app, as the principal of a request its backend made with it.
 *
 * @param appId    the app whose key it is
 * @param keyId    the key's id (the 8 characters after {@code wwk_}); not a secret
 * @param clientId the app's public client id
 */
public record AppApiKey(String appId, String keyId, String clientId) implements AppPrincipal {}
