package dev.watchword.command.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon's JDBC event store that an append failed on a unique key, so that it reports a
 * {@link org.axonframework.modelling.command.ConcurrencyException} (another append to the same aggregate and sequence
 * number won) rather than a failure of the store. Axon's own resolver only knows
 * {@link java.sql.SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws: it reports
 * SQLSTATE {@value #UNIQUE_VIOLATION} (PostgreSQL's {@code unique_violation}), on the batch's exception or the one
 * chained to it.
 */
class UniqueViolations implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
