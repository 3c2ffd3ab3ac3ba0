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
				config(Map.of("WATCHWORD_SEALING_KEY", "from-the-environment")));

		assertThat(secrets).containsEntry("WATCHWORD_SEALING_KEY", "from-the-environment");
		assertThat(file).doesNotExist();
	}

	private DevStackConfig config(Map<String, String> environment) {
		return new DevStackConfig(state, state, environment, DevStackConfig.DEFAULT_VERSION);
	}

}
