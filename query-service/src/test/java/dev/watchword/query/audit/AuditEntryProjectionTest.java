package dev.watchword.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchword.events.app.ApiKeyIssued;
import dev.watchword.events.app.ApiKeyRetired;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.app.RoleDefined;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.PasswordResetRequested;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserRegistered;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditEntryProjectionTest {

    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");
    /** Every user is in app-u but u-default, who is in the default app. */
    private static final UnaryOperator<String> APP_OF_USER = userId -> userId.equals("u-default") ? "default" : "app-u";

    @Test
    void entryOfWhenEventNamesWhoActedThenThatIsTheActor() {
        assertThat(entryOf(new RoleRevoked("u1", "admin", "admin-1", AT)).actor())
                .isEqualTo("admin-1");
        assertThat(entryOf(new UserDisabled("u1", "admin-2", AT)).actor()).isEqualTo("admin-2");
        assertThat(entryOf(new UserEnabled("u1", "admin-3", AT)).actor()).isEqualTo("admin-3");
        assertThat(entryOf(new PasswordResetRequested("u1", "a@example.com", "h", "s", null, AT, AT, "admin-4"))
                        .actor())
                .isEqualTo("admin-4");
        assertThat(entryOf(new ApiKeyIssued("app-1", "k1", "p", "h", "operator-1", AT))
                        .actor())
                .isEqualTo("operator-1");
        assertThat(entryOf(new ApiKeyRetired("app-1", "k1", "operator-2", AT, AT))
                        .actor())
                .isEqualTo("operator-2");
    }

    @Test
    void entryOfWhenUserErasedByAnAdminThenTheAdminIsTheActor() {
        AuditEntry entry = entryOf(new UserErased("u1", "admin-7", AT));

        assertThat(entry.actor()).isEqualTo("admin-7");
        assertThat(entry.appId()).isEqualTo("app-u");
        assertThat(entryOf(new UserErased("u2", "apikey:k9", AT)).actor()).isEqualTo("apikey:k9");
    }

    @Test
    void entryOfWhenUserEventNamesNobodyThenTheUserActed() {
        AuditEntry entry = entryOf(new PasswordResetRequested("u1", "a@example.com", "h", "s", "203.0.113.5", AT, AT));

        assertThat(entry.actor()).isEqualTo("u1");
        assertThat(entry.ipAddress()).isEqualTo("203.0.113.5");
        assertThat(entry.appId()).isEqualTo("app-u");
        assertThat(entryOf(new EmailVerified("u2", "a@example.com", AT)).actor())
                .isEqualTo("u2");
        assertThat(entryOf(new LoginLocked("u3", "a@example.com", "198.51.100.1", 5, AT, AT))
                        .ipAddress())
                .isEqualTo("198.51.100.1");
    }

    @Test
    void entryOfWhenClientAppEventThenItsAppAndNoIp() {
        AuditEntry entry = entryOf(new ClientAppRegistered("app-1", "Shop", "client-1", "operator-1", AT));

        assertThat(entry.appId()).isEqualTo("app-1");
        assertThat(entry.actor()).isEqualTo("operator-1");
        assertThat(entry.ipAddress()).isNull();
    }

    @Test
    void entryOfWhenUserEventThenTheUsersApp() {
        assertThat(entryOf(new UserRegistered("u1", "a@example.com", "h", AT, "app-r"))
                        .appId())
                .isEqualTo("app-r");
        assertThat(entryOf(new UserRegistered("u1", "a@example.com", "h", AT)).appId())
                .isEqualTo("default");
        assertThat(entryOf(new EmailVerified("u1", "a@example.com", AT)).appId())
                .isEqualTo("app-u");
        assertThat(entryOf(new EmailVerified("u-default", "a@example.com", AT)).appId())
                .isEqualTo("default");
    }

    @Test
    void entryOfWhenRoleDefinedThenItsAppAndDefiner() {
        AuditEntry entry = entryOf(new RoleDefined("app-2", "support", List.of("users:read"), "admin-9", AT));

        assertThat(entry.appId()).isEqualTo("app-2");
        assertThat(entry.actor()).isEqualTo("admin-9");
    }

    @Test
    void entryOfWhenTypeUnknownThenSystemUnlessThePayloadNamesSomeone() {
        ObjectNode payload =
                EventCatalog.json().createObjectNode().put("userId", "u1").put("ipAddress", "192.0.2.1");
        EventEnvelope unknown = new EventEnvelope("e1", "SomethingNew", null, "u1", 4, 42, null, payload);

        AuditEntry entry = AuditEntryProjection.entryOf(unknown, null, AT, APP_OF_USER);

        assertThat(entry.actor()).isEqualTo("system");
        assertThat(entry.appId()).isEqualTo("default");
        assertThat(entry.ipAddress()).isEqualTo("192.0.2.1");
        assertThat(entry.occurredAt()).isEqualTo(AT);
        assertThat(entry.position()).isEqualTo(42);
        assertThat(entry.sequence()).isEqualTo(4);
        assertThat(entry.payload()).isSameAs(payload);
        assertThat(AuditEntryProjection.entryOf(
                                new EventEnvelope(
                                        "e2",
                                        "SomethingNew",
                                        null,
                                        "u1",
                                        0,
                                        43,
                                        AT,
                                        payload.deepCopy().put("changedBy", "admin-5")),
                                null,
                                AT,
                                APP_OF_USER)
                        .actor())
                .isEqualTo("admin-5");
    }

    private static AuditEntry entryOf(Object event) {
        EventEnvelope envelope = EventCatalog.wrap("e1", event, "aggregate", 1, 7, AT);
        return AuditEntryProjection.entryOf(
                envelope, EventCatalog.payloadOf(envelope).orElseThrow(), AT, APP_OF_USER);
    }
}
