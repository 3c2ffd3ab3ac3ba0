package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

public class SameEmail extends RuleViolation {

    public SameEmail() {
        super(ProblemCode.SAME_EMAIL, "That is already the account's address.");
    }
}
