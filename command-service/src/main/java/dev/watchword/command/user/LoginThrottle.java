package dev.watchword.command.user;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import java.time.Duration;
import java.time.Instant;
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
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class LoginThrottle {

    /** Addresses whose last failure is older than this are forgotten, keeping the aggregate small. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final Map<String, AddressFailures> byAddress = new HashMap<>();
    private int consecutiveTotal;
    /** Wrong current passwords per session; a session's entry goes with the session. */
    private final Map<String, Integer> bySession = new HashMap<>();

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

    void failed(String ipAddress, Instant at) {
        byAddress.values().removeIf(f -> f.lastFailureAt().plus(FORGET_AFTER).isBefore(at));
        AddressFailures previous = byAddress.get(key(ipAddress));
        int consecutive = previous == null ? 1 : previous.consecutive() + 1;
        byAddress.put(key(ipAddress), new AddressFailures(consecutive, at,
                previous == null ? null : previous.lockedUntil()));
        consecutiveTotal++;
    }

    /** The wrong current passwords of this session after one more, counting the one about to be recorded. */
    int sessionFailuresAfterOneMore(String sessionId) {
        return bySession.getOrDefault(sessionId, 0) + 1;
    }

    /**
     * A wrong current password in {@code sessionId}; {@code counted} when the password was checked (not refused
     * unchecked during a lockout), so it counts toward the address and the total like a failed login.
     */
    void currentPasswordFailed(String sessionId, String ipAddress, Instant at, boolean counted,
                               Set<String> liveSessionIds) {
        bySession.keySet().retainAll(liveSessionIds);
        bySession.merge(sessionId, 1, Integer::sum);
        if (counted) {
            failed(ipAddress, at);
        }
    }

    void locked(String ipAddress, Instant until) {
        byAddress.computeIfPresent(key(ipAddress), (k, f) -> new AddressFailures(f.consecutive(), f.lastFailureAt(), until));
    }

    void succeeded(String ipAddress) {
        byAddress.remove(key(ipAddress));
        consecutiveTotal = 0;
    }

    void reset() {
        byAddress.clear();
        consecutiveTotal = 0;
    }

    private static String key(String ipAddress) {
        return ipAddress == null ? "" : ipAddress;
    }

    public record AddressFailures(int consecutive, Instant lastFailureAt, Instant lockedUntil) {
    }
}
