package dev.watchword.query.appscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.app.ApiKeyIssued;
import dev.watchword.events.app.ApiKeyRetired;
import dev.watchword.events.app.ApiKeyRevoked;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.app.RoleDefined;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import dev.watchword.query.TestApiKey;
import dev.watchword.query.TestIssuer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The tenant-isolation matrix: every admin read of query-service, for the data of app A and of app B,
 * asked by every kind of caller. The scope rule: the platform operator ({@code apps:write}) sees every app; an
 * app's admin and an app's API key see their own app only, and another app's data answers exactly as an unknown
 * id does (the same 404 problem) or is left out of a list; a revoked or expired key is refused (401).
 * <p>
 * Generated: a new admin endpoint is isolated once it is added to {@link #endpoints()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppIsolationIT extends IntegrationTestSupport {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);
    private static final String CUSTOM_ROLE = "support";

    /** A random far-future day, so no other test's activity lands on it. */
    private final LocalDate day = LocalDate.of(
            ThreadLocalRandom.current().nextInt(2200, 9000),
            ThreadLocalRandom.current().nextInt(1, 13),
            ThreadLocalRandom.current().nextInt(1, 28));

    private IsolatedApp appA;
    private IsolatedApp appB;

    /** What one app holds: a user with a login, a failed login and a custom role, and keys in every state. */
    private record IsolatedApp(
            String appId,
            String clientId,
            String userId,
            String marker,
            TestApiKey key,
            TestApiKey retiringKey,
            TestApiKey revokedKey,
            TestApiKey expiredKey) {}

    /** How a caller stands to the app whose data is asked for. */
    private enum Expect {
        SEES,
        HIDDEN,
        REFUSED
    }

    private record Caller(String name, Function<IsolatedApp, String> credential, Expect expect) {}

    /**
     * An admin read of the data of one app.
     *
     * @param sees   what a caller inside the scope gets
     * @param hidden what a caller outside it gets: the same as for an unknown id or an empty list
     */
    private record Endpoint(
            String name,
            Function<IsolatedApp, String> path,
            BiConsumer<IsolatedApp, HttpResponse<String>> sees,
            BiConsumer<IsolatedApp, HttpResponse<String>> hidden) {}

    @BeforeAll
    void twoApps() {
        appA = registerApp();
        appB = registerApp();
        // A sentinel after everything: once it is projected, so is all of the above (one partition, in order).
        String sentinel = randomId();
        publish(new UserRegistered(sentinel, randomEmail(), "hash", Instant.now()));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> jdbc.sql("select count(*) from admin_user_row where user_id = :u")
                                .param("u", sentinel)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @TestFactory
    Stream<DynamicContainer> everyAdminReadWhenAskedByEveryCallerThenOnlyItsOwnAppOrThePlatformSeesIt() {
        return Stream.of(appA, appB).map(owner -> {
            IsolatedApp other = owner == appA ? appB : appA;
            return DynamicContainer.dynamicContainer(
                    "data of app " + (owner == appA ? "A" : "B"),
                    endpoints().stream()
                            .map(endpoint -> DynamicContainer.dynamicContainer(
                                    endpoint.name(),
                                    callers(other).stream()
                                            .map(caller -> DynamicTest.dynamicTest(
                                                    caller.name() + " -> " + caller.expect(),
                                                    () -> check(endpoint, owner, caller))))));
        });
    }

    @Test
    void adminWhenTenantClaimNotAnAppIdThen401InvalidToken() {
        for (Object tenant : List.of(42, "", List.of(appA.appId()))) {
            String token = TestIssuer.get()
                    .accessToken(
                            randomId(),
                            randomId(),
                            UnaryOperator.identity(),
                            claims -> claims.claim("permissions", List.of("users:read", "apps:write"))
                                    .claim("authz_ver", 0L)
                                    .claim("tenant", tenant));

            HttpResponse<String> response = get("/api/admin/users/", token);

            assertThat(response.statusCode()).as(String.valueOf(tenant)).isEqualTo(401);
            assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
        }
    }

    private void check(Endpoint endpoint, IsolatedApp owner, Caller caller) {
        String path = endpoint.path().apply(owner);
        HttpResponse<String> response = get(path, caller.credential().apply(owner));
        switch (caller.expect()) {
            case SEES -> endpoint.sees().accept(owner, response);
            case HIDDEN -> endpoint.hidden().accept(owner, response);
            case REFUSED -> {
                assertThat(response.statusCode()).as(path).isEqualTo(401);
                assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
                assertThat(response.headers().firstValue("WWW-Authenticate"))
                        .hasValue("Bearer error=\"invalid_token\"");
            }
        }
    }

    /** Every caller, as it stands to the owner of the data ({@code other} is the second app). */
    private List<Caller> callers(IsolatedApp other) {
        return List.of(
                new Caller("admin of the app", owner -> appAdminToken(owner.appId()), Expect.SEES),
                new Caller("admin of the other app", owner -> appAdminToken(other.appId()), Expect.HIDDEN),
                new Caller("platform operator", owner -> platformOperatorToken(), Expect.SEES),
                new Caller("API key of the app", owner -> owner.key().key(), Expect.SEES),
                new Caller(
                        "rotated-out API key of the app within its grace period",
                        owner -> owner.retiringKey().key(),
                        Expect.SEES),
                new Caller("API key of the other app", owner -> other.key().key(), Expect.HIDDEN),
                new Caller(
                        "admin of the default app without apps:write",
                        owner -> appToken(
                                "default",
                                List.of("audit:read", "roles:write", "settings:write", "users:read", "users:write")),
                        Expect.HIDDEN),
                new Caller(
                        "token from before tenants, without apps:write",
                        owner -> adminToken(randomId(), 0),
                        Expect.HIDDEN),
                new Caller(
                        "revoked API key of the app",
                        owner -> owner.revokedKey().key(),
                        Expect.REFUSED),
                new Caller(
                        "expired API key of the app",
                        owner -> owner.expiredKey().key(),
                        Expect.REFUSED),
                new Caller("unknown API key", owner -> TestApiKey.generate().key(), Expect.REFUSED));
    }

    private List<Endpoint> endpoints() {
        String at = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        return List.of(
                new Endpoint(
                        "user detail",
                        t -> "/api/admin/users/" + t.userId() + "/",
                        (t, r) -> assertThat(ok(r).get("id").asText()).isEqualTo(t.userId()),
                        (t, r) -> assertSameAsUnknown(r, "/api/admin/users/" + randomId() + "/", "USER_NOT_FOUND")),
                new Endpoint(
                        "users search",
                        t -> "/api/admin/users/?q=" + t.marker(),
                        (t, r) -> assertThat(ids(ok(r))).containsExactly(t.userId()),
                        (t, r) -> assertEmptyPage(r)),
                new Endpoint(
                        "users of the app",
                        t -> "/api/admin/users/?size=100&app=" + t.appId(),
                        (t, r) -> assertThat(ids(ok(r))).containsExactly(t.userId()),
                        (t, r) -> assertEmptyPage(r)),
                new Endpoint(
                        "login history",
                        t -> "/api/admin/users/" + t.userId() + "/logins/",
                        (t, r) -> assertThat(ok(r).get("total").asLong()).isEqualTo(2),
                        (t, r) -> assertEmptyPage(r)),
                new Endpoint(
                        "user as of",
                        t -> "/api/admin/users/" + t.userId() + "/as-of/?at=" + at,
                        (t, r) -> assertThat(ok(r).get("exists").asBoolean()).isTrue(),
                        (t, r) -> assertSameAsUnknown(
                                r, "/api/admin/users/" + randomId() + "/as-of/?at=" + at, "USER_NOT_FOUND")),
                new Endpoint(
                        "role history",
                        t -> "/api/admin/users/" + t.userId() + "/roles/" + CUSTOM_ROLE + "/history/",
                        (t, r) -> assertThat(ok(r)).hasSize(1),
                        (t, r) -> assertSameAsUnknown(
                                r,
                                "/api/admin/users/" + randomId() + "/roles/" + CUSTOM_ROLE + "/history/",
                                "USER_NOT_FOUND")),
                new Endpoint(
                        "daily activity of the app",
                        t -> "/api/admin/activity/daily/?from=" + day + "&to=" + day + "&app=" + t.appId(),
                        (t, r) -> {
                            JsonNode figures = ok(r).get("items").get(0);
                            assertThat(figures.get("registrations").asLong()).isEqualTo(1);
                            assertThat(figures.get("logins").asLong()).isEqualTo(1);
                            assertThat(figures.get("failed_logins").asLong()).isEqualTo(1);
                            assertThat(figures.get("active_users").asLong()).isEqualTo(1);
                        },
                        (t, r) -> {
                            JsonNode figures = ok(r).get("items").get(0);
                            for (String counter :
                                    List.of("registrations", "logins", "failed_logins", "lockouts", "active_users")) {
                                assertThat(figures.get(counter).asLong())
                                        .as(counter)
                                        .isZero();
                            }
                        }),
                new Endpoint(
                        "monthly active users of the app",
                        t -> "/api/admin/activity/monthly/?month=" + YearMonth.from(day) + "&app=" + t.appId(),
                        (t, r) -> assertThat(ok(r).get("active_users").asLong()).isEqualTo(1),
                        (t, r) -> assertThat(ok(r).get("active_users").asLong()).isZero()),
                new Endpoint(
                        "audit trail of the user",
                        t -> "/api/admin/audit/?aggregate=" + t.userId(),
                        (t, r) -> assertThat(ok(r).get("items"))
                                .hasSize(4)
                                .allSatisfy(item ->
                                        assertThat(item.get("app_id").asText()).isEqualTo(t.appId())),
                        (t, r) -> assertThat(ok(r).get("items")).isEmpty()),
                new Endpoint(
                        "audit trail of the app",
                        t -> "/api/admin/audit/?limit=1000&app=" + t.appId(),
                        // the app's own 9 events and its user's 4
                        (t, r) -> assertThat(ok(r).get("items")).hasSize(13),
                        (t, r) -> assertThat(ok(r).get("items")).isEmpty()),
                new Endpoint(
                        "audit export of the user",
                        t -> "/api/admin/audit/export/?aggregate=" + t.userId(),
                        (t, r) -> assertThat(ok(r, r.body()).lines())
                                .hasSize(4)
                                .allSatisfy(line -> assertThat(line).contains(t.userId())),
                        (t, r) -> assertThat(ok(r, r.body())).isEmpty()),
                new Endpoint(
                        "apps list",
                        t -> "/api/admin/apps/?size=100",
                        (t, r) -> assertThat(allAppIds(r)).contains(t.appId()),
                        (t, r) -> assertThat(ids(ok(r))).doesNotContain(t.appId())),
                new Endpoint(
                        "app detail with its API keys",
                        t -> "/api/admin/apps/" + t.appId() + "/",
                        (t, r) -> assertThat(ok(r).get("api_keys"))
                                .extracting(key -> key.get("prefix").asText())
                                .contains(t.key().prefix(), t.revokedKey().prefix()),
                        (t, r) -> assertSameAsUnknown(r, "/api/admin/apps/" + randomId() + "/", "APP_NOT_FOUND")),
                new Endpoint(
                        "app roles",
                        t -> "/api/admin/apps/" + t.appId() + "/roles/",
                        (t, r) -> assertThat(ok(r))
                                .extracting(role -> role.get("role").asText())
                                .containsExactly("user", "admin", CUSTOM_ROLE),
                        (t, r) ->
                                assertSameAsUnknown(r, "/api/admin/apps/" + randomId() + "/roles/", "APP_NOT_FOUND")));
    }

    private IsolatedApp registerApp() {
        String appId = randomId();
        String userId = randomId();
        String marker = randomId();
        IsolatedApp tenant = new IsolatedApp(
                appId,
                "client-" + appId,
                userId,
                marker,
                TestApiKey.generate(),
                TestApiKey.generate(),
                TestApiKey.generate(),
                TestApiKey.generate());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // the app's 9 events
        publish(new ClientAppRegistered(appId, "App " + appId, tenant.clientId(), "operator-1", now));
        for (TestApiKey key : List.of(tenant.key(), tenant.retiringKey(), tenant.revokedKey(), tenant.expiredKey())) {
            publish(new ApiKeyIssued(appId, key.keyId(), key.prefix(), key.hash(), "operator-1", now));
        }
        publish(new ApiKeyRetired(
                appId, tenant.retiringKey().keyId(), "operator-1", now, now.plus(1, ChronoUnit.HOURS)));
        publish(new ApiKeyRevoked(appId, tenant.revokedKey().keyId(), "operator-1", now));
        publish(new ApiKeyRetired(
                appId,
                tenant.expiredKey().keyId(),
                "operator-1",
                now.minus(2, ChronoUnit.HOURS),
                now.minus(1, ChronoUnit.HOURS)));
        publish(new RoleDefined(appId, CUSTOM_ROLE, List.of("users:read"), "admin-" + appId, now));
        // the user's 4 events, on the day
        Instant on = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(1, ChronoUnit.HOURS);
        publish(new UserRegistered(userId, "it-" + marker + "@example.com", "hash", on, appId));
        publish(new LoginSucceeded(
                userId, randomId(), "192.0.2.1", "Firefox", on.plusSeconds(60), LoginMethod.PASSWORD));
        publish(new LoginFailed(
                userId, LoginFailureReason.EMAIL_NOT_VERIFIED, "192.0.2.1", "Firefox", on.plusSeconds(120)));
        publish(new RoleAssigned(userId, CUSTOM_ROLE, "admin-" + appId, on.plusSeconds(180)));
        return tenant;
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        return body(response);
    }

    private static String ok(HttpResponse<String> response, String body) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        return body;
    }

    private void assertEmptyPage(HttpResponse<String> response) {
        JsonNode page = ok(response);
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("total").asLong()).isZero();
    }

    /** The same problem as for an id that does not exist, asked by the same caller; {@code instance} aside. */
    private void assertSameAsUnknown(HttpResponse<String> response, String unknownPath, String code) {
        HttpResponse<String> unknown = get(unknownPath, bearerOf(response));
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode hidden = body(response);
        JsonNode absent = body(unknown);
        assertThat(hidden.get("code").asText()).isEqualTo(code);
        for (String member : List.of("type", "title", "status", "detail", "code")) {
            assertThat(hidden.get(member)).as(member).isEqualTo(absent.get(member));
        }
        List<String> members = new ArrayList<>();
        hidden.fieldNames().forEachRemaining(members::add);
        assertThat(absent.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(members);
    }

    private static String bearerOf(HttpResponse<String> response) {
        return response.request()
                .headers()
                .firstValue("Authorization")
                .orElseThrow()
                .substring("Bearer ".length());
    }

    /** Every app id the caller can list, page after page. */
    private List<String> allAppIds(HttpResponse<String> first) {
        String credential = bearerOf(first);
        List<String> ids = new ArrayList<>(ids(ok(first)));
        long total = body(first).get("total").asLong();
        for (int page = 2; ids.size() < total; page++) {
            List<String> more = ids(ok(get("/api/admin/apps/?size=100&page=" + page, credential)));
            if (more.isEmpty()) {
                break;
            }
            ids.addAll(more);
        }
        return ids;
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("id").asText())
                .toList();
    }
}
