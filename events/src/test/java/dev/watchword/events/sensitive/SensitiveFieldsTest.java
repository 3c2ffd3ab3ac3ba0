package dev.watchword.events.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.WithheldFields;
import dev.watchword.events.user.UserEvent;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

/**
 * The names derived from the markers are the lists the services kept by hand before, and the markers sit wherever
 * a field of that name is: the services treat a payload's field by its name, not by its record.
 */
class SensitiveFieldsTest {

    @Test
    void personalInWhenUserEventsThenTheFieldsListedBefore() {
        assertThat(SensitiveFields.personalIn(UserEvent.class))
                .containsExactlyInAnyOrder(
                        "email", "newEmail", "previousEmail", "ipAddress", "userAgent", "passwordHash");
        assertThat(UserEvent.PERSONAL_FIELDS).isEqualTo(SensitiveFields.personalIn(UserEvent.class));
    }

    @Test
    void withheldWhenDerivedThenTheHashesListedBefore() {
        assertThat(SensitiveFields.withheld())
                .containsExactlyInAnyOrder(
                        "passwordHash", "tokenHash", "codeHash", "refreshTokenHash", "previousTokenHash");
        assertThat(WithheldFields.NAMES).isEqualTo(SensitiveFields.withheld());
    }

    @Test
    void secretsWhenDerivedThenWithheldHashesAndPublishedSecrets() {
        assertThat(SensitiveFields.secrets())
                .containsExactlyInAnyOrder(
                        "passwordHash",
                        "tokenHash",
                        "encryptedToken",
                        "codeHash",
                        "encryptedCode",
                        "keyHash",
                        "refreshTokenHash",
                        "previousTokenHash");
    }

    @Test
    void personalWhenUserEventHasFieldOfAPersonalNameThenMarked() {
        EventCatalog.types().stream()
                .filter(UserEvent.class::isAssignableFrom)
                .flatMap(SensitiveFields::componentsOf)
                .filter(component -> UserEvent.PERSONAL_FIELDS.contains(component.getName()))
                .forEach(component -> assertThat(component.isAnnotationPresent(Personal.class))
                        .as(describe(component))
                        .isTrue());
    }

    @Test
    void personalWhenMarkedThenOnAUserEventOnly() {
        EventCatalog.types().stream()
                .filter(type -> !UserEvent.class.isAssignableFrom(type))
                .flatMap(SensitiveFields::componentsOf)
                .forEach(component -> assertThat(component.isAnnotationPresent(Personal.class))
                        .as("erasure is per user, so %s is never erased", describe(component))
                        .isFalse());
    }

    @Test
    void secretWhenEventHasFieldOfASecretNameThenMarkedAlike() {
        EventCatalog.types().stream()
                .flatMap(SensitiveFields::componentsOf)
                .filter(component -> SensitiveFields.secrets().contains(component.getName()))
                .forEach(component -> {
                    Secret secret = component.getAnnotation(Secret.class);
                    assertThat(secret).as(describe(component)).isNotNull();
                    assertThat(secret.published())
                            .as(describe(component))
                            .isEqualTo(!SensitiveFields.withheld().contains(component.getName()));
                });
    }

    private static String describe(RecordComponent component) {
        return component.getDeclaringRecord().getSimpleName() + "." + component.getName();
    }
}
