package dev.watchword.command.app;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.watchword.command.apikey.StoredApiKey;
import dev.watchword.events.app.ApiKeyIssued;
import dev.watchword.events.app.ApiKeyRetired;
import dev.watchword.events.app.ApiKeyRevoked;
import dev.watchword.events.app.AppSettings;
import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.app.LinkBaseUrlChanged;
import dev.watchword.events.app.RoleDefined;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A client app: a website or app that integrates Watchword, its settings and the API keys of its
 * backend. Command handlers validate and {@code apply}; state changes only in the {@link EventSourcingHandler}s.
 * Field access for Jackson, so that it can be snapshotted like {@code User} should its history ever grow long.
 * The aggregate knows keys by id and hash only; the keys themselves never reach it.
 */
@Aggregate
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class ClientApp {

    @AggregateIdentifier
    private String appId;

    private String name;
    private String clientId;
    private AppSettings settings;
    private Map<String, ApiKeyState> keys = new LinkedHashMap<>();
    private Set<String> roles = new TreeSet<>();

    protected ClientApp() {
        // for Axon and for Jackson (snapshots)
    }

    @CommandHandler
    public ClientApp(RegisterClientApp command) {
        AppSettingsPolicy.requireValidName(command.name());
        apply(new ClientAppRegistered(
                command.appId(), command.name(), command.clientId(), command.actorId(), command.at()));
        apply(new AppSettingsChanged(
                command.appId(),
                AppSettingsPolicy.defaults(command.name(), command.linkBaseUrl()),
                command.actorId(),
                command.at()));
        StoredApiKey key = command.firstKey();
        apply(new ApiKeyIssued(
                command.appId(), key.keyId(), key.prefix(), key.keyHash(), command.actorId(), command.at()));
    }

    @CommandHandler
    public void handle(IssueApiKey command) {
        issue(command.key(), command.actorId(), command.at());
    }

    /** The replacement is issued before the old key is retired, so there is never a moment without a key. */
    @CommandHandler
    public Instant handle(RotateApiKey command) {
        ApiKeyState old = keys.get(command.keyId());
        if (old == null) {
            throw new ApiKeyNotFound();
        }
        if (old.status() != ApiKeyState.Status.ACTIVE) {
            throw new ApiKeyNotActive();
        }
        Instant validUntil = command.at().plus(command.grace());
        issue(command.replacement(), command.actorId(), command.at());
        apply(new ApiKeyRetired(appId, command.keyId(), command.actorId(), command.at(), validUntil));
        return validUntil;
    }

    /** Revoking a key that no longer works records nothing: the answer is the same, the log stays meaningful. */
    @CommandHandler
    public void handle(RevokeApiKey command) {
        ApiKeyState key = keys.get(command.keyId());
        if (key == null) {
            throw new ApiKeyNotFound();
        }
        if (key.worksAt(command.at())) {
            apply(new ApiKeyRevoked(appId, command.keyId(), command.actorId(), command.at()));
        }
    }

    /**
     * A new {@code link_base_url} needs the actor's strongest proof ({@link LinkBaseChange}); sending the present
     * one again, as every whole-settings PUT does, needs none.
     */
    @CommandHandler
    public AppSettings handle(ChangeAppSettings command) {
        AppSettings next = AppSettingsPolicy.validated(command.settings());
        boolean linkBaseMoves = settings != null && !settings.linkBaseUrl().equals(next.linkBaseUrl());
        if (linkBaseMoves && command.linkBaseChange() != LinkBaseChange.ALLOWED) {
            throw LinkBaseChangeRefused.of(command.linkBaseChange());
        }
        if (!next.equals(settings)) {
            String previousLinkBase = settings == null ? null : settings.linkBaseUrl();
            apply(new AppSettingsChanged(appId, next, command.actorId(), command.at()));
            if (linkBaseMoves) {
                apply(new LinkBaseUrlChanged(
                        appId, previousLinkBase, next.linkBaseUrl(), command.actorId(), command.at()));
            }
        }
        return next;
    }

    @CommandHandler
    public void handle(DefineRole command) {
        if (roles.contains(command.role())) {
            throw new RoleExists();
        }
        apply(new RoleDefined(appId, command.role(), command.permissions(), command.actorId(), command.at()));
    }

    private void issue(StoredApiKey key, String actorId, Instant at) {
        if (keys.containsKey(key.keyId())) {
            // 62^8 ids: a repeat means a broken random source, not bad luck.
            throw new IllegalStateException("API key id issued twice");
        }
        apply(new ApiKeyIssued(appId, key.keyId(), key.prefix(), key.keyHash(), actorId, at));
    }

    @EventSourcingHandler
    void on(ClientAppRegistered event) {
        appId = event.appId();
        name = event.name();
        clientId = event.clientId();
    }

    @EventSourcingHandler
    void on(AppSettingsChanged event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(RoleDefined event) {
        roles.add(event.role());
    }

    @EventSourcingHandler
    void on(ApiKeyIssued event) {
        keys.put(event.keyId(), ApiKeyState.active());
    }

    @EventSourcingHandler
    void on(ApiKeyRetired event) {
        keys.put(event.keyId(), new ApiKeyState(ApiKeyState.Status.RETIRED, event.validUntil()));
    }

    @EventSourcingHandler
    void on(ApiKeyRevoked event) {
        keys.put(event.keyId(), new ApiKeyState(ApiKeyState.Status.REVOKED, null));
    }
}
