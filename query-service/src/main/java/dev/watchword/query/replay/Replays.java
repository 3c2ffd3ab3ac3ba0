package dev.watchword.query.replay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code replay} table: what each replay is doing, shared by every instance. */
@Repository
class Replays {

    private final JdbcClient jdbc;

    Replays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return {@code false} when the projection already has an unfinished replay */
    boolean insert(Replay replay) {
        try {
            jdbc.sql("""
                            insert into replay (replay_id, projection, status, shadow_schema, target_position,
                                                head_position, started_by, started_at, heartbeat_at)
                            values (:id, :projection, :status, :shadow, :target, :target, :startedBy, :startedAt,
                                    :startedAt)""")
                    .param("id", replay.replayId())
                    .param("projection", replay.projection())
                    .param("status", replay.status().value())
                    .param("shadow", replay.shadowSchema())
                    .param("target", replay.targetPosition())
                    .param("startedBy", replay.startedBy())
                    .param("startedAt", Timestamp.from(replay.startedAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Replay> getReplayById(String replayId) {
        return jdbc.sql("select * from replay where replay_id = :id")
                .param("id", replayId)
                .query(Replays::map)
                .optional();
    }

    /** The latest replays first. */
    List<Replay> findReplays(int limit) {
        return jdbc.sql("select * from replay order by started_at desc, replay_id limit :limit")
                .param("limit", limit)
                .query(Replays::map)
                .list();
    }

    void progress(
            String replayId,
            ReplayStatus status,
            long position,
            long head,
            long applied,
            double eventsPerSecond,
            Instant at) {
        jdbc.sql("""
                        update replay set status = :status, position = :position, head_position = :head,
                               events_applied = :applied, events_per_second = :eps, heartbeat_at = :at,
                               caught_up_at = case when :status = 'caught_up' then coalesce(caught_up_at, :at) end
                        where replay_id = :id and status in ('building', 'caught_up')""")
                .param("id", replayId)
                .param("status", status.value())
                .param("position", position)
                .param("head", head)
                .param("applied", applied)
                .param("eps", eventsPerSecond)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** @return {@code false} when the replay is finished (or unknown) */
    boolean request(String replayId, String what) {
        return jdbc.sql("""
                        update replay set requested = :what
                        where replay_id = :id and status in ('building', 'caught_up')""").param("id", replayId).param("what", what).update() == 1;
    }

    /** @return {@code false} when it already was finished */
    boolean finish(String replayId, ReplayStatus status, Long pauseMillis, String error, Instant at) {
        return jdbc.sql("""
                        update replay set status = :status, pause_millis = :pause, error = :error, finished_at = :at,
                               requested = null
                        where replay_id = :id and status in ('building', 'caught_up')""")
                        .param("id", replayId)
                        .param("status", status.value())
                        .param("pause", pauseMillis)
                        .param("error", error)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    private static Replay map(ResultSet row, int number) throws SQLException {
        return new Replay(
                row.getString("replay_id"),
                row.getString("projection"),
                ReplayStatus.of(row.getString("status")),
                row.getString("shadow_schema"),
                row.getLong("position"),
                row.getLong("target_position"),
                row.getLong("head_position"),
                row.getLong("events_applied"),
                row.getDouble("events_per_second"),
                row.getString("requested"),
                row.getString("started_by"),
                instant(row, "started_at"),
                instant(row, "heartbeat_at"),
                instant(row, "caught_up_at"),
                instant(row, "finished_at"),
                (Long) row.getObject("pause_millis", Long.class),
                row.getString("error"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
