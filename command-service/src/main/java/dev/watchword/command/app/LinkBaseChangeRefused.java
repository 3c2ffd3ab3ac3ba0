package dev.watchword.command.app;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** A {@code link_base_url} change by an actor whose proof is too weak (see {@link LinkBaseChange}); nothing recorded. */
public class LinkBaseChangeRefused extends RuleViolation {

    private LinkBaseChangeRefused(ProblemCode code, String detail) {
        super(code, detail);
    }

    static LinkBaseChangeRefused of(LinkBaseChange change) {
        return change == LinkBaseChange.NEEDS_FRESH_LOGIN
                ? new LinkBaseChangeRefused(
                        ProblemCode.FRESH_LOGIN_REQUIRED,
                        "Changing the link base URL needs a sign-in of the last few minutes: sign in again, then retry.")
                : new LinkBaseChangeRefused(
                        ProblemCode.LINK_BASE_URL_CHANGE_NOT_PERMITTED,
                        "Only an admin of the app (signed in moments ago) or the platform operator may change the link "
                                + "base URL; an API key never may.");
    }
}
