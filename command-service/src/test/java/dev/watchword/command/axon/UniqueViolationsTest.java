package dev.watchword.command.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationsTest {

    private final UniqueViolations resolver = new UniqueViolations();

    @Test
    void isDuplicateKeyViolationWhenBatchOfTheDriverChainsAUniqueViolationThenTrue() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("append failed", batch)))
                .isTrue();
    }

    @Test
    void isDuplicateKeyViolationWhenOnlyTheChainedExceptionIsAUniqueViolationThenTrue() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "08006");
        batch.setNextException(new SQLException("duplicate key", UniqueViolations.UNIQUE_VIOLATION));

        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void isDuplicateKeyViolationWhenAnotherFailureOfTheDatabaseThenFalse() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend", "08006");

        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException(lost)))
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all")))
                .isFalse();
    }
}
