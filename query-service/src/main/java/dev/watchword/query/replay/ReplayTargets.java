package dev.watchword.query.replay;

import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.user.UserEvent;
import dev.watchword.query.eventstream.ClientAppProjection;
import dev.watchword.query.eventstream.EnvelopeProjection;
import dev.watchword.query.eventstream.Projection;
import dev.watchword.query.eventstream.ReadModel;
import dev.watchword.query.eventstream.SideEffects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.aop.support.AopUtils;
import org.springframework.stereotype.Component;

/**
 * Every read model of this service and whether a replay may rebuild it, as each projection bean declares it with
 * {@link ReadModel}. A projection without the declaration stops the service at start-up (and {@code ReplayIT} with
 * it) rather than being silently skipped or replayed into tables nobody shadowed.
 */
@Component
class ReplayTargets {

    private final Map<String, ReplayTarget> targets;

    ReplayTargets(
            List<Projection> projections,
            List<ClientAppProjection> clientAppProjections,
            List<EnvelopeProjection> envelopeProjections) {
        List<ReplayTarget> all = new ArrayList<>();
        Map<String, EnvelopeProjection> envelopeByReadModel = new LinkedHashMap<>();
        envelopeProjections.forEach(p -> declared(p)
                .ifPresent(readModel -> envelopeByReadModel.put(readModel.tables()[0], p)));
        for (Projection projection : projections) {
            EnvelopeProjection companion = declared(projection)
                    .map(ReadModel::reads)
                    .map(envelopeByReadModel::get)
                    .orElse(null);
            all.add(target(projection, (envelope, event) -> {
                if (companion != null) {
                    companion.project(envelope, Optional.ofNullable(event));
                }
                if (event instanceof UserEvent userEvent) {
                    projection.project(envelope, userEvent);
                }
            }));
        }
        for (ClientAppProjection projection : clientAppProjections) {
            all.add(target(projection, (envelope, event) -> {
                if (event instanceof ClientAppEvent appEvent) {
                    projection.project(envelope, appEvent);
                }
            }));
        }
        for (EnvelopeProjection projection : envelopeProjections) {
            if (!(projection instanceof SwitchOverGate)) {
                all.add(target(
                        projection, (envelope, event) -> projection.project(envelope, Optional.ofNullable(event))));
            }
        }
        Map<String, ReplayTarget> byName = new LinkedHashMap<>();
        all.stream().sorted(Comparator.comparing(ReplayTarget::name)).forEach(target -> {
            if (byName.putIfAbsent(target.name(), target) != null) {
                throw new IllegalStateException("Two projections write read model " + target.name());
            }
        });
        this.targets = byName;
    }

    List<ReplayTarget> all() {
        return List.copyOf(targets.values());
    }

    Optional<ReplayTarget> byName(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    private static Optional<ReadModel> declared(Object projection) {
        return Optional.ofNullable(AopUtils.getTargetClass(projection).getAnnotation(ReadModel.class))
                .filter(readModel -> readModel.tables().length > 0);
    }

    private static ReplayTarget target(Object projection, ReplayTarget.Handler handler) {
        return target(AopUtils.getTargetClass(projection), handler);
    }

    /** The target that projection class {@code type} declares, replayed by {@code handler} if it may be. */
    static ReplayTarget target(Class<?> type, ReplayTarget.Handler handler) {
        String className = type.getSimpleName();
        SideEffects sideEffects = type.getAnnotation(SideEffects.class);
        ReadModel readModel = type.getAnnotation(ReadModel.class);
        if (readModel != null) {
            if (readModel.tables().length == 0) {
                throw new IllegalStateException(
                        className + " declares a @ReadModel without tables: name its read " + "model at least");
            }
            List<String> tables = List.of(readModel.tables());
            if (!readModel.notReplayable().isEmpty()) {
                return new ReplayTarget(tables.getFirst(), tables, Optional.of(readModel.notReplayable()), null);
            }
            if (sideEffects != null) {
                return new ReplayTarget(
                        tables.getFirst(),
                        tables,
                        Optional.of("has side effects, which never run in a replay: " + sideEffects.value()),
                        null);
            }
            return new ReplayTarget(tables.getFirst(), tables, Optional.empty(), handler);
        }
        if (sideEffects != null) {
            String name = readModelName(className);
            return new ReplayTarget(
                    name,
                    List.of(),
                    Optional.of("has side effects, which never run in a replay: " + sideEffects.value()),
                    null);
        }
        throw new IllegalStateException(
                className + " declares no @ReadModel: name the tables it writes, or why it " + "cannot be replayed");
    }

    /** {@code AdminUserRowProjection} becomes {@code admin_user_row}. */
    static String readModelName(String projectionClass) {
        String readModel = projectionClass.replaceFirst("Projection$", "");
        return readModel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
