package dev.watchword.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.platform.PlatformEvent;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.UserEvent;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    @Test
    void typesWhenDerivedFromSealedInterfacesThenTheNamesListedBefore() {
        assertThat(EventCatalog.types())
                .extracting(Class::getSimpleName)
                .containsExactlyInAnyOrder(
                        "UserRegistered",
                        "RegistrationAttemptedForTakenEmail",
                        "EmailVerificationRequested",
                        "EmailVerified",
                        "LoginSucceeded",
                        "LoginFailed",
                        "SessionStarted",
                        "RefreshTokenRotated",
                        "SessionRevoked",
                        "PasswordResetRequested",
                        "PasswordChanged",
                        "EmailChangeRequested",
                        "EmailChanged",
                        "MagicLinkRequested",
                        "EmailOtpRequested",
                        "EmailOtpFailed",
                        "RefreshTokenReuseDetected",
                        "LoginLocked",
                        "RoleAssigned",
                        "RoleRevoked",
                        "UserDisabled",
                        "UserEnabled",
                        "UserErased",
                        "CurrentPasswordCheckFailed",
                        "RefreshTokenGraceUsed",
                        "PasswordRemoved",
                        "ClientAppRegistered",
                        "ApiKeyIssued",
                        "ApiKeyRetired",
                        "ApiKeyRevoked",
                        "AppSettingsChanged",
                        "RoleDefined",
                        "BootstrapAdminGranted",
                        "LinkBaseUrlChanged");
    }

    @Test
    void typesWhenListedThenEveryOneARecordOfAnEventInterface() {
        assertThat(EventCatalog.types()).allSatisfy(type -> {
            assertThat(type.isRecord()).as(type.getName()).isTrue();
            assertThat(UserEvent.class.isAssignableFrom(type)
                            || ClientAppEvent.class.isAssignableFrom(type)
                            || PlatformEvent.class.isAssignableFrom(type))
                    .as(type.getName())
                    .isTrue();
        });
    }

    @Test
    void typeNamedWhenPublishedNameThenTypeElseEmpty() {
        assertThat(EventCatalog.typeNamed("LoginFailed")).contains(LoginFailed.class);
        assertThat(EventCatalog.typeNamed("UserEvent")).isEmpty();
        assertThat(EventCatalog.typeNamed("AppSettings")).isEmpty();
    }

    @Test
    void nameOfWhenNotPublishedThenRefused() {
        assertThat(EventCatalog.nameOf(LoginFailed.class)).isEqualTo("LoginFailed");
        assertThatThrownBy(() -> EventCatalog.nameOf(String.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
