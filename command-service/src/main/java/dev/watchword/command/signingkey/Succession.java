package dev.watchword.command.signingkey;

import java.util.List;

/**
 * What one rotation writes, in one transaction: the successor's row, the rows whose retirement it schedules,
 * and the rows it deletes (withdrawn keys, whose private keys are destroyed: OWASP ASVS 5.0 V13.3.1).
 */
public record Succession(KeyLifecycle successor, List<KeyLifecycle> updated, List<String> deleted) {

    public Succession {
        updated = List.copyOf(updated);
        deleted = List.copyOf(deleted);
    }
}
