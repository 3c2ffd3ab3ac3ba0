package dev.watchword.command.verification;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.appdirectory.RequestAppResolver;
import dev.watchword.command.onetimesecret.OneTimeSecrets;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.command.user.VerificationCommand.RequestEmailVerification;
import dev.watchword.command.user.VerificationSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends a new verification link; the previous one stops working. The answer is the same for unknown,
 * unverified and verified addresses (OWASP ASVS 5.0 V6.3.8).
 */
@RestController
public class ResendVerificationController {

    private final CommandGateway commands;
    private final EmailRegistry registry;
    private final OneTimeSecrets secrets;
    private final VerificationSettings settings;
    private final RequestAppResolver apps;
    private final Clock clock;

    public ResendVerificationController(
            CommandGateway commands,
            EmailRegistry registry,
            OneTimeSecrets secrets,
            VerificationSettings settings,
            RequestAppResolver apps,
            Clock clock) {
        this.apps = apps;
        this.commands = commands;
        this.registry = registry;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping("/api/auth/verify-email/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> resend(@Valid @RequestBody ResendRequest body, HttpServletRequest request) {
        AppPolicy appPolicy = apps.resolve(body.clientId(), request);
        Instant now = clock.instant();
        registry.ownerOfTyped(appPolicy.appId(), body.email())
                .ifPresent(userId -> commands.sendAndWait(
                        new RequestEmailVerification(userId, secrets.issueFor(userId, now, settings.lifetime()), now)));
        return Map.of("detail", "If the address has an unconfirmed account, a new link is on its way.");
    }

    public record ResendRequest(
            @NotBlank @Size(max = 320) String email,
            @JsonProperty("client_id") @Size(max = 100) String clientId) {}
}
