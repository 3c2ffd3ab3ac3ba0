package dev.watchword.events.app;

/**
 * The app every user registered before client apps existed belongs to, and every request that names no client
 * id: the platform's own app. It is not registered by an event; its settings are the service's configuration,
 * and its admins are the platform operators.
 */
public final class DefaultApp {

    /** The default app's id, in events ({@code appId}) and in access tokens ({@code tenant}). */
    public static final String APP_ID = "default";

    /** The client id that names the default app; sending none means the same. */
    public static final String CLIENT_ID = "default";

    private DefaultApp() {}

    /** {@code appId} as recorded, or the default app for events recorded before there were apps. */
    public static String orDefault(String appId) {
        return appId == null ? APP_ID : appId;
    }
}
