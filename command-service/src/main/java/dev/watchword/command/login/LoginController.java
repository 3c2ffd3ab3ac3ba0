package dev.watchword.command.login;

import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.appdirectory.RequestAppResolver;
import dev.watchword.command.issuing.AccessTokenIssuer;
import dev.watchword.command.issuing.IssuedTokens;
import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.password.PasswordHasher;
import dev.watchword.command.security.ClientAddress;
import dev.watchword.command.timing.ResponseTiming;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.command.user.LoginOutcome;
import dev.watchword.command.user.PasswordLoginCommand.Login;
import dev.watchword.events.user.LoginMethod;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password login. Unknown addresses spend the same hashing time as wrong passwords and get the same 401, and every
 * refusal is held to login's adaptive timing floor ({@code UniformResponseTime}: a known account also costs a load
 * and a recorded failure; each path is named so that the floor covers the slower), so neither the answer nor its
 * timing tells whether an account exists (OWASP ASVS 5.0 V6.3.8).
 */
@RestController
public class LoginController {

    static final String ACCOUNT = "account";
    static final String NO_ACCOUNT = "no-account";

    private final CommandGateway commands;
    private final EmailRegistry registry;
    private final PasswordHasher passwords;
    private final AccessTokenIssuer tokens;
    private final RequestAppResolver apps;
    private final Clock clock;

    public LoginController(
            CommandGateway commands,
            EmailRegistry registry,
            PasswordHasher passwords,
            AccessTokenIssuer tokens,
            RequestAppResolver apps,
            Clock clock) {
        this.apps = apps;
        this.commands = commands;
        this.registry = registry;
        this.passwords = passwords;
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping({"/api/auth/login", "/api/users/token"})
    public IssuedTokens login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        AppPolicy appPolicy = apps.resolveAllowing(body.clientId(), request, LoginMethod.PASSWORD);
        Optional<String> userId = registry.ownerOfTyped(appPolicy.appId(), body.email());
        if (userId.isEmpty()) {
            ResponseTiming.path(request, NO_ACCOUNT);
            passwords.matchesNothing(body.password());
            throw new InvalidCredentials();
        }
        ResponseTiming.path(request, ACCOUNT);
        OpaqueToken refresh = OpaqueToken.issueFor(userId.get());
        Login login = new Login(
                userId.get(),
                body.password(),
                UUID.randomUUID().toString(),
                refresh.hash(),
                ClientAddress.of(request),
                ClientAddress.userAgentOf(request),
                clock.instant());
        // The turn is taken here, at the same point as the unknown address's, and spans the command, so that the
        // transaction, connection and lock the command holds around its hash are held only while it hashes.
        LoginOutcome outcome = passwords.inTurn(() -> commands.sendAndWait(login));
        if (outcome instanceof LoginOutcome.Granted granted) {
            return tokens.issue(granted.grant(), refresh);
        }
        if (outcome instanceof LoginOutcome.Unverified) {
            throw new EmailNotVerified();
        }
        throw new InvalidCredentials();
    }
}
