package dev.watchword.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void parseWhenPostgresUriThenJdbcUrlWithDecodedCredentials() {
        DatabaseUrl url =
                DatabaseUrl.parse("postgres://ww:p%40ss%3Aword@db.example.com:6543/watchword?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/watchword?sslmode=require");
        assertThat(url.username()).isEqualTo("ww");
        assertThat(url.password()).isEqualTo("p@ss:word");
    }

    @Test
    void parseWhenPostgresqlSchemeWithoutPortOrPasswordThenDefaultPortAndEmptyPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres@127.0.0.1/watchword");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/watchword");
        assertThat(url.username()).isEqualTo("postgres");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void parseWhenJdbcUrlThenKeptAsIsWithCredentialsFromItsQuery() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:5432/watchword?user=ww&password=secret");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/watchword?user=ww&password=secret");
        assertThat(url.username()).isEqualTo("ww");
        assertThat(url.password()).isEqualTo("secret");
        assertThat(url.toString()).doesNotContain("secret");
    }

    @Test
    void parseWhenJdbcUrlWithoutCredentialsThenNoneAssumed() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/watchword");

        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void parseWhenOtherSchemeThenRejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root@localhost/watchword"))
                .isInstanceOf(DevStackException.class)
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void parseWhenNoDatabaseNameThenRejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://postgres@localhost:5432"))
                .isInstanceOf(DevStackException.class);
    }
}
