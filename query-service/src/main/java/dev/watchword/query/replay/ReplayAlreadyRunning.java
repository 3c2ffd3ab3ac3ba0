package dev.watchword.query.replay;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The read model already has an unfinished replay: two shadows of one table could not both be switched in. */
class ReplayAlreadyRunning extends ErrorResponseException {

    ReplayAlreadyRunning(String name) {
        super(
                HttpStatus.CONFLICT,
                Problems.of(
                        HttpStatus.CONFLICT,
                        ProblemCode.REPLAY_ALREADY_RUNNING,
                        "A replay of " + name + " is already running; switch it over or abandon it first."),
                null);
    }
}
