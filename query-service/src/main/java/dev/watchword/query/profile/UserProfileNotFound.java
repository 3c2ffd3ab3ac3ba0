package dev.watchword.query.profile;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The token is valid but the profile has not been projected yet: it appears shortly after
 * {@code UserRegistered} reaches this service.
 */
class UserProfileNotFound extends ErrorResponseException {

    UserProfileNotFound() {
        super(
                HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, ProblemCode.PROFILE_NOT_FOUND, "No profile for this account yet."),
                null);
    }
}
