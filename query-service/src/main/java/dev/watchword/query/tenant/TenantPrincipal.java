package dev.watchword.query.tenant;

/**
 * A principal that acts for one app and never beyond it, whatever authorities it holds (an app's API key).
 */
public interface TenantPrincipal {

    /** The app this principal acts for. */
    String tenant();
}
