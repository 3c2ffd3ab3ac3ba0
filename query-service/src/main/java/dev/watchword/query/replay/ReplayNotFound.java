package dev.watchword.query.replay;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No replay with this id. */
class ReplayNotFound extends ErrorResponseException {

    ReplayNotFound() {
        super(
                HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, ProblemCode.REPLAY_NOT_FOUND, "No replay with this id."),
                null);
    }
}
