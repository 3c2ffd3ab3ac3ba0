package dev.watchword.command.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a started or refreshed session lets the token issuer put into an access token.
 *
 * @param authorizationVersion changes with every role or status change of the user; verifiers refuse older
 *                             tokens where permissions matter
 * @param appId                the app the user belongs to: the token's {@code tenant}
 * @param clientId             that app's client id: the token's {@code client_id} and one of its audiences
 * @param accessTokenLifetime  that app's access token lifetime
 * @param accessTokenExpiresAt the access token's {@code exp}: exactly the expiry the session recorded, so that
 *                             a revocation lasts as long as the token ({@code null}: the issuer's clock plus the
 *                             lifetime)
 */
public record SessionGrant(
        String userId,
        String sessionId,
        List<String> roles,
        List<String> permissions,
        int authorizationVersion,
        String appId,
        String clientId,
        Duration accessTokenLifetime,
        Instant accessTokenExpiresAt) {

    public SessionGrant(
            String userId,
            String sessionId,
            List<String> roles,
            List<String> permissions,
            int authorizationVersion,
            String appId,
            String clientId,
            Duration accessTokenLifetime) {
        this(userId, sessionId, roles, permissions, authorizationVersion, appId, clientId, accessTokenLifetime, null);
    }
}
