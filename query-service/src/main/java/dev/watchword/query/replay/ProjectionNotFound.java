package dev.watchword.query.replay;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No read model of that name. */
class ProjectionNotFound extends ErrorResponseException {

    ProjectionNotFound(String name) {
        super(
                HttpStatus.NOT_FOUND,
                Problems.of(
                        HttpStatus.NOT_FOUND,
                        ProblemCode.PROJECTION_NOT_FOUND,
                        "No read model named " + name + "; GET /api/admin/replays/projections lists them."),
                null);
    }
}
