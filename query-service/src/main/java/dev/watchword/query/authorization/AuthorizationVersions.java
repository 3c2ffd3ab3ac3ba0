package dev.watchword.query.authorization;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current authorization version and disabled flag of each user, in memory: checking an access token's
 * {@code authz_ver} costs one map lookup, never a database round trip. Fed by {@link AuthorizationVersionProjection}
 * after each commit and loaded from {@code authorization_version} at startup.
 * <p>
 * A user's version is the number of their {@code RoleAssigned}, {@code RoleRevoked}, {@code UserDisabled} and
 * {@code UserEnabled} events; a user without any is at version 0 and enabled. command-service puts the version
 * current at issue time into the token, so a token whose version is lower predates a change of roles or status.
 */
public class AuthorizationVersions {

    private static final State INITIAL = new State(0, false);

    private final Map<String, State> byUser = new ConcurrentHashMap<>();

    /** Idempotent and monotonic: a state older than the one held (a lower version) changes nothing. */
    public void update(String userId, long version, boolean disabled) {
        byUser.merge(
                userId,
                new State(version, disabled),
                (held, arriving) -> arriving.version() >= held.version() ? arriving : held);
    }

    public long currentVersion(String userId) {
        return byUser.getOrDefault(userId, INITIAL).version();
    }

    public boolean isDisabled(String userId) {
        return byUser.getOrDefault(userId, INITIAL).disabled();
    }

    /** Whether a token of this user carrying {@code tokenVersion} still states the user's roles and status. */
    public boolean isCurrent(String userId, long tokenVersion) {
        State state = byUser.getOrDefault(userId, INITIAL);
        return !state.disabled() && tokenVersion >= state.version();
    }

    public int size() {
        return byUser.size();
    }

    private record State(long version, boolean disabled) {}
}
