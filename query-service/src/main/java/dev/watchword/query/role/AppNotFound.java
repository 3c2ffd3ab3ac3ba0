package dev.watchword.query.role;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No client app with this id in the caller's scope; the same problem as the apps' own 404. */
class AppNotFound extends ErrorResponseException {

    AppNotFound() {
        super(
                HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, ProblemCode.APP_NOT_FOUND, "No app with this id."),
                null);
    }
}
