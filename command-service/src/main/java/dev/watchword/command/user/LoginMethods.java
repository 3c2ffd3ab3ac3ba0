package dev.watchword.command.user;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.appdirectory.LoginMethodDisabled;
import dev.watchword.events.user.LoginMethod;

/** Which ways of signing in the user's app allows; every decider that leads to one asks here first. */
final class LoginMethods {

    private LoginMethods() {}

    /** The user's app, if it allows {@code method} (403 {@code LOGIN_METHOD_DISABLED} otherwise). */
    static AppPolicy require(AppPolicies apps, UserState state, LoginMethod method) {
        AppPolicy appPolicy = apps.of(state.appId());
        if (!appPolicy.allows(method)) {
            throw new LoginMethodDisabled();
        }
        return appPolicy;
    }
}
