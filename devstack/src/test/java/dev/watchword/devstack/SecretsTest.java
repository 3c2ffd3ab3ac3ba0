package dev.watchword.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

	@TempDir
	Path state;

	@Test
	void loadOrCreateWhenFirstRunThenSealingKeyGeneratedAndStored() throws Exception {
		Path file = state.resolve("secrets.env");

		Map<String, String> secrets = Secrets.loadOrCreate(file, config(Map.of()));

		assertThat(Base64.getDecoder().decode(secrets.get("WATCHWORD_SEALING_KEY"))).hasSize(32);
		assertThat(Files.readString(file)).contains("WATCHWORD_SEALING_KEY=" + secrets.get("WATCHWORD_SEALING_KEY"));
	}

	@Test
	void loadOrCreateWhenFirstRunThenMasterKeyAndOperatorTokenGeneratedForCommandServiceOnly() throws Exception {
		Path file = state.resolve("secrets.env");

		Map<String, String> secrets = Secrets.loadOrCreate(file, config(Map.of()));

		assertThat(Base64.getDecoder().decode(secrets.get("WATCHWORD_MASTER_KEY"))).hasSize(32);
		assertThat(secrets.get("WATCHWORD_OPERATOR_TOKEN")).hasSizeGreaterThanOrEqualTo(32);
		assertThat(secrets.get("WATCHWORD_MASTER_KEY")).isNotEqualTo(secrets.get("WATCHWORD_SEALING_KEY"));
		assertThat(Files.readString(file)).contains("WATCHWORD_MASTER_KEY=" + secrets.get("WATCHWORD_MASTER_KEY"));
		assertThat(Secrets.COMMAND_SERVICE_ONLY).containsExactlyInAnyOrder("WATCHWORD_MASTER_KEY",
				"WATCHWORD_OPERATOR_TOKEN");
	}

	@Test
	void loadOrCreateWhenFileFromBeforeMasterKeyThenSealingKeyKeptAndMasterKeyAdded() throws Exception {
		Path file = state.resolve("secrets.env");
		Files.writeString(file, "WATCHWORD_SEALING_KEY=kept\n");

		Map<String, String> secrets = Secrets.loadOrCreate(file, config(Map.of()));

		assertThat(secrets).containsEntry("WATCHWORD_SEALING_KEY", "kept");
		assertThat(Files.readString(file)).contains("WATCHWORD_SEALING_KEY=kept")
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

		Map<String, String> secrets = Secrets.loadOrCreate(file,
				config(Map.of("WATCHWORD_SEALING_KEY", "from-the-environment", "WATCHWORD_MASTER_KEY", "master",
						"WATCHWORD_OPERATOR_TOKEN", "operator")));

		assertThat(secrets).containsEntry("WATCHWORD_SEALING_KEY", "from-the-environment");
		assertThat(file).doesNotExist();
	}

	private DevStackConfig config(Map<String, String> environment) {
		return new DevStackConfig(state, state, environment, DevStackConfig.DEFAULT_VERSION);
	}

}
