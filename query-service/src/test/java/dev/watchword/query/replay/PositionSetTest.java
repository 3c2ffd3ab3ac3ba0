package dev.watchword.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PositionSetTest {

    @Test
    void addWhenDenseAndScatteredPositionsThenEachOnce() {
        PositionSet set = new PositionSet();

        for (long position = 0; position < 10_000; position++) {
            assertThat(set.add(position)).isTrue();
        }
        assertThat(set.add(1_000_000_000_000_000L)).isTrue();
        assertThat(set.add(4_095)).isFalse();
        assertThat(set.add(1_000_000_000_000_000L)).isFalse();

        assertThat(set.size()).isEqualTo(10_001);
        assertThat(set.contains(4_096)).isTrue();
        assertThat(set.contains(10_000)).isFalse();
        assertThat(set.contains(1_000_000_000_000_001L)).isFalse();
    }
}
