package dev.watchword.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The replay API's rules through the real filter chain: who may call it, what it refuses, with which code. */
class ReplayRequestsIT extends IntegrationTestSupport {

    private static final String REPLAYS = "/api/admin/replays";

    private String operator;

    @BeforeEach
    void operatorToken() {
        operator = accessToken(randomId(), randomId(), List.of("apps:write"), 0L);
    }

    @AfterEach
    void noReplayLeftRunning() {
        jdbc.sql("select replay_id from replay where status in ('building', 'caught_up')")
                .query(String.class)
                .list()
                .forEach(id -> send(REPLAYS + "/" + id + "/", HttpRequest.Builder::DELETE, operator));
    }

    @Test
    void startWhenProjectionRunningThenConflict() {
        // given
        String id = body(post(REPLAYS, "{\"projection\": \"login_activity\"}"))
                .get("id")
                .asText();

        // when
        HttpResponse<String> second = post(REPLAYS, "{\"projection\": \"login_activity\"}");

        // then
        assertProblem(second, 409, "REPLAY_ALREADY_RUNNING");
        assertThat(send(REPLAYS + "/" + id, HttpRequest.Builder::DELETE, operator)
                        .statusCode())
                .isEqualTo(200);
        assertProblem(send(REPLAYS + "/" + id, HttpRequest.Builder::DELETE, operator), 409, "REPLAY_FINISHED");
    }

    @Test
    void startWhenNotReplayableOrUnknownThenRefused() {
        assertProblem(post(REPLAYS, "{\"projection\": \"audit_entry\"}"), 409, "PROJECTION_NOT_REPLAYABLE");
        assertProblem(post(REPLAYS, "{\"projection\": \"revoked_session\"}"), 409, "PROJECTION_NOT_REPLAYABLE");
        assertProblem(post(REPLAYS, "{\"projection\": \"no_such_model\"}"), 404, "PROJECTION_NOT_FOUND");
        assertProblem(post(REPLAYS, "{}"), 400, "MALFORMED_REQUEST");
        assertProblem(get(REPLAYS + "/" + randomId(), operator), 404, "REPLAY_NOT_FOUND");
    }

    @Test
    void replaysWhenNotPlatformOperatorThenForbidden() {
        String auditor = accessToken(randomId(), randomId(), List.of("audit:read", "users:write"), 0L);

        assertProblem(get(REPLAYS + "/projections", auditor), 403, "FORBIDDEN");
        assertProblem(
                send(
                        REPLAYS,
                        builder -> builder.POST(
                                        HttpRequest.BodyPublishers.ofString("{\"projection\": \"admin_user_row\"}"))
                                .header("Content-Type", "application/json"),
                        auditor),
                403,
                "FORBIDDEN");
        assertProblem(get(REPLAYS, null), 401, "INVALID_TOKEN");
    }

    @Test
    void projectionsWhenListedThenEachWithWhetherReplayable() {
        JsonNode projections = body(get(REPLAYS + "/projections/", operator));

        assertThat(projections)
                .extracting(item -> item.get("name").asText())
                .contains(
                        "admin_user_row",
                        "daily_activity",
                        "user_profile",
                        "user_session",
                        "login_activity",
                        "client_app_row",
                        "api_key_row",
                        "audit_entry",
                        "revoked_session",
                        "authorization_version");
        JsonNode daily = find(projections, "daily_activity");
        assertThat(daily.get("replayable").asBoolean()).isTrue();
        assertThat(daily.get("tables"))
                .extracting(JsonNode::asText)
                .containsExactly("daily_activity", "daily_active_user", "user_app");
        JsonNode audit = find(projections, "audit_entry");
        assertThat(audit.get("replayable").asBoolean()).isFalse();
        assertThat(audit.get("reason").asText()).contains("source");
    }

    @Test
    void switchWhenNotCaughtUpThenConflict() {
        // given: a replay another instance is building (fresh heartbeat)
        String id = insertForeignReplay("building", Instant.now());

        // when
        HttpResponse<String> early = post(REPLAYS + "/" + id + "/switch", "");

        // then
        assertProblem(early, 409, "REPLAY_NOT_CAUGHT_UP");
        HttpResponse<String> abandon = send(REPLAYS + "/" + id, HttpRequest.Builder::DELETE, operator);
        assertThat(abandon.statusCode()).isEqualTo(202);
        assertThat(body(abandon).get("requested").asText()).isEqualTo("abandon");
        jdbc.sql("update replay set status = 'abandoned' where replay_id = :id")
                .param("id", id)
                .update();
    }

    @Test
    void abandonWhenInstanceGoneThenAbandonedHere() {
        // given: a replay whose instance stopped a minute ago
        String id = insertForeignReplay("caught_up", Instant.now().minusSeconds(60));
        assertThat(body(get(REPLAYS + "/" + id, operator)).get("stale").asBoolean())
                .isTrue();
        assertProblem(post(REPLAYS + "/" + id + "/switch", ""), 409, "REPLAY_NOT_CAUGHT_UP");

        // when
        HttpResponse<String> abandon = send(REPLAYS + "/" + id, HttpRequest.Builder::DELETE, operator);

        // then
        assertThat(abandon.statusCode()).isEqualTo(200);
        assertThat(body(abandon).get("status").asText()).isEqualTo("abandoned");
        assertThat(body(get(REPLAYS, operator)))
                .extracting(item -> item.get("id").asText())
                .contains(id);
    }

    private String insertForeignReplay(String status, Instant heartbeat) {
        String id = randomId();
        jdbc.sql("""
                        insert into replay (replay_id, projection, status, shadow_schema, target_position,
                                            head_position, started_by, started_at, heartbeat_at)
                        values (:id, :projection, :status, :shadow, 100, 200, 'operator', :at, :at)""")
                .param("id", id)
                .param("projection", "it_" + randomId())
                .param("status", status)
                .param("shadow", "replay_" + id.replace("-", "").substring(0, 12))
                .param("at", Timestamp.from(heartbeat))
                .update();
        return id;
    }

    private static JsonNode find(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.get("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("Not listed: " + name);
    }

    private HttpResponse<String> post(String path, String json) {
        return send(
                path,
                builder -> builder.POST(HttpRequest.BodyPublishers.ofString(json))
                        .header("Content-Type", "application/json"),
                operator);
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body(response).get("code").asText()).isEqualTo(code);
        assertThat(body(response).get("status").asInt()).isEqualTo(status);
    }
}
