package dev.watchword.query.eventstream;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a {@link Projection}, {@link ClientAppProjection} or {@link EnvelopeProjection}, the read model it
 * keeps: the tables it writes and whether a replay of the log may rebuild them ({@code dev.watchword.query.replay}).
 * A projection without it stops the service at start-up rather than being silently skipped by replays or replayed
 * into tables nobody shadowed.
 * <p>
 * A replay runs the projection's own code with the shadow schema as the only schema on the search path, so its
 * statements cannot reach a live table: one writing a table not declared here fails the replay instead of
 * corrupting the live read model.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModel {

    /** Why {@link #notReplayable()} the read models that every instance holds in memory. */
    String HELD_IN_MEMORY = "held in memory by every instance and loaded only at start-up: a swapped table would "
            + "not reach that memory before each instance restarted";

    /**
     * The tables the projection writes, its own first: that one names the read model for the operator
     * ({@code admin_user_row}). A read model without a table of its own gives the name it is known by.
     */
    String[] tables();

    /** Why no replay may rebuild it, shown to the operator; empty (the default) when one may. */
    String notReplayable() default "";

    /**
     * The read model this projection reads while projecting (which app a user belongs to), empty (the default) for
     * none. Its projection must be an {@link EnvelopeProjection}: a replay runs it first on every event, into its
     * own shadow table, which must be among {@link #tables()} since the shadow schema is all a replay can see. The
     * rebuilt copy is swapped in too; it is built from the same events as the live one, so it holds the same rows.
     */
    String reads() default "";
}
