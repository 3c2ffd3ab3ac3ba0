package dev.watchword.query.eventstream;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Projection} or {@link ClientAppProjection} that does more than write its read model: it
 * sends, calls or publishes something. A replay of the log never runs such a handler ("handlers with
 * side effects never run during a replay"); {@code dev.watchword.query.replay} refuses it as a target.
 * <p>
 * No handler of this service has side effects today. The email handlers are in notification-service, which
 * replays nothing: they run only from the Kafka stream and dedupe on the event id.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SideEffects {

    /** What the handler does beyond its read model, shown to the operator. */
    String value();
}
