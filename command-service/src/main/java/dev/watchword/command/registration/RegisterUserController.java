package dev.watchword.command.registration;

import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.appdirectory.LoginMethodDisabled;
import dev.watchword.command.appdirectory.RequestAppResolver;
import dev.watchword.command.onetimesecret.OneTimeSecrets;
import dev.watchword.command.password.PasswordHasher;
import dev.watchword.command.password.PasswordPolicy;
import dev.watchword.command.problem.InvalidEmailAddress;
import dev.watchword.command.security.ClientAddress;
import dev.watchword.command.timing.ResponseTiming;
import dev.watchword.command.user.EmailAddress;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.command.user.RegistrationCommand.NoteRegistrationAttempt;
import dev.watchword.command.user.RegistrationCommand.RegisterUser;
import dev.watchword.command.user.VerificationSettings;
import dev.watchword.events.user.LoginMethod;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration answers the same for a new and a taken address (OWASP ASVS 5.0 V6.3.8, no account
 * enumeration): 202 and a generic text. The owner of a taken address is told by email instead. The password
 * policy is checked before the address is looked up, so its 400 says nothing about the address either. Both paths
 * are held to registration's adaptive timing floor ({@code UniformResponseTime}), each named, so that the floor covers
 * the slower.
 */
@RestController
public class RegisterUserController {

    static final String NEW = "new";
    static final String TAKEN = "taken";

    static final Map<String, String> ACCEPTED =
            Map.of("detail", "Thanks. If the address can be registered, a confirmation email is on its way.");

    private final CommandGateway commands;
    private final EmailRegistry registry;
    private final PasswordHasher passwords;
    private final PasswordPolicy policy;
    private final OneTimeSecrets secrets;
    private final VerificationSettings verification;
    private final RequestAppResolver apps;
    private final Clock clock;

    public RegisterUserController(
            CommandGateway commands,
            EmailRegistry registry,
            PasswordHasher passwords,
            PasswordPolicy policy,
            OneTimeSecrets secrets,
            VerificationSettings verification,
            RequestAppResolver apps,
            Clock clock) {
        this.apps = apps;
        this.commands = commands;
        this.registry = registry;
        this.passwords = passwords;
        this.policy = policy;
        this.secrets = secrets;
        this.verification = verification;
        this.clock = clock;
    }

    @PostMapping({"/api/auth/register", "/api/users/register"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, String> register(@Valid @RequestBody RegistrationRequest body, HttpServletRequest request) {
        AppPolicy appPolicy = apps.resolve(body.clientId(), request);
        String email = EmailAddress.normalize(body.email()).orElseThrow(InvalidEmailAddress::new);
        String passwordHash = null;
        if (appPolicy.allows(LoginMethod.PASSWORD)) {
            policy.check(body.password(), email, appPolicy.passwordMinLength());
            // Hashing costs tens of milliseconds of CPU on purpose; it runs here, outside the aggregate's lock, and
            // for taken addresses too, so the answer's timing does not tell them apart either.
            passwordHash = passwords.hash(body.password());
        } else if (body.password() != null) {
            throw new LoginMethodDisabled();
        }
        String ip = ClientAddress.of(request);
        Instant now = clock.instant();
        Optional<String> owner = registry.ownerOf(appPolicy.appId(), email);
        // Named with whether a password was hashed, so that the floor also covers an app without passwords.
        String hashed = passwordHash == null ? "-without-password" : "";
        ResponseTiming.path(request, (owner.isPresent() ? TAKEN : NEW) + hashed);
        if (owner.isPresent()) {
            noteAttempt(owner.get(), ip, now);
            return ACCEPTED;
        }
        String userId = UUID.randomUUID().toString();
        RegisterUser command = new RegisterUser(
                userId,
                email,
                passwordHash,
                secrets.issueFor(userId, now, verification.lifetime()),
                now,
                appPolicy.appId());
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException lostRace) {
            // Another registration of the same address committed first: the registry's key rolled ours back.
            String winner = registry.ownerOf(appPolicy.appId(), email).orElseThrow(() -> lostRace);
            noteAttempt(winner, ip, now);
        }
        return ACCEPTED;
    }

    private void noteAttempt(String owner, String ip, Instant now) {
        commands.sendAndWait(new NoteRegistrationAttempt(owner, ip, now));
    }
}
