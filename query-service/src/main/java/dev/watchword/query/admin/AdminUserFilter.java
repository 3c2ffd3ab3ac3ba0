package dev.watchword.query.admin;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The filters of {@code GET /api/admin/users}; every one is optional ({@code null}) and they combine with AND.
 *
 * @param appId         the client app (platform operators; anyone else sees only their own app anyway)
 * @param status        {@code active}, {@code disabled} or {@code erased}
 * @param role          a role the account holds
 * @param emailVerified whether the owner of the address has proven it: {@code true} or {@code false}, exactly
 *                      (a lenient {@code yes} or {@code 1} would let a typo pass as a filter)
 * @param emailContains a part of the address, compared case-insensitively
 * @param createdFrom   registered at or after (inclusive)
 * @param createdTo     registered before (exclusive)
 * @param lastLoginFrom last logged in at or after (inclusive)
 * @param lastLoginTo   last logged in before (exclusive)
 */
record AdminUserFilter(
        String appId,
        String status,
        String role,
        Boolean emailVerified,
        String emailContains,
        Instant createdFrom,
        Instant createdTo,
        Instant lastLoginFrom,
        Instant lastLoginTo) {

    /** {@code verified} as the query string carries it; {@code null} when absent. */
    static Boolean verified(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw malformed("verified must be true or false.");
        };
    }

    AdminUserFilter {
        if (status != null
                && !status.equals(AdminUserRow.ACTIVE)
                && !status.equals(AdminUserRow.DISABLED)
                && !status.equals(AdminUserRow.ERASED)) {
            throw malformed("status must be active, disabled or erased.");
        }
        appId = blankToNull(appId);
        role = blankToNull(role);
        emailContains = blankToNull(emailContains);
        if (createdFrom != null && createdTo != null && createdFrom.isAfter(createdTo)
                || lastLoginFrom != null && lastLoginTo != null && lastLoginFrom.isAfter(lastLoginTo)) {
            throw malformed("A range must not end before it starts.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ErrorResponseException malformed(String detail) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST,
                Problems.of(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST, detail),
                null);
    }
}
