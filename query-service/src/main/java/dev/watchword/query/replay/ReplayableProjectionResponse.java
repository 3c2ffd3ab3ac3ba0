package dev.watchword.query.replay;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** One read model of {@code GET /api/admin/replays/projections}; {@code reason} says why it is not replayable. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ReplayableProjectionResponse(String name, List<String> tables, boolean replayable, String reason) {

    static ReplayableProjectionResponse of(ReplayTarget target) {
        return new ReplayableProjectionResponse(
                target.name(),
                target.tables(),
                target.replayable(),
                target.notReplayable().orElse(null));
    }
}
