package dev.watchword.command.appdirectory;

import dev.watchword.events.app.AppSettings;
import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.app.RoleDefined;
import dev.watchword.events.user.LoginMethod;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every client app and its settings, in memory, so that resolving a request's app and its rules never reads the
 * database. Fed like the API key directory: a tracking processor that reads the log from its start on every boot
 * ({@link AppDirectoryConfiguration}), so each instance follows new apps and settings within milliseconds. Until it
 * has caught up, resolving an app answers 503: halfway through the log an app's settings may be stale, and a
 * login method switched off later would still look allowed.
 * <p>
 * The {@link DefaultApp} is not in the log: its rules are the service's configuration.
 */
@Component
@ProcessingGroup(AppDirectory.PROCESSING_GROUP)
public class AppDirectory implements AppPolicies {

    public static final String PROCESSING_GROUP = "app-directory";

    private final Map<String, Registered> byAppId = new ConcurrentHashMap<>();
    private final Map<String, String> appIdByClientId = new ConcurrentHashMap<>();
    private final AppPolicy defaultApp;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private volatile boolean caughtUp;

    /** @param defaultApp the default app's policy, which is the service's configuration rather than the log's */
    public AppDirectory(AppPolicy defaultApp, ObjectProvider<EventProcessingConfiguration> processing) {
        this.defaultApp = defaultApp;
        this.processing = processing;
    }

    /** The app a client id names; the default app for none. Empty for an unknown client id. */
    public Optional<AppPolicy> byClientId(String clientId) {
        if (clientId == null || DefaultApp.CLIENT_ID.equals(clientId)) {
            return Optional.of(defaultApp);
        }
        requireReady();
        return Optional.ofNullable(appIdByClientId.get(clientId)).map(this::of);
    }

    /** The app a user belongs to, by its id as recorded in {@code UserRegistered}. */
    @Override
    public AppPolicy of(String appId) {
        if (appId == null || DefaultApp.APP_ID.equals(appId)) {
            return defaultApp;
        }
        requireReady();
        Registered app = byAppId.get(appId);
        if (app == null || app.settings() == null) {
            throw new IllegalStateException("An app recorded in the log is missing from the directory");
        }
        return app.appPolicy();
    }

    /** Whether {@code appId} names an app: the default one or a registered one. */
    public boolean exists(String appId) {
        return DefaultApp.APP_ID.equals(appId) || byAppId.containsKey(appId);
    }

    /** Every origin some app allows; a preflight names no app, so the CORS filter admits this union. */
    public Stream<String> allCorsOrigins() {
        return Stream.concat(
                defaultApp.corsOrigins().stream(),
                byAppId.values().stream()
                        .map(Registered::appPolicy)
                        .filter(t -> t != null)
                        .flatMap(t -> t.corsOrigins().stream()));
    }

    /** Whether the directory has read the whole log once. */
    public boolean ready() {
        if (!caughtUp) {
            caughtUp = Optional.ofNullable(processing.getIfAvailable())
                    .flatMap(p -> p.eventProcessor(PROCESSING_GROUP, StreamingEventProcessor.class))
                    .map(StreamingEventProcessor::processingStatus)
                    .filter(status -> !status.isEmpty())
                    .map(status -> status.values().stream().allMatch(EventTrackerStatus::isCaughtUp))
                    .orElse(false);
        }
        return caughtUp;
    }

    private void requireReady() {
        if (!ready()) {
            throw new AppDirectoryStarting();
        }
    }

    @EventHandler
    void on(ClientAppRegistered event) {
        byAppId.put(event.appId(), new Registered(event.appId(), event.clientId(), null, Map.of(), null));
        appIdByClientId.put(event.clientId(), event.appId());
    }

    @EventHandler
    void on(AppSettingsChanged event) {
        byAppId.computeIfPresent(event.appId(), (id, app) -> app.with(event.settings(), app.customRoles()));
    }

    @EventHandler
    void on(RoleDefined event) {
        byAppId.computeIfPresent(event.appId(), (id, app) -> {
            Map<String, Set<String>> roles = new HashMap<>(app.customRoles());
            roles.put(event.role(), Set.copyOf(event.permissions()));
            return app.with(app.settings(), roles);
        });
    }

    /** An app as its events left it; {@code tenant} is derived once per change, not per request. */
    private record Registered(
            String appId,
            String clientId,
            AppSettings settings,
            Map<String, Set<String>> customRoles,
            AppPolicy appPolicy) {

        Registered with(AppSettings newSettings, Map<String, Set<String>> roles) {
            AppPolicy derived = newSettings == null
                    ? null
                    : new AppPolicy(
                            appId,
                            clientId,
                            methodsOf(newSettings.loginMethods()),
                            newSettings.requireVerifiedEmail(),
                            Duration.ofMinutes(newSettings.accessTokenMinutes()),
                            Duration.ofDays(newSettings.refreshTokenDays()),
                            newSettings.passwordMinLength(),
                            newSettings.corsOrigins(),
                            roles);
            return new Registered(appId, clientId, newSettings, Map.copyOf(roles), derived);
        }

        private static Set<LoginMethod> methodsOf(List<String> names) {
            Set<LoginMethod> methods = EnumSet.noneOf(LoginMethod.class);
            names.forEach(name -> methods.add(LoginMethod.valueOf(name.toUpperCase(java.util.Locale.ROOT))));
            return methods;
        }
    }
}
