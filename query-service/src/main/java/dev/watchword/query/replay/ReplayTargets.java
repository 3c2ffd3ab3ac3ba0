package dev.watchword.query.replay;

import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.user.UserEvent;
import dev.watchword.query.eventstream.ClientAppProjection;
import dev.watchword.query.eventstream.EnvelopeProjection;
import dev.watchword.query.eventstream.Projection;
import dev.watchword.query.eventstream.SideEffects;
import org.springframework.aop.support.AopUtils;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every read model of this service and whether a replay may rebuild it. Built from the projection beans, so a
 * projection added without an entry in {@link #TABLES} or {@link #NOT_REPLAYABLE} stops the service at start-up
 * (and {@code ReplayIT} with it) rather than being silently skipped or replayed into tables nobody shadowed.
 * <p>
 * A replay runs the projection's own code with the shadow schema as the only schema on the search path, so its
 * statements cannot reach a live table: one writing a table not listed here fails the replay instead of
 * corrupting the live read model.
 */
@Component
class ReplayTargets {

    /** Replayable projections (by class) and the tables each writes. */
    static final Map<String, List<String>> TABLES = Map.of(
            "UserProfileProjection", List.of("user_profile"),
            "UserSessionProjection", List.of("user_session"),
            "AdminUserRowProjection", List.of("admin_user_row"),
            "LoginActivityProjection", List.of("login_activity", "user_app"),
            "DailyActivityProjection", List.of("daily_activity", "daily_active_user", "user_app"),
            "ClientAppRowProjection", List.of("client_app_row"),
            "ApiKeyRowProjection", List.of("api_key_row"),
            "UserAppProjection", List.of("user_app"),
            "AppRoleProjection", List.of("app_role"));

    /**
     * Projections that read another read model while projecting (which app a user belongs to), and the projection
     * that writes it: a replay runs that one first on every event, into its own shadow table (listed above with the
     * target's tables), since the shadow schema is all a replay can see. The rebuilt copy is swapped in too; it is
     * built from the same events as the live one, so it holds the same rows.
     */
    static final Map<String, String> COMPANIONS = Map.of(
            "LoginActivityProjection", "UserAppProjection",
            "DailyActivityProjection", "UserAppProjection");

    private static final String IN_MEMORY = "held in memory by every instance and loaded only at start-up: a "
            + "swapped table would not reach that memory before each instance restarted";

    /** Projections no replay may rebuild (by class): their read model's name and why not. */
    static final Map<String, Map.Entry<String, String>> NOT_REPLAYABLE = Map.of(
            "RevokedSessionProjection", Map.entry("revoked_session", IN_MEMORY),
            "AuthorizationVersionProjection", Map.entry("authorization_version", IN_MEMORY),
            "AuditEntryProjection", Map.entry("audit_entry", "the source of every replay: this service's copy of "
                    + "the log, filled from the Kafka topic (republish the log to fill it in)"),
            "AppOriginsProjection", Map.entry("cors_origins", "no table of its own: the CORS origins held in memory, "
                    + "reloaded from client_app_row at start-up and every refresh interval"));

    private final Map<String, ReplayTarget> targets;

    ReplayTargets(List<Projection> projections, List<ClientAppProjection> clientAppProjections,
                  List<EnvelopeProjection> envelopeProjections) {
        List<ReplayTarget> all = new ArrayList<>();
        Map<String, EnvelopeProjection> envelopeByClass = new LinkedHashMap<>();
        envelopeProjections.forEach(p -> envelopeByClass.put(AopUtils.getTargetClass(p).getSimpleName(), p));
        for (Projection projection : projections) {
            EnvelopeProjection companion = Optional.ofNullable(
                    COMPANIONS.get(AopUtils.getTargetClass(projection).getSimpleName()))
                    .map(envelopeByClass::get).orElse(null);
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
                all.add(target(projection, (envelope, event) -> projection.project(envelope, Optional.ofNullable(event))));
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

    private static ReplayTarget target(Object projection, ReplayTarget.Handler handler) {
        Class<?> type = AopUtils.getTargetClass(projection);
        String className = type.getSimpleName();
        SideEffects sideEffects = type.getAnnotation(SideEffects.class);
        List<String> tables = TABLES.get(className);
        if (tables != null && handler != null) {
            if (sideEffects != null) {
                return new ReplayTarget(tables.getFirst(), tables,
                        Optional.of("has side effects, which never run in a replay: " + sideEffects.value()), null);
            }
            return new ReplayTarget(tables.getFirst(), tables, Optional.empty(), handler);
        }
        Map.Entry<String, String> refused = NOT_REPLAYABLE.get(className);
        if (refused != null) {
            return new ReplayTarget(refused.getKey(), List.of(refused.getKey()), Optional.of(refused.getValue()),
                    null);
        }
        if (sideEffects != null) {
            String name = readModelName(className);
            return new ReplayTarget(name, List.of(), Optional.of("has side effects, which never run in a replay: "
                    + sideEffects.value()), null);
        }
        throw new IllegalStateException(className + " is not in ReplayTargets: list the tables it writes, or why "
                + "it cannot be replayed");
    }

    /** {@code AdminUserRowProjection} becomes {@code admin_user_row}. */
    static String readModelName(String projectionClass) {
        String readModel = projectionClass.replaceFirst("Projection$", "");
        return readModel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
