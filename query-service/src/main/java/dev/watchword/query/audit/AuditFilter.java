package dev.watchword.query.audit;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The filters of the audit trail; every one is optional ({@code null}) and they combine with AND.
 *
 * @param aggregateId the user or client app the events are about
 * @param types       event type names ({@code RoleAssigned}); an event of any of them matches
 * @param actor       who did it (a user id or {@code system})
 * @param appId       the client app: its own events and its users' ({@code default} for the default app)
 * @param from        occurred at or after (inclusive)
 * @param to          occurred before (exclusive)
 */
record AuditFilter(String aggregateId, List<String> types, String actor, String appId, Instant from, Instant to) {

    AuditFilter {
        aggregateId = blankToNull(aggregateId);
        actor = blankToNull(actor);
        appId = blankToNull(appId);
        // Spring splits "a,b" into two values; a repeated parameter gives the same list.
        types = types == null
                ? null
                : types.stream()
                        .map(AuditFilter::blankToNull)
                        .filter(type -> type != null)
                        .distinct()
                        .toList();
        if (types != null && types.isEmpty()) {
            types = null;
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new ErrorResponseException(
                    HttpStatus.BAD_REQUEST,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            ProblemCode.MALFORMED_REQUEST,
                            "A range must not end before it starts."),
                    null);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
