package dev.watchword.command.app;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;
import dev.watchword.events.access.BuiltInRole;
import dev.watchword.events.access.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * An app name or setting that {@link AppSettingsPolicy} refuses; the {@code code} says which rule it broke.
 * Nothing is recorded.
 */
public class AppSettingRejected extends RuleViolation {

    private AppSettingRejected(ProblemCode code, String detail) {
        super(code, detail);
    }

    static AppSettingRejected appName() {
        return new AppSettingRejected(
                ProblemCode.APP_NAME_INVALID, "The app name must have 1 to 100 characters and no control characters.");
    }

    /** Names the built-in roles and the permissions a custom role may carry as {@code events} declares them. */
    static AppSettingRejected role() {
        return new AppSettingRejected(
                ProblemCode.ROLE_INVALID,
                "A custom role needs a new name (not "
                        + listed(Arrays.stream(BuiltInRole.values()).map(BuiltInRole::roleName), "or")
                        + ") and permissions among "
                        + listed(Permission.withinOneApp().stream().map(Permission::value), "and") + ".");
    }

    static AppSettingRejected loginMethods() {
        return new AppSettingRejected(
                ProblemCode.LOGIN_METHODS_INVALID,
                "Login methods must be one or more of password, magic_link and email_otp.");
    }

    static AppSettingRejected accessTokenMinutes() {
        return new AppSettingRejected(
                ProblemCode.ACCESS_TOKEN_MINUTES_OUT_OF_RANGE, "The access token lifetime must be 1 to 60 minutes.");
    }

    static AppSettingRejected refreshTokenDays() {
        return new AppSettingRejected(
                ProblemCode.REFRESH_TOKEN_DAYS_OUT_OF_RANGE, "The refresh token lifetime must be 1 to 90 days.");
    }

    static AppSettingRejected passwordMinLength() {
        return new AppSettingRejected(
                ProblemCode.PASSWORD_MIN_LENGTH_OUT_OF_RANGE, "The minimum password length must be 8 to 64.");
    }

    static AppSettingRejected corsOrigin() {
        return new AppSettingRejected(
                ProblemCode.CORS_ORIGIN_INVALID,
                "Each CORS origin must be exactly scheme://host[:port] (http or https, no path, no default port), "
                        + "at most " + AppSettingsPolicy.MAX_CORS_ORIGINS + " of them.");
    }

    static AppSettingRejected linkBaseUrl() {
        return new AppSettingRejected(
                ProblemCode.LINK_BASE_URL_INVALID,
                "The link base URL must be an origin, exactly https://host[:port] in lower case without default port, "
                        + "path, query or fragment (http only for localhost).");
    }

    static AppSettingRejected senderName() {
        return new AppSettingRejected(
                ProblemCode.SENDER_NAME_INVALID,
                "The sender name must have 1 to 100 characters and no line breaks or other control characters.");
    }

    /** {@code a, b and c}. */
    private static String listed(Stream<String> words, String conjunction) {
        List<String> all = words.toList();
        return all.size() < 2
                ? String.join("", all)
                : String.join(", ", all.subList(0, all.size() - 1)) + " " + conjunction + " " + all.getLast();
    }
}
