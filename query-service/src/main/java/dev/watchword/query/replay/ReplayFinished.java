package dev.watchword.query.replay;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The replay was already switched over, abandoned or failed. */
class ReplayFinished extends ErrorResponseException {

    ReplayFinished(String status) {
        super(
                HttpStatus.CONFLICT,
                Problems.of(HttpStatus.CONFLICT, ProblemCode.REPLAY_FINISHED, "The replay is already " + status + "."),
                null);
    }
}
