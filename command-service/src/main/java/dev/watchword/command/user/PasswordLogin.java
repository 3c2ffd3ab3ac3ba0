package dev.watchword.command.user;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.user.PasswordLoginCommand.Login;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.UserEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of password login: a disabled account, an address waiting out its backoff and a wrong password are
 * refused and recorded ({@code LoginFailed}); a wrong password from an address that reached
 * {@link AccountPolicy#lockoutThreshold()} locks that address ({@code LoginLocked}, the wait doubling each time,
 * OWASP ASVS 5.0 V6.3.1), and {@link AccountPolicy#hardLockoutThreshold()} failures from anywhere block password
 * login ({@link LoginThrottle}). A right password starts a session ({@link Sessions#start}).
 */
final class PasswordLogin {

    private PasswordLogin() {}

    static Decision<LoginOutcome> decide(
            Login command, UserState state, PasswordVerifier passwords, AccountPolicy policy, AppPolicies apps) {
        AppPolicy appPolicy = LoginMethods.require(apps, state, LoginMethod.PASSWORD);
        String ip = command.ipAddress();
        Instant at = command.at();
        // The hash is checked even when this address is locked out, so the answer takes as long either way.
        boolean matches = passwords.matches(command.password(), state.passwordHash());
        if (state.disabled()) {
            return Decision.of(new LoginOutcome.Rejected(), failed(state, LoginFailureReason.DISABLED, command));
        }
        if (state.throttle().refuses(ip, at, policy)) {
            return Decision.of(new LoginOutcome.Rejected(), failed(state, LoginFailureReason.LOCKED, command));
        }
        if (!matches) {
            int failures = state.throttle().failuresAfterOneMore(ip);
            List<UserEvent> events = new ArrayList<>();
            events.add(failed(state, LoginFailureReason.WRONG_PASSWORD, command));
            if (failures >= policy.lockoutThreshold()) {
                events.add(new LoginLocked(
                        state.userId(), state.email(), ip, failures, at, at.plus(policy.lockoutFor(failures))));
            }
            return new Decision<>(new LoginOutcome.Rejected(), events);
        }
        // Told only to whoever knows the password, so it reveals nothing about the account to anyone else.
        if (appPolicy.requireVerifiedEmail() && !state.emailVerified()) {
            return Decision.of(
                    new LoginOutcome.Unverified(), failed(state, LoginFailureReason.EMAIL_NOT_VERIFIED, command));
        }
        return Sessions.start(
                        state,
                        LoginMethod.PASSWORD,
                        command.sessionId(),
                        command.refreshTokenHash(),
                        ip,
                        command.userAgent(),
                        at,
                        appPolicy)
                .map(LoginOutcome.Granted::new);
    }

    private static LoginFailed failed(UserState state, LoginFailureReason reason, Login command) {
        return new LoginFailed(state.userId(), reason, command.ipAddress(), command.userAgent(), command.at());
    }
}
