package dev.watchword.command.problem;

public class InvalidEmailAddress extends RuleViolation {

    public InvalidEmailAddress() {
        super(ProblemCode.INVALID_EMAIL, "The email address is not valid.");
    }
}
