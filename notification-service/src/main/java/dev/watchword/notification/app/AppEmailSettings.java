package dev.watchword.notification.app;

/**
 * What a client app's emails honour of its settings. The sender address is not among them: every
 * email leaves from the service's configured address, so that the relay's SPF and DKIM keep vouching for it.
 *
 * @param linkBaseUrl where the links in the app's emails point; {@code EmailLinks} appends the page
 * @param senderName  the From display name of the app's emails; {@code null} for the address alone
 */
public record AppEmailSettings(String linkBaseUrl, String senderName) {

    /** These settings, with each one that is missing taken from {@code fallback}. */
    public AppEmailSettings orElse(AppEmailSettings fallback) {
        return new AppEmailSettings(
                linkBaseUrl == null ? fallback.linkBaseUrl() : linkBaseUrl,
                senderName == null ? fallback.senderName() : senderName);
    }
}
