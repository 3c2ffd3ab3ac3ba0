package dev.watchword.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What `./watchword dev` prints about the admin console and the first platform operator. */
class FirstAdminHintTest {

    private static DevStackConfig config(Map<String, String> environment) {
        Path root = Path.of(".").toAbsolutePath();
        return new DevStackConfig(root, root, environment, DevStackConfig.DEFAULT_VERSION);
    }

    @Test
    void firstAdminHintWhenNoBootstrapAddressThenSaysHowToSetOne() {
        String hint = DevStack.firstAdminHint(config(Map.of()), "http://localhost:8080");

        assertThat(hint)
                .startsWith("Admin console: http://localhost:8080/admin/")
                .contains("WATCHWORD_BOOTSTRAP_ADMIN_EMAIL=<your address>", "confirm it from the inbox");
    }

    @Test
    void firstAdminHintWhenBootstrapAddressSetThenNamesItAndNoSecret() {
        String hint = DevStack.firstAdminHint(
                config(Map.of("WATCHWORD_BOOTSTRAP_ADMIN_EMAIL", "ops@example.com")), "http://localhost:8080");

        assertThat(hint)
                .contains(
                        "http://localhost:8080/admin/",
                        "platform operator: ops@example.com",
                        "registered and confirmed from the inbox")
                .doesNotContainIgnoringCase("password");
    }
}
