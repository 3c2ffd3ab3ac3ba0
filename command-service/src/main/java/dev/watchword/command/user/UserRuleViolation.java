package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/**
 * A broken rule of a user account, one factory per rule. The {@link ProblemCode} is what callers and clients tell
 * rules apart by ({@link RuleViolation#is}); the detail is for the person who reads it. Several rules answer one
 * way on purpose: an unknown, used, superseded or expired link (or token) gets one answer for all, so the answer
 * tells nothing about which it was.
 */
public final class UserRuleViolation extends RuleViolation {

    private UserRuleViolation(ProblemCode code, String detail) {
        super(code, detail);
    }

    /** The verification link is unknown, already used, superseded by a newer one or expired. */
    public static UserRuleViolation invalidVerificationToken() {
        return new UserRuleViolation(
                ProblemCode.INVALID_VERIFICATION_TOKEN,
                "This verification link is invalid or has expired. Ask for a new one.");
    }

    /** Unknown, used, superseded or expired reset link. */
    public static UserRuleViolation invalidResetToken() {
        return new UserRuleViolation(
                ProblemCode.INVALID_RESET_TOKEN, "This password reset link is invalid or has expired.");
    }

    /** Unknown, used, superseded or expired link confirming a new address. */
    public static UserRuleViolation invalidEmailChangeToken() {
        return new UserRuleViolation(
                ProblemCode.INVALID_EMAIL_CHANGE_TOKEN, "This confirmation link is invalid or has expired.");
    }

    /** Unknown, used, superseded or expired sign-in link. */
    public static UserRuleViolation invalidLoginLink() {
        return new UserRuleViolation(ProblemCode.INVALID_LOGIN_LINK, "This sign-in link is invalid or has expired.");
    }

    /** Unknown, rotated, revoked or expired refresh token. */
    public static UserRuleViolation invalidRefreshToken() {
        return new UserRuleViolation(ProblemCode.INVALID_REFRESH_TOKEN, "The refresh token is invalid or has expired.");
    }

    public static UserRuleViolation currentPasswordWrong() {
        return new UserRuleViolation(ProblemCode.CURRENT_PASSWORD_WRONG, "The current password is wrong.");
    }

    /** The new address of an email change is the account's address already. */
    public static UserRuleViolation sameEmail() {
        return new UserRuleViolation(ProblemCode.SAME_EMAIL, "That is already the account's address.");
    }

    /** The caller's access token belongs to a session that has ended: the token is no longer good. */
    public static UserRuleViolation sessionEnded() {
        return new UserRuleViolation(ProblemCode.INVALID_TOKEN, "The access token is invalid or has expired.");
    }

    /** The session to end is unknown, ended or idle-expired. */
    public static UserRuleViolation sessionNotFound() {
        return new UserRuleViolation(ProblemCode.SESSION_NOT_FOUND, "There is no such live session.");
    }

    /**
     * The token predates a change of the user's roles or status: it is refused where permissions matter, so a
     * demoted admin loses admin power at once. A refreshed token carries the current version.
     */
    public static UserRuleViolation staleAuthorization() {
        return new UserRuleViolation(ProblemCode.INVALID_TOKEN, "The access token is out of date. Refresh it.");
    }

    public static UserRuleViolation notPermitted() {
        return new UserRuleViolation(ProblemCode.FORBIDDEN, "You do not have the permission this needs.");
    }

    public static UserRuleViolation unknownRole() {
        return new UserRuleViolation(ProblemCode.UNKNOWN_ROLE, "There is no such role.");
    }

    /** Someone else changed this user's roles first (concurrent edits, one wins, the other gets 409). */
    public static UserRuleViolation rolesChanged() {
        return new UserRuleViolation(
                ProblemCode.ROLES_CHANGED, "The user's roles changed meanwhile. Reload and try again.");
    }
}
