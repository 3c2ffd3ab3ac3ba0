package dev.watchword.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaOptionsTest {

    private static DevStackConfig config(Map<String, String> environment) {
        Path root = Path.of("unused");
        return new DevStackConfig(root, root.resolve(".watchword"), environment, "0.1.0-SNAPSHOT");
    }

    @Test
    void javaOptionsWhenUnsetThenFastStartDefaultsAfterNativeTrim() {
        assertThat(config(Map.of()).javaOptions(25))
                .containsExactly(
                        "-XX:TrimNativeHeapInterval=5000", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m");
    }

    @Test
    void javaOptionsWhenSetThenTheyFollowTheNativeTrimSoTheyMayOverrideIt() {
        assertThat(config(Map.of("WATCHWORD_DEV_JAVA_OPTS", " -Xms64m  -Xmx512m "))
                        .javaOptions(25))
                .containsExactly("-XX:TrimNativeHeapInterval=5000", "-Xms64m", "-Xmx512m");
    }

    @Test
    void javaOptionsWhenJdkBeforeNativeTrimThenOnlyTheSetOnes() {
        assertThat(config(Map.of("WATCHWORD_DEV_JAVA_OPTS", "-Xmx512m")).javaOptions(21))
                .containsExactly("-Xmx512m");
    }
}
