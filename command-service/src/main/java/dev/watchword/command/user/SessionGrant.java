package dev.watchword.command.user;

import java.util.List;

/**
 * What a started or refreshed session lets the token issuer put into an access token.
 *
 * @param authorizationVersion changes with every role or status change of the user; verifiers refuse older
 *                             tokens where permissions matter
 */
public record SessionGrant(String userId, String sessionId, List<String> roles, List<String> permissions,
                           int authorizationVersion) {
}
