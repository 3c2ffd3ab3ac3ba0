package dev.watchword.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a fresh embedded broker, the dev stack makes command-service publish its log again, so events that an
 * earlier run published but nobody consumed are not lost; other processors' positions stay.
 */
class DatabaseRepublishIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String name =
            "watchword_republish_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void createDatabase() throws SQLException {
        execute(SERVER + "postgres", "CREATE DATABASE " + name);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        execute(SERVER + "postgres", "DROP DATABASE IF EXISTS " + name);
    }

    @Test
    void republishWhenPublisherHasAPositionThenOnlyItsPositionIsForgotten() throws SQLException {
        execute(
                SERVER + name,
                "CREATE SCHEMA command; CREATE TABLE command.tokenentry (processorname varchar(255), "
                        + "segment int); INSERT INTO command.tokenentry VALUES ('kafka-publisher', 0), ('admin-bootstrap', 0)");
        Database database = Database.external(new DatabaseUrl(SERVER + name, "postgres", ""));

        database.republishEventLog();

        try (Connection connection = DriverManager.getConnection(SERVER + name, "postgres", "");
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT processorname FROM command.tokenentry")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("admin-bootstrap");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void republishWhenFirstRunBeforeAnyTableThenNothingHappens() {
        Database database = Database.external(new DatabaseUrl(SERVER + name, "postgres", ""));

        assertThatCode(database::republishEventLog).doesNotThrowAnyException();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
