package dev.watchword.command.pages;

import dev.watchword.events.links.EmailLinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages that emailed links open ({@link EmailLinks}). The token sits in the URL fragment, which browsers
 * never send, so it reaches no access log; the page reads it, removes it from the address bar, and POSTs it
 * to the API. A GET spends nothing, so mail scanners that follow links cannot use a link up.
 */
@RestController
public class LinkPagesController {

    // The page's one inline script reads the fragment and posts it; nothing else may load or run.
    private static final String CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final String verifyEmail;
    private final String resetPassword;
    private final String magicLink;
    private final String confirmEmailChange;

    public LinkPagesController() {
        String template = read("pages/link.html");
        // The first proof of the mailbox drops a password chosen before it (pre-account takeover, OWASP ASVS 5.0
        // V6.4), so the page that proves it asks for the password the owner will sign in with.
        verifyEmail = render(
                template,
                Map.of(
                        "title",
                        "Confirm your email address",
                        "endpoint",
                        "/api/auth/verify-email/",
                        "done",
                        "Your email address is confirmed.",
                        "pending",
                        "",
                        "formHidden",
                        "",
                        "action",
                        "Confirm",
                        "passwordLabel",
                        "Your password (optional)",
                        "hint",
                        "Confirming ends every earlier sign-in to this address and clears a password chosen before it, so "
                                + "nobody who signed up with your address before you keeps a way in. Type the password you "
                                + "want to sign in with, or leave it empty to sign in with emailed links or codes (or set "
                                + "one later with Forgot password).",
                        "passwordRequired",
                        ""));
        resetPassword = render(
                template,
                Map.of(
                        "title",
                        "Choose a new password",
                        "endpoint",
                        "/api/auth/password/reset/confirm/",
                        "done",
                        "Your password is changed. Sign in with it now.",
                        "pending",
                        "",
                        "formHidden",
                        "",
                        "action",
                        "Set password",
                        "passwordLabel",
                        "New password"));
        magicLink = render(
                template,
                Map.of(
                        "title",
                        "Signing you in",
                        "endpoint",
                        "/api/auth/magic-link/login/",
                        "done",
                        "You are signed in. You can close this page.",
                        "pending",
                        "Signing in…"));
        confirmEmailChange = render(
                template,
                Map.of(
                        "title",
                        "Confirm your new email address",
                        "endpoint",
                        "/api/auth/email/change/confirm/",
                        "done",
                        "Your email address is changed.",
                        "pending",
                        "Confirming…"));
    }

    @GetMapping(path = EmailLinks.VERIFY_EMAIL, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> verifyEmail() {
        return page(verifyEmail);
    }

    @GetMapping(path = EmailLinks.RESET_PASSWORD, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> resetPassword() {
        return page(resetPassword);
    }

    @GetMapping(path = EmailLinks.MAGIC_LINK, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> magicLink() {
        return page(magicLink);
    }

    @GetMapping(path = EmailLinks.CONFIRM_EMAIL_CHANGE, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> confirmEmailChange() {
        return page(confirmEmailChange);
    }

    private static ResponseEntity<String> page(String html) {
        return ResponseEntity.ok().header("Content-Security-Policy", CSP).body(html);
    }

    /** Fills the placeholders; pages without a password form get the form hidden. Values are constants. */
    private static String render(String template, Map<String, String> values) {
        String html = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            html = html.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return html.replace("{{formHidden}}", "hidden")
                .replace("{{action}}", "Continue")
                .replace("{{passwordLabel}}", "Password")
                .replace("{{hint}}", "")
                .replace("{{passwordRequired}}", "required");
    }

    private static String read(String path) {
        try {
            return new String(new ClassPathResource(path).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
