package dev.watchword.query.replay;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A switch-over was asked for before the shadow reached the head of the log. */
class ReplayNotCaughtUp extends ErrorResponseException {

    ReplayNotCaughtUp(String status, long lag) {
        super(
                HttpStatus.CONFLICT,
                Problems.of(
                        HttpStatus.CONFLICT,
                        ProblemCode.REPLAY_NOT_CAUGHT_UP,
                        "The replay has not reached the head of the log yet (status " + status + ", lag " + lag + ")."),
                null);
    }
}
