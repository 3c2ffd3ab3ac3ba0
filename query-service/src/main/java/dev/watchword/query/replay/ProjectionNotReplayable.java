package dev.watchword.query.replay;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The read model exists but a replay may not rebuild it (side effects, in-memory state, or the log itself). */
class ProjectionNotReplayable extends ErrorResponseException {

    ProjectionNotReplayable(String name, String reason) {
        super(
                HttpStatus.CONFLICT,
                Problems.of(
                        HttpStatus.CONFLICT,
                        ProblemCode.PROJECTION_NOT_REPLAYABLE,
                        name + " cannot be replayed: " + reason + "."),
                null);
    }
}
