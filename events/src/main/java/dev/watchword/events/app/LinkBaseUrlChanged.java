package dev.watchword.events.app;

import java.time.Instant;

/**
 * The app's {@code link_base_url} moved: every emailed link, with its one-time token, goes to the new origin from
 * now on. Recorded beside the {@link AppSettingsChanged} that made the change, so that notification-service tells
 * every admin of the app (a hijacked link base would hand over their accounts first).
 *
 * @param previousLinkBaseUrl where links pointed before
 * @param linkBaseUrl         where they point now
 * @param changedBy           the actor: a user id (the platform operator or an app admin)
 */
public record LinkBaseUrlChanged(
        String appId, String previousLinkBaseUrl, String linkBaseUrl, String changedBy, Instant changedAt)
        implements ClientAppEvent {}
