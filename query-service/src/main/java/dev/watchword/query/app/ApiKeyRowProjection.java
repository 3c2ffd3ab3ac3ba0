package dev.watchword.query.app;

import dev.watchword.events.app.ApiKeyIssued;
import dev.watchword.events.app.ApiKeyRetired;
import dev.watchword.events.app.ApiKeyRevoked;
import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.query.eventstream.ClientAppProjection;
import dev.watchword.query.eventstream.ReadModel;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@link ApiKeyRow} from the key events. {@code ApiKeyIssued.keyHash} is stored too, for this service
 * authenticates an app's backend by its key (admin API, token introspection); {@link ApiKeyRow} does not carry it,
 * so no response can.
 */
@Component
@ReadModel(tables = "api_key_row")
class ApiKeyRowProjection implements ClientAppProjection {

    private final JdbcClient jdbc;

    ApiKeyRowProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope, ClientAppEvent event) {
        switch (event) {
            case ApiKeyIssued issued -> on(issued);
            case ApiKeyRetired retired -> on(retired);
            case ApiKeyRevoked revoked -> on(revoked);
            default -> {}
        }
    }

    private void on(ApiKeyIssued event) {
        jdbc.sql("""
                        insert into api_key_row (app_id, key_id, prefix, key_hash, issued_by, issued_at)
                        values (:appId, :keyId, :prefix, :keyHash, :issuedBy, :issuedAt)
                        on conflict (app_id, key_id) do nothing""")
                .param("appId", event.appId())
                .param("keyId", event.keyId())
                .param("prefix", event.prefix())
                .param("keyHash", event.keyHash())
                .param("issuedBy", event.issuedBy())
                .param("issuedAt", Timestamp.from(event.issuedAt()))
                .update();
    }

    /** A revoked key stays revoked: retiring it later would not make it work again. */
    private void on(ApiKeyRetired event) {
        jdbc.sql("""
                        update api_key_row set status = 'retiring', valid_until = :validUntil,
                            retired_by = :retiredBy, retired_at = :retiredAt
                        where app_id = :appId and key_id = :keyId and status <> 'revoked'""")
                .param("appId", event.appId())
                .param("keyId", event.keyId())
                .param("validUntil", event.validUntil() == null ? null : Timestamp.from(event.validUntil()))
                .param("retiredBy", event.retiredBy())
                .param("retiredAt", Timestamp.from(event.retiredAt()))
                .update();
    }

    private void on(ApiKeyRevoked event) {
        jdbc.sql("""
                        update api_key_row set status = 'revoked', revoked_by = :revokedBy, revoked_at = :revokedAt
                        where app_id = :appId and key_id = :keyId""")
                .param("appId", event.appId())
                .param("keyId", event.keyId())
                .param("revokedBy", event.revokedBy())
                .param("revokedAt", Timestamp.from(event.revokedAt()))
                .update();
    }
}
