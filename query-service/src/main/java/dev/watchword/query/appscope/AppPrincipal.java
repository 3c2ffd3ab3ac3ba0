package dev.watchword.query.appscope;

/**
 * A principal that acts for one app and never beyond it, whatever authorities it holds (an app's API key).
 */
public interface AppPrincipal {

    /** The app this principal acts for. */
    String appId();
}
