package dev.watchword.query.replay;

import java.util.Locale;

enum ReplayStatus {
    /** Applying the log from position zero to the shadow. */
    BUILDING,
    /** At the head of the log and following it; a switch-over may be asked for. */
    CAUGHT_UP,
    /** The shadow replaced the live read model. */
    SWITCHED,
    /** Stopped by an operator; the shadow is gone, the live read model untouched. */
    ABANDONED,
    /** Stopped by an error; the shadow is gone, the live read model untouched. */
    FAILED;

    boolean finished() {
        return this == SWITCHED || this == ABANDONED || this == FAILED;
    }

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReplayStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
