package dev.watchword.command.signinsettings;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.appdirectory.RequestAppResolver;
import dev.watchword.events.user.LoginMethod;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An app's public sign-in settings, for sign-in forms that offer exactly what the app allows (the SDK's
 * {@code <SignIn>}). Nothing here is secret or personal: the same answer for everyone who names the app; an
 * unknown client id is the usual 400 {@code UNKNOWN_CLIENT}.
 */
@RestController
public class SignInSettingsController {

    private final RequestAppResolver apps;

    public SignInSettingsController(RequestAppResolver apps) {
        this.apps = apps;
    }

    @GetMapping("/api/auth/app-settings")
    public ResponseEntity<SignInSettings> settings(
            @RequestParam(name = "client_id", required = false) String clientId, HttpServletRequest request) {
        AppPolicy app = apps.resolve(clientId, request);
        List<String> methods = Arrays.stream(LoginMethod.values())
                .filter(app::allows)
                .map(method -> method.name().toLowerCase(Locale.ROOT))
                .toList();
        // Settings change rarely; a minute of staleness in a browser is harmless (the flows enforce the truth).
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .header(HttpHeaders.VARY, HttpHeaders.ORIGIN + ", " + RequestAppResolver.HEADER)
                .body(new SignInSettings(app.clientId(), methods, app.requireVerifiedEmail(), app.passwordMinLength()));
    }

    public record SignInSettings(
            @JsonProperty("client_id") String clientId,
            @JsonProperty("login_methods") List<String> loginMethods,
            @JsonProperty("require_verified_email") boolean requireVerifiedEmail,
            @JsonProperty("password_min_length") int passwordMinLength) {}
}
