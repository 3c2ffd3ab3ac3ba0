package dev.watchword.command.appdirectory;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

public class LoginMethodDisabled extends RuleViolation {

    public LoginMethodDisabled() {
        super(ProblemCode.LOGIN_METHOD_DISABLED, "This way of signing in is switched off.");
    }
}
