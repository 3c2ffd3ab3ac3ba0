package dev.watchword.command.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Consecutive password failures of one account, per client address and in total. Waits are per address, so
 * an attacker failing from one address does not lock the owner out from another (OWASP ASVS 5.0 V6.1.1);
 * the total only blocks password login after {@link AccountPolicy#hardLockoutThreshold()} failures, leaving
 * reset and passwordless login open.
 * <p>
 * Wrong current passwords (password and email change) count here as well, and also per session: a stolen
 * access token may guess the password there, and its session ends after {@link AccountPolicy#lockoutThreshold()}
 * wrong ones (OWASP ASVS 5.0 V6.3.1).
 * <p>
 * Immutable, like the {@link UserState} it is part of: every change returns a new throttle.
 *
 * @param bySession wrong current passwords per session; a session's entry goes with the session
 */
public record LoginThrottle(
        Map<String, AddressFailures> byAddress, int consecutiveTotal, Map<String, Integer> bySession) {

    /** Addresses whose last failure is older than this are forgotten, keeping the aggregate small. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    public LoginThrottle {
        byAddress = Collections.unmodifiableMap(new HashMap<>(byAddress));
        bySession = Collections.unmodifiableMap(new HashMap<>(bySession));
    }

    /** No failure yet. */
    static LoginThrottle none() {
        return new LoginThrottle(Map.of(), 0, Map.of());
    }

    boolean refuses(String ipAddress, Instant now, AccountPolicy policy) {
        if (consecutiveTotal >= policy.hardLockoutThreshold()) {
            return true;
        }
        AddressFailures failures = byAddress.get(key(ipAddress));
        return failures != null && failures.lockedUntil() != null && now.isBefore(failures.lockedUntil());
    }

    /** The failures from this address after one more, counting the one about to be recorded. */
    int failuresAfterOneMore(String ipAddress) {
        AddressFailures failures = byAddress.get(key(ipAddress));
        return failures == null ? 1 : failures.consecutive() + 1;
    }

    /** The wrong current passwords of this session after one more, counting the one about to be recorded. */
    int sessionFailuresAfterOneMore(String sessionId) {
        return bySession.getOrDefault(sessionId, 0) + 1;
    }

    LoginThrottle failed(String ipAddress, Instant at) {
        Map<String, AddressFailures> addresses = new HashMap<>(byAddress);
        addresses.values().removeIf(f -> f.lastFailureAt().plus(FORGET_AFTER).isBefore(at));
        AddressFailures previous = addresses.get(key(ipAddress));
        int consecutive = previous == null ? 1 : previous.consecutive() + 1;
        addresses.put(
                key(ipAddress), new AddressFailures(consecutive, at, previous == null ? null : previous.lockedUntil()));
        return new LoginThrottle(addresses, consecutiveTotal + 1, bySession);
    }

    /**
     * A wrong current password in {@code sessionId}; {@code counted} when the password was checked (not refused
     * unchecked during a lockout), so it counts toward the address and the total like a failed login.
     */
    LoginThrottle currentPasswordFailed(
            String sessionId, String ipAddress, Instant at, boolean counted, Set<String> liveSessionIds) {
        Map<String, Integer> sessions = new HashMap<>(bySession);
        sessions.keySet().retainAll(liveSessionIds);
        sessions.merge(sessionId, 1, Integer::sum);
        LoginThrottle next = new LoginThrottle(byAddress, consecutiveTotal, sessions);
        return counted ? next.failed(ipAddress, at) : next;
    }

    LoginThrottle locked(String ipAddress, Instant until) {
        Map<String, AddressFailures> addresses = new HashMap<>(byAddress);
        addresses.computeIfPresent(
                key(ipAddress), (k, f) -> new AddressFailures(f.consecutive(), f.lastFailureAt(), until));
        return new LoginThrottle(addresses, consecutiveTotal, bySession);
    }

    LoginThrottle succeeded(String ipAddress) {
        Map<String, AddressFailures> addresses = new HashMap<>(byAddress);
        addresses.remove(key(ipAddress));
        return new LoginThrottle(addresses, 0, bySession);
    }

    LoginThrottle reset() {
        return new LoginThrottle(Map.of(), 0, bySession);
    }

    private static String key(String ipAddress) {
        return ipAddress == null ? "" : ipAddress;
    }

    public record AddressFailures(int consecutive, Instant lastFailureAt, Instant lockedUntil) {}
}
