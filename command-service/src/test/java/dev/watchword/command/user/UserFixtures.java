package dev.watchword.command.user;

import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.user.LoginMethod;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** What the user aggregate's tests share: the app and the account policy of their users, and broken rules. */
final class UserFixtures {

    static final Duration ACCESS_LIFETIME = Duration.ofMinutes(5);
    static final Duration REFRESH_LIFETIME = Duration.ofDays(1);
    static final Duration GRACE = Duration.ofSeconds(5);
    /** The app of the users in these tests: every login method, no verified email needed. */
    static final AppPolicy APP = new AppPolicy(
            DefaultApp.APP_ID,
            DefaultApp.CLIENT_ID,
            EnumSet.allOf(LoginMethod.class),
            false,
            ACCESS_LIFETIME,
            REFRESH_LIFETIME,
            8,
            List.of(),
            Map.of());
    /** Lockout after 3 wrong passwords from one address, hard lockout after 7 from anywhere. */
    static final AccountPolicy POLICY = new AccountPolicy(
            ACCESS_LIFETIME,
            REFRESH_LIFETIME,
            GRACE,
            Duration.ofHours(12),
            3,
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            7);

    private UserFixtures() {}

    /** The broken rule {@code code}, for {@code expectException}. */
    static Matcher<RuleViolation> violation(ProblemCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.is(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation with code ").appendValue(code);
            }
        };
    }

    /**
     * The very rule {@code expected} is: its code and its detail. For a code that more than one rule answers with
     * ({@code INVALID_TOKEN}: the caller's session ended, or the token predates a change of roles), where the code
     * alone would not tell the two apart.
     */
    static Matcher<RuleViolation> violation(RuleViolation expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.is(expected.code()) && expected.getMessage().equals(violation.getMessage());
            }

            @Override
            public void describeTo(Description description) {
                description
                        .appendText("a RuleViolation with code ")
                        .appendValue(expected.code())
                        .appendText(" and detail ")
                        .appendValue(expected.getMessage());
            }
        };
    }
}
