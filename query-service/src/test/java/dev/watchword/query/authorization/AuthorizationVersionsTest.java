package dev.watchword.query.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationVersionsTest {

    private final AuthorizationVersions versions = new AuthorizationVersions();

    @Test
    void isCurrentWhenUserNeverChangedThenEveryVersionIsCurrent() {
        assertThat(versions.currentVersion("u")).isZero();
        assertThat(versions.isCurrent("u", 0)).isTrue();
        assertThat(versions.isDisabled("u")).isFalse();
    }

    @Test
    void isCurrentWhenTokenVersionBelowCurrentThenFalse() {
        versions.update("u", 3, false);

        assertThat(versions.isCurrent("u", 2)).isFalse();
        assertThat(versions.isCurrent("u", 3)).isTrue();
    }

    @Test
    void isCurrentWhenDisabledThenFalseWhateverTheVersion() {
        versions.update("u", 1, true);

        assertThat(versions.isCurrent("u", 1)).isFalse();
        assertThat(versions.isCurrent("u", 99)).isFalse();
    }

    @Test
    void updateWhenOlderStateArrivesLateThenIgnored() {
        versions.update("u", 2, true);
        versions.update("u", 1, false);

        assertThat(versions.currentVersion("u")).isEqualTo(2);
        assertThat(versions.isDisabled("u")).isTrue();
    }
}
