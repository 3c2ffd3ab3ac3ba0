package dev.watchword.command.app;

/**
 * Whether the actor of a settings change may move the app's {@code link_base_url}: every emailed link, with its
 * one-time token, goes there, so pointing it elsewhere would hand the app's accounts (its admins' first) to
 * whoever owns the new host. Only the strongest proof may: the platform operator, or an app admin holding every
 * app permission whose session began moments ago (OWASP ASVS 5.0 V7.5.1). An API key never may: a leaked backend
 * secret must not become a takeover of the app's admins.
 */
public enum LinkBaseChange {
    ALLOWED,
    /** An app admin whose sign-in is older than {@link ClientAppsSettings#linkBaseFreshLogin()}. */
    NEEDS_FRESH_LOGIN,
    /** An API key, or a role short of the app's full admin permissions. */
    NOT_PERMITTED
}
