package dev.watchword.query.pointintime;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The log holds no event of this user at all. */
class UserNotFound extends ErrorResponseException {

    UserNotFound() {
        super(
                HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, ProblemCode.USER_NOT_FOUND, "No user with this id."),
                null);
    }
}
