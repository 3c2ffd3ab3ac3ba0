package dev.watchword.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path state;

    @Test
    void loadOrCreateWhenFirstRunThenSealingKeyGeneratedAndStored() throws Exception {
        Path file = state.resolve("secrets.env");

        Map<String, String> secrets = Secrets.loadOrCreate(file, config(Map.of()));

        assertThat(Base64.getDecoder().decode(secrets.get("WATCHWORD_SEALING_KEY")))
                .hasSize(32);
        assertThat(Files.readString(file)).contains("WATCHWORD_SEALING_KEY=" + secrets.get("WATCHWORD_SEALING_KEY"));
    }

    @Test
    void loadOrCreateWhenFirstRunThenMasterKeyAndOperatorTokenGeneratedForCommandServiceOnly() throws Exception {
        Path file = state.resolve("secrets.env");

        Map<String, String> secrets = Secrets.loadOrCreate(file, config(Map.of()));

        assertThat(Base64.getDecoder().decode(secrets.get("WATCHWORD_MASTER_KEY")))
                .hasSize(32);
        assertThat(secrets.get("WATCHWORD_OPERATOR_TOKEN")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(secrets.get("WATCHWORD_MASTER_KEY")).isNotEqualTo(secrets.get("WATCHWORD_SEALING_KEY"));
        assertThat(Files.readString(file)).contains("WATCHWORD_MASTER_KEY=" + secrets.get("WATCHWORD_MASTER_KEY"));
        assertThat(Secrets.isWithheldFrom(Service.QUERY, "WATCHWORD_MASTER_KEY"))
                .isTrue();
        assertThat(Secrets.isWithheldFrom(Service.NOTIFICATION, "WATCHWORD_OPERATOR_TOKEN"))
                .isTrue();
        assertThat(Secrets.isWithheldFrom(Service.COMMAND, "WATCHWORD_MASTER_KEY"))
                .isFalse();
    }

    @Test
    void loadOrCreateWhenFirstRunThenIntrospectionClientSecretGeneratedForQueryServiceOnly() throws Exception {
        Path file = state.resolve("secrets.env");

        Map<String, String> secrets = Secrets.loadOrCreate(file, config(Map.of()));

        String secret = secrets.get("WATCHWORD_INTROSPECTION_CLIENT_SECRET");
        // base64url without padding: unchanged by the form decoding of Basic credentials (RFC 6749 2.3.1)
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(file)).contains("WATCHWORD_INTROSPECTION_CLIENT_SECRET=" + secret);
        assertThat(Secrets.isWithheldFrom(Service.QUERY, "WATCHWORD_INTROSPECTION_CLIENT_SECRET"))
                .isFalse();
        assertThat(Secrets.isWithheldFrom(Service.COMMAND, "WATCHWORD_INTROSPECTION_CLIENT_SECRET"))
                .isFalse();
        assertThat(Secrets.isWithheldFrom(Service.GATEWAY, "WATCHWORD_INTROSPECTION_CLIENT_SECRET"))
                .isTrue();
        assertThat(Secrets.isWithheldFrom(Service.NOTIFICATION, "WATCHWORD_SEALING_KEY"))
                .isFalse();
    }

    @Test
    void loadOrCreateWhenFirstRunThenEventsSigningKeyGeneratedForEveryServiceOnTheTopic() throws Exception {
        Path file = state.resolve("secrets.env");

        Map<String, String> secrets = Secrets.loadOrCreate(file, config(Map.of()));

        String key = secrets.get("WATCHWORD_EVENTS_SIGNING_KEY");
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(key).isNotEqualTo(secrets.get("WATCHWORD_SEALING_KEY"));
        assertThat(Files.readString(file)).contains("WATCHWORD_EVENTS_SIGNING_KEY=" + key);
        assertThat(Secrets.isWithheldFrom(Service.COMMAND, "WATCHWORD_EVENTS_SIGNING_KEY"))
                .isFalse();
        assertThat(Secrets.isWithheldFrom(Service.QUERY, "WATCHWORD_EVENTS_SIGNING_KEY"))
                .isFalse();
        assertThat(Secrets.isWithheldFrom(Service.NOTIFICATION, "WATCHWORD_EVENTS_SIGNING_KEY"))
                .isFalse();
        assertThat(Secrets.isWithheldFrom(Service.GATEWAY, "WATCHWORD_EVENTS_SIGNING_KEY"))
                .isTrue();
    }

    @Test
    void introspectionClientIdWhenUnsetThenWatchwordDev() {
        assertThat(config(Map.of()).introspectionClientId()).isEqualTo("watchword-dev");
        assertThat(config(Map.of("WATCHWORD_INTROSPECTION_CLIENT_ID", "my-app")).introspectionClientId())
                .isEqualTo("my-app");
    }

    @Test
    void loadOrCreateWhenFileFromBeforeMasterKeyThenSealingKeyKeptAndMasterKeyAdded() throws Exception {
        Path file = state.resolve("secrets.env");
        Files.writeString(file, "WATCHWORD_SEALING_KEY=kept\n");

        Map<String, String> secrets = Secrets.loadOrCreate(file, config(Map.of()));

        assertThat(secrets).containsEntry("WATCHWORD_SEALING_KEY", "kept");
        assertThat(Files.readString(file))
                .contains("WATCHWORD_SEALING_KEY=kept")
                .contains("WATCHWORD_MASTER_KEY=" + secrets.get("WATCHWORD_MASTER_KEY"));
    }

    @Test
    void loadOrCreateWhenRunAgainThenSameKey() {
        Path file = state.resolve("secrets.env");
        String first = Secrets.loadOrCreate(file, config(Map.of())).get("WATCHWORD_SEALING_KEY");

        String second = Secrets.loadOrCreate(file, config(Map.of())).get("WATCHWORD_SEALING_KEY");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void loadOrCreateWhenSetInEnvironmentThenEnvironmentWinsAndNothingIsWritten() {
        Path file = state.resolve("secrets.env");

        Map<String, String> secrets = Secrets.loadOrCreate(
                file,
                config(Map.of(
                        "WATCHWORD_SEALING_KEY",
                        "from-the-environment",
                        "WATCHWORD_MASTER_KEY",
                        "master",
                        "WATCHWORD_OPERATOR_TOKEN",
                        "operator",
                        "WATCHWORD_INTROSPECTION_CLIENT_SECRET",
                        "client",
                        "WATCHWORD_EVENTS_SIGNING_KEY",
                        "events")));

        assertThat(secrets)
                .containsEntry("WATCHWORD_SEALING_KEY", "from-the-environment")
                .containsEntry("WATCHWORD_INTROSPECTION_CLIENT_SECRET", "client");
        assertThat(file).doesNotExist();
    }

    private DevStackConfig config(Map<String, String> environment) {
        return new DevStackConfig(state, state, environment, DevStackConfig.DEFAULT_VERSION);
    }
}
