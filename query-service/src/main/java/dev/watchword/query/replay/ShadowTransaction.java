package dev.watchword.query.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A database transaction in which a projection's own code writes to a shadow schema instead of the live one.
 * <ul>
 * <li>The search path is the shadow schema alone ({@code SET LOCAL}, so it ends with the transaction): the
 * projection's unqualified table names resolve to the shadow tables, and a table it was not given a shadow of
 * does not resolve at all, so nothing can reach a live read model by mistake.</li>
 * <li>The transaction is bound the way Spring binds its own, so the projection's {@code JdbcClient} joins it.
 * After-commit callbacks that projections register (to update in-memory state such as the profile cache) are
 * dropped, never run: they would put shadow rows into the memory that serves live reads. They are the in-process
 * side effects of a projection, and side effects never run in a replay.</li>
 * </ul>
 */
@Component
class ShadowTransaction {

    private final DataSource dataSource;

    ShadowTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T execute(String shadowSchema, Supplier<T> work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalStateException("A shadow transaction cannot join another transaction");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local search_path to " + ShadowTables.quote(shadowSchema));
                }
                T result = bound(connection, work);
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Shadow transaction failed", e);
        }
    }

    private <T> T bound(Connection connection, Supplier<T> work) {
        TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(connection));
        TransactionSynchronizationManager.initSynchronization();
        try {
            return work.get();
        } finally {
            // Drops the registered callbacks without running them.
            TransactionSynchronizationManager.clearSynchronization();
            TransactionSynchronizationManager.unbindResource(dataSource);
        }
    }
}
