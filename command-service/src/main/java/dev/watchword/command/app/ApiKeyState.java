package dev.watchword.command.app;

import java.time.Instant;

/**
 * Where one of an app's keys stands, as the aggregate sees it.
 *
 * @param validUntil for a retired key, the end of its grace period; otherwise null
 */
record ApiKeyState(Status status, Instant validUntil) {

    enum Status {
        ACTIVE,
        RETIRED,
        REVOKED
    }

    static ApiKeyState active() {
        return new ApiKeyState(Status.ACTIVE, null);
    }

    boolean worksAt(Instant at) {
        return status == Status.ACTIVE || (status == Status.RETIRED && at.isBefore(validUntil));
    }
}
