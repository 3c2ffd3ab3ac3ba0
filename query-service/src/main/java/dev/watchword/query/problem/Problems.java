package dev.watchword.query.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details that always carry a {@code code}. */
public final class Problems {

    static final String CODE = "code";

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, ProblemCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(CODE, code.name());
        return problem;
    }

    /** A problem for a bare status, with a detail that says nothing about the server's insides. */
    public static ProblemDetail forStatus(HttpStatusCode status) {
        return of(status, ProblemCode.forStatus(status), genericDetail(status));
    }

    /** Adds the generic code of the problem's status unless a more specific one is already there. */
    static ProblemDetail withCode(ProblemDetail problem) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey(CODE)) {
            problem.setProperty(
                    CODE,
                    ProblemCode.forStatus(HttpStatusCode.valueOf(problem.getStatus()))
                            .name());
        }
        return problem;
    }

    private static String genericDetail(HttpStatusCode status) {
        if (status.is5xxServerError()) {
            return "The request could not be completed. Please try again later.";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "The request was not accepted." : known.getReasonPhrase() + ".";
    }
}
