package dev.watchword.query.replay;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's replays: rebuild a read model from the log into a shadow copy while the live one keeps
 * serving, watch it, switch it in. Every endpoint needs {@code apps:write}, the platform operator's permission;
 * enforced with every other admin rule in {@code AdminSecurityConfiguration}.
 */
@RestController
class ReplayController {

    private static final String REPLAYS = "/api/admin/replays";
    private static final int LISTED = 50;
    private static final Duration ABANDON_WAIT = Duration.ofSeconds(5);

    private final ReplayTargets targets;
    private final Replayer replayer;
    private final Replays replays;
    private final ReplayProperties properties;

    ReplayController(ReplayTargets targets, Replayer replayer, Replays replays, ReplayProperties properties) {
        this.targets = targets;
        this.replayer = replayer;
        this.replays = replays;
        this.properties = properties;
    }

    @GetMapping(REPLAYS + "/projections")
    List<ReplayableProjectionResponse> findReplayableProjections() {
        return targets.all().stream().map(ReplayableProjectionResponse::of).toList();
    }

    /** The latest 50 replays, newest first. */
    @GetMapping(REPLAYS)
    List<ReplayResponse> findReplays() {
        return replays.findReplays(LISTED).stream().map(this::response).toList();
    }

    @PostMapping(REPLAYS)
    ResponseEntity<ReplayResponse> startReplay(
            @Valid @RequestBody StartReplay request, @AuthenticationPrincipal Jwt operator) {
        ReplayTarget target =
                targets.byName(request.projection()).orElseThrow(() -> new ProjectionNotFound(request.projection()));
        if (!target.replayable()) {
            throw new ProjectionNotReplayable(
                    target.name(), target.notReplayable().orElseThrow());
        }
        Replay replay = replayer.start(target, operator.getSubject());
        return ResponseEntity.accepted()
                .location(URI.create(REPLAYS + "/" + replay.replayId() + "/"))
                .body(response(replay));
    }

    @GetMapping(REPLAYS + "/{id}")
    ReplayResponse getReplayById(@PathVariable String id) {
        return response(find(id));
    }

    /**
     * 200 once switched; 202 when the switch-over is asked for but not done within {@code switchWait} (poll the
     * replay); 409 {@code REPLAY_NOT_CAUGHT_UP} before the shadow reached the head of the log.
     */
    @PostMapping(REPLAYS + "/{id}/switch")
    ResponseEntity<ReplayResponse> switchOver(@PathVariable String id) {
        Replay replay = find(id);
        if (replay.status().finished()) {
            throw new ReplayFinished(replay.status().value());
        }
        if (replay.status() != ReplayStatus.CAUGHT_UP || replayer.stale(replay)) {
            throw new ReplayNotCaughtUp(replay.status().value(), replay.lag());
        }
        if (!replayer.requestSwitch(replay)) {
            throw new ReplayFinished(find(id).status().value());
        }
        return awaitEnd(id, properties.switchWait(), status -> status == ReplayStatus.SWITCHED);
    }

    /** Abandons the replay: its shadow is dropped, the live read model untouched. 200 once done, else 202. */
    @DeleteMapping(REPLAYS + "/{id}")
    ResponseEntity<ReplayResponse> abandon(@PathVariable String id) {
        Replay replay = find(id);
        if (!replayer.abandon(replay)) {
            throw new ReplayFinished(find(id).status().value());
        }
        return awaitEnd(id, ABANDON_WAIT, status -> status == ReplayStatus.ABANDONED);
    }

    private ResponseEntity<ReplayResponse> awaitEnd(String id, Duration wait, Predicate<ReplayStatus> done) {
        long deadline = System.nanoTime() + wait.toNanos();
        Replay replay = find(id);
        while (!replay.status().finished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(properties.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            replay = find(id);
        }
        if (!replay.status().finished()) {
            return ResponseEntity.accepted().body(response(replay));
        }
        if (!done.test(replay.status())) {
            // It failed, or another request finished it first: say what happened.
            throw new ReplayFinished(replay.status().value());
        }
        return ResponseEntity.ok(response(replay));
    }

    private Replay find(String id) {
        return replays.getReplayById(id).orElseThrow(ReplayNotFound::new);
    }

    private ReplayResponse response(Replay replay) {
        return ReplayResponse.of(replay, replayer.stale(replay));
    }

    /** @param projection the read model to rebuild, as listed by {@code GET /api/admin/replays/projections} */
    record StartReplay(@NotBlank String projection) {}
}
