package dev.watchword.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.query.eventstream.ClientAppProjection;
import dev.watchword.query.eventstream.EnvelopeProjection;
import dev.watchword.query.eventstream.Projection;
import dev.watchword.query.eventstream.ReadModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Component;

/**
 * Every projection bean of this service declares its {@link ReadModel}, and the declarations give the replay targets
 * that {@code ReplayTargets} listed by hand before (the expected values below are those lists).
 */
class ReadModelDeclarationsTest {

    private static final String IN_MEMORY = "held in memory by every instance and loaded only at start-up: a "
            + "swapped table would not reach that memory before each instance restarted";

    @Test
    void readModelWhenProjectionBeanThenDeclared() {
        assertThat(projectionClasses())
                .isNotEmpty()
                .allSatisfy(type -> assertThat(type.getAnnotation(ReadModel.class))
                        .as(type.getName())
                        .isNotNull());
    }

    @Test
    void targetWhenDeclaredThenTheTablesAndAnswersListedBefore() {
        Map<String, List<String>> replayable = Map.of(
                "UserProfileProjection", List.of("user_profile"),
                "UserSessionProjection", List.of("user_session"),
                "AdminUserRowProjection", List.of("admin_user_row"),
                "LoginActivityProjection", List.of("login_activity", "user_app"),
                "DailyActivityProjection", List.of("daily_activity", "daily_active_user", "user_app"),
                "ClientAppRowProjection", List.of("client_app_row"),
                "ApiKeyRowProjection", List.of("api_key_row"),
                "UserAppProjection", List.of("user_app"),
                "AppRoleProjection", List.of("app_role"));
        Map<String, Map.Entry<String, String>> notReplayable = Map.of(
                "RevokedSessionProjection", Map.entry("revoked_session", IN_MEMORY),
                "AuthorizationVersionProjection", Map.entry("authorization_version", IN_MEMORY),
                "AuditEntryProjection",
                        Map.entry(
                                "audit_entry",
                                "the source of every replay: this service's copy of "
                                        + "the log, filled from the Kafka topic (republish the log to fill it in)"),
                "AppOriginsProjection",
                        Map.entry(
                                "cors_origins",
                                "no table of its own: the CORS origins held in "
                                        + "memory, reloaded from client_app_row at start-up and every refresh interval"));
        ReplayTarget.Handler handler = (envelope, event) -> {};

        Map<String, ReplayTarget> targets = projectionClasses().stream()
                .collect(Collectors.toMap(
                        Class::getSimpleName, type -> ReplayTargets.target(type, handler), (a, b) -> a, TreeMap::new));

        assertThat(targets.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(replayable.keySet().stream(), notReplayable.keySet().stream())
                                .toList());
        replayable.forEach((projection, tables) -> assertThat(targets.get(projection))
                .as(projection)
                .isEqualTo(new ReplayTarget(tables.getFirst(), tables, Optional.empty(), handler)));
        notReplayable.forEach((projection, refused) -> assertThat(targets.get(projection))
                .as(projection)
                .isEqualTo(new ReplayTarget(
                        refused.getKey(), List.of(refused.getKey()), Optional.of(refused.getValue()), null)));
    }

    @Test
    void readsWhenDeclaredThenTheCompanionsListedBefore() {
        Map<String, String> readModelOf = projectionClasses().stream()
                .collect(Collectors.toMap(
                        Class::getSimpleName,
                        type -> type.getAnnotation(ReadModel.class).tables()[0]));

        Map<String, String> companions = projectionClasses().stream()
                .filter(type -> !type.getAnnotation(ReadModel.class).reads().isEmpty())
                .collect(Collectors.toMap(
                        Class::getSimpleName,
                        type -> type.getAnnotation(ReadModel.class).reads()));

        assertThat(companions)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "LoginActivityProjection", readModelOf.get("UserAppProjection"),
                        "DailyActivityProjection", readModelOf.get("UserAppProjection")));
        assertThat(projectionClasses())
                .filteredOn(type -> type.getSimpleName().equals("UserAppProjection"))
                .allMatch(EnvelopeProjection.class::isAssignableFrom);
    }

    /** The projection beans of this service, the switch-over gate (which keeps no read model) aside. */
    private static List<Class<?>> projectionClasses() {
        TypeFilter bean = new AnnotationTypeFilter(Component.class);
        List<TypeFilter> projections = Stream.of(Projection.class, ClientAppProjection.class, EnvelopeProjection.class)
                .<TypeFilter>map(AssignableTypeFilter::new)
                .toList();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> {
            if (!bean.match(reader, factory)) {
                return false;
            }
            for (TypeFilter projection : projections) {
                if (projection.match(reader, factory)) {
                    return true;
                }
            }
            return false;
        });
        return scanner.findCandidateComponents("dev.watchword.query").stream()
                .<Class<?>>map(candidate -> load(candidate.getBeanClassName()))
                .filter(type -> type != SwitchOverGate.class)
                .toList();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
