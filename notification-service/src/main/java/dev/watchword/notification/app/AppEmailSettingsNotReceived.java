package dev.watchword.notification.app;

/**
 * A user's app is known but its settings have not arrived yet. The app's events travel under the app's key, on
 * another partition than the user's, so a consumer catching up may read the user's first. Every app records
 * its settings when it is registered, so they are on their way: the email waits and is retried.
 */
public class AppEmailSettingsNotReceived extends IllegalStateException {

    AppEmailSettingsNotReceived(String appId) {
        super("No settings received yet for app " + appId);
    }
}
