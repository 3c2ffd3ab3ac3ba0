package dev.watchword.query.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connections of audit exports: a pool of their own, {@link AuditExportProperties#maxConcurrent()} connections
 * at most, none kept idle, to the same database, schema and account as the service's pool, read-only and with
 * timeouts on every statement and on a transaction left waiting for a slow client. However long exports take, they
 * never hold a connection that the rest of the API needs.
 */
@Component
class AuditExportConnections implements DisposableBean {

    /**
     * Rows per round trip of an export. PostgreSQL's driver reads through a cursor, this many rows at a time,
     * only with a fetch size inside a transaction; otherwise it would load the whole result first.
     */
    static final int FETCH_SIZE = 500;

    private final HikariDataSource pool;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    AuditExportConnections(DataSource dataSource, AuditExportProperties properties) throws SQLException {
        HikariDataSource main = dataSource.unwrap(HikariDataSource.class);
        HikariConfig config = new HikariConfig();
        config.setPoolName("audit-export");
        config.setJdbcUrl(main.getJdbcUrl());
        config.setUsername(main.getUsername());
        config.setPassword(main.getPassword());
        config.setSchema(main.getSchema());
        config.setMaximumPoolSize(properties.maxConcurrent());
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        // No connection at start: the database may still be starting, and most instances never export.
        config.setInitializationFailTimeout(-1);
        config.setConnectionInitSql("set statement_timeout = "
                + properties.statementTimeout().toMillis() + "; set idle_in_transaction_session_timeout = "
                + properties.idleTimeout().toMillis());
        this.pool = new HikariDataSource(config);
        this.cursor = new JdbcTemplate(pool);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(pool));
        this.readOnly.setReadOnly(true);
    }

    JdbcTemplate cursor() {
        return cursor;
    }

    TransactionTemplate readOnly() {
        return readOnly;
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
