package dev.watchword.command.app;

import dev.watchword.accesstoken.AccessTokenRules;
import dev.watchword.command.security.Acting;
import dev.watchword.command.security.ApiKeyAuthentication;
import dev.watchword.events.access.Permission;
import dev.watchword.events.user.SessionStarted;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * How strong an authorized actor's proof is for moving an app's {@code link_base_url} ({@link LinkBaseChange}).
 * The platform operator may. An app admin may when holding every app permission and signed in (the session's
 * start, as {@code auth_time} would tell, OpenID Connect Core section 2) within
 * {@link ClientAppsSettings#linkBaseFreshLogin()}: a stolen or long-lived token alone is not enough (OWASP ASVS 5.0
 * V7.5.1). An API key never may. The session's start is read from the actor's own stream, where the login that
 * began it recorded {@link SessionStarted}; refreshing a session does not make it fresh.
 */
@Component
public class LinkBaseProof {

    /** Every permission within one app, as tokens carry them: what the app's {@code admin} holds. */
    private static final Set<String> APP_PERMISSIONS =
            Permission.withinOneApp().stream().map(Permission::value).collect(Collectors.toUnmodifiableSet());

    private final EventStore events;
    private final ClientAppsSettings apps;

    public LinkBaseProof(EventStore events, ClientAppsSettings apps) {
        this.events = events;
        this.apps = apps;
    }

    LinkBaseChange of(Authentication caller, Acting acting) {
        if (caller instanceof ApiKeyAuthentication) {
            return LinkBaseChange.NOT_PERMITTED;
        }
        if (acting.platformWide()) {
            return LinkBaseChange.ALLOWED;
        }
        if (!acting.permissions().containsAll(APP_PERMISSIONS) || !(caller.getPrincipal() instanceof Jwt token)) {
            return LinkBaseChange.NOT_PERMITTED;
        }
        Instant freshSince = acting.at().minus(apps.linkBaseFreshLogin());
        return sessionStart(acting.actorId(), token.getClaimAsString(AccessTokenRules.SESSION_ID))
                .filter(started -> !started.isBefore(freshSince))
                .map(started -> LinkBaseChange.ALLOWED)
                .orElse(LinkBaseChange.NEEDS_FRESH_LOGIN);
    }

    private Optional<Instant> sessionStart(String userId, String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        return events.readEvents(userId, 0)
                .asStream()
                .map(message ->
                        message.getPayload() instanceof SessionStarted started && sessionId.equals(started.sessionId())
                                ? started.startedAt()
                                : null)
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }
}
