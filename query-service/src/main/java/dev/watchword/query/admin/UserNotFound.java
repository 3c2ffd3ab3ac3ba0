package dev.watchword.query.admin;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No account with this id in the admin read model (or not projected yet). */
class UserNotFound extends ErrorResponseException {

    UserNotFound() {
        super(
                HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, ProblemCode.USER_NOT_FOUND, "No user with this id."),
                null);
    }
}
