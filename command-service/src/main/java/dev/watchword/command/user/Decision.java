package dev.watchword.command.user;

import dev.watchword.events.user.UserEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a decider decided for a command that answers its caller: the answer, and the events to record with it.
 * A refusal that must be recorded (a wrong password, a replayed refresh token) is an answer with events, never an
 * exception: an exception rolls the unit of work back, and the events with it.
 */
record Decision<T>(T outcome, List<UserEvent> events) {

    Decision {
        events = List.copyOf(events);
    }

    static <T> Decision<T> of(T outcome, UserEvent... events) {
        return new Decision<>(outcome, List.of(events));
    }

    <R> Decision<R> map(Function<T, R> answer) {
        return new Decision<>(answer.apply(outcome), events);
    }

    /** The same answer, recorded after {@code earlier}. */
    Decision<T> after(List<UserEvent> earlier) {
        List<UserEvent> all = new ArrayList<>(earlier);
        all.addAll(events);
        return new Decision<>(outcome, all);
    }
}
