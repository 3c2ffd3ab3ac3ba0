package dev.watchword.command.user;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.user.PasswordlessCommand.LoginWithEmailOtp;
import dev.watchword.command.user.PasswordlessCommand.LoginWithMagicLink;
import dev.watchword.command.user.PasswordlessCommand.RequestEmailOtp;
import dev.watchword.command.user.PasswordlessCommand.RequestMagicLink;
import dev.watchword.events.user.EmailOtpFailed;
import dev.watchword.events.user.EmailOtpRequested;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.MagicLinkRequested;
import dev.watchword.events.user.UserEvent;
import java.util.List;

/**
 * The rules of passwordless login, by magic link and by email code: each secret works once, only the latest one
 * asked for works, and it proves the mailbox like a verification link does ({@link Verification#proveMailbox}).
 */
final class Passwordless {

    /** Wrong codes after which an email OTP dies (at most 5). */
    static final int OTP_ATTEMPTS = 5;

    private Passwordless() {}

    static List<UserEvent> decide(RequestMagicLink command, UserState state, AppPolicies apps) {
        LoginMethods.require(apps, state, LoginMethod.MAGIC_LINK);
        OneTimeSecret link = command.link();
        return List.of(new MagicLinkRequested(
                state.userId(),
                state.email(),
                link.hash(),
                link.sealed(),
                command.ipAddress(),
                command.at(),
                link.expiresAt()));
    }

    /** Unknown, used, superseded or expired links, and links of a disabled account, get one answer. */
    static Decision<SessionGrant> decide(LoginWithMagicLink command, UserState state, AppPolicies apps) {
        AppPolicy appPolicy = LoginMethods.require(apps, state, LoginMethod.MAGIC_LINK);
        PendingSecret link = state.magicLink();
        if (state.disabled() || link == null || !link.accepts(command.tokenHash(), command.at())) {
            throw UserRuleViolation.invalidLoginLink();
        }
        return Sessions.start(
                        state,
                        LoginMethod.MAGIC_LINK,
                        command.sessionId(),
                        command.refreshTokenHash(),
                        command.ipAddress(),
                        command.userAgent(),
                        command.at(),
                        appPolicy)
                .after(Verification.proveMailbox(state, command.at(), appPolicy));
    }

    static List<UserEvent> decide(RequestEmailOtp command, UserState state, AppPolicies apps) {
        LoginMethods.require(apps, state, LoginMethod.EMAIL_OTP);
        OneTimeSecret code = command.code();
        return List.of(new EmailOtpRequested(
                state.userId(),
                state.email(),
                command.requestId(),
                code.hash(),
                code.sealed(),
                command.ipAddress(),
                command.at(),
                code.expiresAt()));
    }

    /** A code works for the request that asked for it, before it expires, and dies after 5 wrong tries. */
    static Decision<LoginOutcome> decide(LoginWithEmailOtp command, UserState state, AppPolicies apps) {
        AppPolicy appPolicy = LoginMethods.require(apps, state, LoginMethod.EMAIL_OTP);
        PendingSecret otp = state.otp();
        boolean open = !state.disabled()
                && otp != null
                && command.requestId().equals(state.otpRequestId())
                && state.otpFailures() < OTP_ATTEMPTS
                && command.at().isBefore(otp.expiresAt());
        if (!open) {
            return Decision.of(new LoginOutcome.Rejected());
        }
        if (!otp.accepts(command.codeHash(), command.at())) {
            return Decision.of(
                    new LoginOutcome.Rejected(),
                    new EmailOtpFailed(
                            state.userId(),
                            state.otpRequestId(),
                            state.otpFailures() + 1,
                            command.ipAddress(),
                            command.userAgent(),
                            command.at()));
        }
        return Sessions.start(
                        state,
                        LoginMethod.EMAIL_OTP,
                        command.sessionId(),
                        command.refreshTokenHash(),
                        command.ipAddress(),
                        command.userAgent(),
                        command.at(),
                        appPolicy)
                .after(Verification.proveMailbox(state, command.at(), appPolicy))
                .map(LoginOutcome.Granted::new);
    }
}
