package dev.watchword.command.passwordless;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.appdirectory.RequestAppResolver;
import dev.watchword.command.issuing.AccessTokenIssuer;
import dev.watchword.command.issuing.IssuedTokens;
import dev.watchword.command.onetimesecret.OneTimeSecrets;
import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.security.ClientAddress;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.command.user.PasswordlessCommand.LoginWithMagicLink;
import dev.watchword.command.user.PasswordlessCommand.RequestMagicLink;
import dev.watchword.command.user.SessionGrant;
import dev.watchword.command.user.UserRuleViolation;
import dev.watchword.events.user.LoginMethod;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in links: requested with an address (the same 202 for every address, OWASP ASVS 5.0 V6.3.8), single
 * use, 10 minutes by default, and exchanged for tokens only by POST: the link's token rides in the URL
 * fragment and never appears in a URL that a server or proxy logs.
 */
@RestController
@EnableConfigurationProperties(PasswordlessSettings.class)
public class MagicLinkController {

    private final CommandGateway commands;
    private final EmailRegistry registry;
    private final OneTimeSecrets secrets;
    private final AccessTokenIssuer tokens;
    private final PasswordlessSettings settings;
    private final RequestAppResolver apps;
    private final Clock clock;

    public MagicLinkController(
            CommandGateway commands,
            EmailRegistry registry,
            OneTimeSecrets secrets,
            AccessTokenIssuer tokens,
            PasswordlessSettings settings,
            RequestAppResolver apps,
            Clock clock) {
        this.apps = apps;
        this.commands = commands;
        this.registry = registry;
        this.secrets = secrets;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping("/api/auth/magic-link")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> request(@Valid @RequestBody LinkRequest body, HttpServletRequest request) {
        AppPolicy appPolicy = apps.resolveAllowing(body.clientId(), request, LoginMethod.MAGIC_LINK);
        Instant now = clock.instant();
        registry.ownerOfTyped(appPolicy.appId(), body.email())
                .ifPresent(userId -> commands.sendAndWait(new RequestMagicLink(
                        userId,
                        secrets.issueFor(userId, now, settings.magicLinkLifetime()),
                        ClientAddress.of(request),
                        now)));
        return Map.of("detail", "If the address has an account, a sign-in link is on its way.");
    }

    @PostMapping("/api/auth/magic-link/login")
    public IssuedTokens login(@Valid @RequestBody LinkLogin body, HttpServletRequest request) {
        // The user's app decides whether links work; its aggregate refuses them (403) when switched off.
        OpaqueToken link = OpaqueToken.parse(body.token()).orElseThrow(UserRuleViolation::invalidLoginLink);
        OpaqueToken refresh = OpaqueToken.issueFor(link.userId());
        try {
            SessionGrant grant = commands.sendAndWait(new LoginWithMagicLink(
                    link.userId(),
                    link.hash(),
                    UUID.randomUUID().toString(),
                    refresh.hash(),
                    ClientAddress.of(request),
                    ClientAddress.userAgentOf(request),
                    clock.instant()));
            return tokens.issue(grant, refresh);
        } catch (AggregateNotFoundException | IncompatibleAggregateException unknownUser) {
            throw UserRuleViolation.invalidLoginLink();
        }
    }

    public record LinkRequest(
            @NotBlank @Size(max = 320) String email,
            @JsonProperty("client_id") @Size(max = 100) String clientId) {}

    public record LinkLogin(@NotBlank @Size(max = 200) String token) {

        @Override
        public String toString() {
            return "LinkLogin[<redacted>]";
        }
    }
}
