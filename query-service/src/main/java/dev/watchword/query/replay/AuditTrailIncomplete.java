package dev.watchword.query.replay;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The replay source, audit_entry, lacks events that the live read models were built from: a replay would lose them. */
class AuditTrailIncomplete extends ErrorResponseException {

    AuditTrailIncomplete(long missing) {
        super(
                HttpStatus.CONFLICT,
                Problems.of(
                        HttpStatus.CONFLICT,
                        ProblemCode.AUDIT_TRAIL_INCOMPLETE,
                        missing
                                + " events applied by this service are missing from its copy of the log (consumed before "
                                + "audit_entry existed); republish the log from command-service first."),
                null);
    }
}
