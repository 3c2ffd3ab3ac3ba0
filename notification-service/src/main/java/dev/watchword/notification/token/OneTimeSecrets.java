package dev.watchword.notification.token;

import dev.watchword.events.links.EmailLinks;
import dev.watchword.events.secret.SealedSecret;
import org.springframework.stereotype.Component;

/**
 * Opens the one-time secrets that events carry sealed (contract.md, "One-time secrets in events") and puts
 * them into links. Called only when an email is rendered for sending, so that a secret exists in clear in
 * memory and in the sent message, never in the outbox or a log (ASVS 5.0 V11.3).
 */
@Component
public class OneTimeSecrets {

    private final SealedSecret sealedSecret;

    OneTimeSecrets(OneTimeSecretProperties properties) {
        // Built at startup so that a missing or malformed key stops the service instead of every email.
        this.sealedSecret = SealedSecret.withKey(properties.sealingKey());
    }

    /**
     * @param linkBaseUrl the recipient's app's {@code linkBaseUrl} (the configured public URL for the default
     *                    app); configuration or a validated app setting, never a request's Host header
     * @param page        one of the {@link EmailLinks} pages
     * @param sealedToken the event's {@code encryptedToken}
     * @param userId      the event's user id, which the token is bound to
     * @return the page's link under the link base URL with the opened token in its fragment
     * @throws IllegalArgumentException when the token was not sealed with this key for this user
     */
    public String link(String linkBaseUrl, String page, String sealedToken, String userId) {
        return EmailLinks.link(linkBaseUrl, page, open(sealedToken, userId));
    }

    /** @throws IllegalArgumentException when the secret was not sealed with this key for this user */
    public String open(String sealedSecretText, String userId) {
        return sealedSecret.open(sealedSecretText, userId);
    }
}
