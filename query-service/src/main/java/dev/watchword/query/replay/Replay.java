package dev.watchword.query.replay;

import java.time.Instant;

/**
 * One replay as recorded in the {@code replay} table.
 *
 * @param position       the highest log position applied to the shadow
 * @param targetPosition the head of the log when the replay started
 * @param headPosition   the head of the log at the latest progress
 * @param requested      {@code switch} or {@code abandon} when an operator asked for it and the running instance
 *                       has not acted yet, else {@code null}
 * @param pauseMillis    how long the live listener waited for the switch-over, once switched
 */
record Replay(
        String replayId,
        String projection,
        ReplayStatus status,
        String shadowSchema,
        long position,
        long targetPosition,
        long headPosition,
        long eventsApplied,
        double eventsPerSecond,
        String requested,
        String startedBy,
        Instant startedAt,
        Instant heartbeatAt,
        Instant caughtUpAt,
        Instant finishedAt,
        Long pauseMillis,
        String error) {

    /** How far the shadow is behind the head of the log, in positions. */
    long lag() {
        return Math.max(0, headPosition - position);
    }
}
