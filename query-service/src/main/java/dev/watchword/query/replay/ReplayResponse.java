package dev.watchword.query.replay;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A replay's progress as the operator sees it.
 *
 * @param position        the highest log position applied to the shadow
 * @param targetPosition  the head of the log when the replay started: "building" until past it
 * @param headPosition    the head of the log now (as of {@code updatedAt})
 * @param lag             {@code headPosition - position}
 * @param eventsPerSecond events applied per second over the latest second of progress
 * @param etaSeconds      the lag divided by the rate, while building; else {@code null}
 * @param stale           the instance running it stopped reporting (it stopped); abandon it and start again
 * @param pauseMillis     how long the live event stream waited for the switch-over
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ReplayResponse(
        String id,
        String projection,
        String status,
        long position,
        long targetPosition,
        long headPosition,
        long lag,
        long eventsApplied,
        double eventsPerSecond,
        Long etaSeconds,
        String requested,
        String startedBy,
        Instant startedAt,
        Instant updatedAt,
        Instant caughtUpAt,
        Instant finishedAt,
        Long pauseMillis,
        boolean stale,
        String error) {

    static ReplayResponse of(Replay replay, boolean stale) {
        double rate = Math.round(replay.eventsPerSecond() * 10) / 10.0;
        Long eta = replay.status() == ReplayStatus.BUILDING && rate > 0 ? (long) Math.ceil(replay.lag() / rate) : null;
        return new ReplayResponse(
                replay.replayId(),
                replay.projection(),
                replay.status().value(),
                replay.position(),
                replay.targetPosition(),
                replay.headPosition(),
                replay.lag(),
                replay.eventsApplied(),
                rate,
                eta,
                replay.requested(),
                replay.startedBy(),
                replay.startedAt(),
                replay.heartbeatAt(),
                replay.caughtUpAt(),
                replay.finishedAt(),
                replay.pauseMillis(),
                stale,
                replay.error());
    }
}
