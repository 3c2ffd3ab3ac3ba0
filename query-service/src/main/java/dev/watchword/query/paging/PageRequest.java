package dev.watchword.query.paging;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Which page of a listing the caller asked for, from the {@code page} and {@code size} query parameters.
 * Pages count from 1, as in Django REST framework's page-number pagination, whose wire format Watchword's
 * clients already know.
 *
 * @param page the 1-based page number. The default is 1.
 * @param size items per page, 1 to {@link #MAX_SIZE}; a larger value is lowered to it. The default is
 *             {@link #DEFAULT_SIZE}.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** From the raw parameters; {@code null} means absent. A page below 1 or a size below 1 is a 400. */
    public static PageRequest of(Integer page, Integer size) {
        int number = page == null ? 1 : page;
        int perPage = size == null ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        if (number < 1 || perPage < 1) {
            throw new ErrorResponseException(
                    HttpStatus.BAD_REQUEST,
                    Problems.of(
                            HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST, "page and size must be at least 1."),
                    null);
        }
        return new PageRequest(number, perPage);
    }

    /** Rows to skip; a long, as a page far out would overflow an int. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
