package dev.watchword.command.user;

import java.util.List;

/** What a started or refreshed session lets the token issuer put into an access token. */
public record SessionGrant(String userId, String sessionId, List<String> roles) {
}
