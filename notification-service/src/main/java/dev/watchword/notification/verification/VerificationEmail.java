package dev.watchword.notification.verification;

import dev.watchword.events.secret.SealedSecret;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.notification.mail.ComposedEmail;
import dev.watchword.notification.mail.EmailComposer;
import dev.watchword.notification.mail.MailTemplates;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Confirm your email address": the link carries the token in its fragment (contract.md), which browsers
 * never send, so it reaches no access log. The token is opened from its sealed form only here, at send
 * time, and lives nowhere but in the rendered message (ASVS 5.0 V11.3).
 */
@Component
class VerificationEmail implements EmailComposer<EmailVerificationRequested> {

    static final String SUBJECT = "Confirm your email address";
    private static final DateTimeFormatter EXPIRY_FORMAT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final MailTemplates templates;
    private final SealedSecret sealedSecret;
    private final String baseUrl;

    VerificationEmail(MailTemplates templates, VerificationEmailProperties properties) {
        this.templates = templates;
        // Built at startup so that a missing or malformed key stops the service instead of every email.
        this.sealedSecret = SealedSecret.withKey(properties.sealingKey());
        this.baseUrl = properties.baseUrl();
    }

    @Override
    public Class<EmailVerificationRequested> eventType() {
        return EmailVerificationRequested.class;
    }

    @Override
    public String recipient(EmailVerificationRequested event) {
        return event.email();
    }

    @Override
    public Optional<Instant> expiresAt(EmailVerificationRequested event) {
        return Optional.ofNullable(event.expiresAt());
    }

    @Override
    public ComposedEmail compose(EmailVerificationRequested event) {
        String token = sealedSecret.open(event.encryptedToken(), event.userId());
        // Tokens are URL-safe already; encoding guards the link should command-service ever change alphabet.
        String link = baseUrl + "/verify-email#token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return templates.render("verification", SUBJECT, Map.of(
                "link", link,
                "expiresAt", EXPIRY_FORMAT.format(event.expiresAt())));
    }
}
