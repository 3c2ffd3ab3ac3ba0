package dev.watchword.command.app;

import dev.watchword.command.apikey.StoredApiKey;
import dev.watchword.command.problem.RuleViolation;
import dev.watchword.events.app.ApiKeyIssued;
import dev.watchword.events.app.ApiKeyRetired;
import dev.watchword.events.app.ApiKeyRevoked;
import dev.watchword.events.app.AppSettings;
import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.app.LinkBaseUrlChanged;
import dev.watchword.events.user.UserRegistered;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The client app aggregate: registration, API keys and settings, one nested class per command. */
class ClientAppTest {

    private static final String APP = "5b0e8f3a-7f55-4c1e-9d2b-2f6f0c1d9a11";
    private static final String ADMIN = "admin-1";
    private static final String PUBLIC_URL = "https://auth.example.com";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration GRACE = Duration.ofHours(24);
    private static final StoredApiKey FIRST = new StoredApiKey("AbCd1234", "wwk_AbCd1234", "hash-1");
    private static final StoredApiKey SECOND = new StoredApiKey("EfGh5678", "wwk_EfGh5678", "hash-2");
    private static final AppSettings DEFAULTS = new AppSettings(
            List.of("password", "magic_link", "email_otp"), false, 5, 1, 8, List.of(), PUBLIC_URL, "Shop");

    private FixtureConfiguration<ClientApp> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClientApp.class);
    }

    private static ClientAppRegistered registered() {
        return new ClientAppRegistered(APP, "Shop", "app_0123456789abcdefghij", ADMIN, T0);
    }

    private static ApiKeyIssued issued(StoredApiKey key, Instant at) {
        return new ApiKeyIssued(APP, key.keyId(), key.prefix(), key.keyHash(), ADMIN, at);
    }

    private static Object[] anApp() {
        return new Object[] {registered(), new AppSettingsChanged(APP, DEFAULTS, ADMIN, T0), issued(FIRST, T0)};
    }

    private static AppSettings defaultsWithLoginMethods(List<String> methods) {
        AppSettings d = DEFAULTS;
        return new AppSettings(
                methods,
                d.requireVerifiedEmail(),
                d.accessTokenMinutes(),
                d.refreshTokenDays(),
                d.passwordMinLength(),
                d.corsOrigins(),
                d.linkBaseUrl(),
                d.senderName());
    }

    private static AppSettings defaultsWithAccessTokenMinutes(int minutes) {
        AppSettings d = DEFAULTS;
        return new AppSettings(
                d.loginMethods(),
                d.requireVerifiedEmail(),
                minutes,
                d.refreshTokenDays(),
                d.passwordMinLength(),
                d.corsOrigins(),
                d.linkBaseUrl(),
                d.senderName());
    }

    private static AppSettings defaultsWithRefreshTokenDays(int days) {
        AppSettings d = DEFAULTS;
        return new AppSettings(
                d.loginMethods(),
                d.requireVerifiedEmail(),
                d.accessTokenMinutes(),
                days,
                d.passwordMinLength(),
                d.corsOrigins(),
                d.linkBaseUrl(),
                d.senderName());
    }

    private static AppSettings defaultsWithPasswordMinLength(int length) {
        AppSettings d = DEFAULTS;
        return new AppSettings(
                d.loginMethods(),
                d.requireVerifiedEmail(),
                d.accessTokenMinutes(),
                d.refreshTokenDays(),
                length,
                d.corsOrigins(),
                d.linkBaseUrl(),
                d.senderName());
    }

    private static AppSettings defaultsWithCorsOrigins(List<String> origins) {
        AppSettings d = DEFAULTS;
        return new AppSettings(
                d.loginMethods(),
                d.requireVerifiedEmail(),
                d.accessTokenMinutes(),
                d.refreshTokenDays(),
                d.passwordMinLength(),
                origins,
                d.linkBaseUrl(),
                d.senderName());
    }

    private static AppSettings defaultsWithLinkBaseUrl(String url) {
        AppSettings d = DEFAULTS;
        return new AppSettings(
                d.loginMethods(),
                d.requireVerifiedEmail(),
                d.accessTokenMinutes(),
                d.refreshTokenDays(),
                d.passwordMinLength(),
                d.corsOrigins(),
                url,
                d.senderName());
    }

    private static AppSettings defaultsWithSenderName(String senderName) {
        AppSettings d = DEFAULTS;
        return new AppSettings(
                d.loginMethods(),
                d.requireVerifiedEmail(),
                d.accessTokenMinutes(),
                d.refreshTokenDays(),
                d.passwordMinLength(),
                d.corsOrigins(),
                d.linkBaseUrl(),
                senderName);
    }

    static Matcher<RuleViolation> code(String code) {
        return new CustomTypeSafeMatcher<>("a rule violation with code " + code) {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return code.equals(violation.code().name());
            }
        };
    }

    @Nested
    class RegisterClientAppCommand {

        @Test
        void registerWhenNameValidThenRegisteredWithDefaultSettingsAndFirstKey() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterClientApp(APP, "Shop", "app_0123456789abcdefghij", FIRST, PUBLIC_URL, ADMIN, T0))
                    .expectEvents(anApp());
        }

        @Test
        void registerWhenNameHasLineBreakThenRejected() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterClientApp(
                            APP,
                            "Shop\r\nBcc: x@example.com",
                            "app_0123456789abcdefghij",
                            FIRST,
                            PUBLIC_URL,
                            ADMIN,
                            T0))
                    .expectNoEvents()
                    .expectException(code("APP_NAME_INVALID"));
        }
    }

    @Nested
    class IssueApiKeyCommand {

        @Test
        void issueWhenAppRegisteredThenSecondKeyIssued() {
            fixture.given(anApp())
                    .when(new IssueApiKey(APP, SECOND, ADMIN, T0.plusSeconds(60)))
                    .expectEvents(issued(SECOND, T0.plusSeconds(60)));
        }

        @Test
        void issueWhenStreamIsAUsersThenRefusedAndNothingAppended() {
            fixture.given(new UserRegistered(APP, "ada@example.com", "hash", T0))
                    .when(new IssueApiKey(APP, SECOND, ADMIN, T0))
                    .expectNoEvents()
                    .expectException(IncompatibleAggregateException.class);
        }
    }

    @Nested
    class RotateApiKeyCommand {

        @Test
        void rotateWhenKeyActiveThenNewKeyIssuedAndOldRetiredWithGrace() {
            Instant at = T0.plusSeconds(60);
            fixture.given(anApp())
                    .when(new RotateApiKey(APP, FIRST.keyId(), SECOND, GRACE, ADMIN, at))
                    .expectEvents(issued(SECOND, at), new ApiKeyRetired(APP, FIRST.keyId(), ADMIN, at, at.plus(GRACE)))
                    .expectResultMessagePayload(at.plus(GRACE));
        }

        @Test
        void rotateWhenKeyAlreadyRetiredThenConflict() {
            fixture.given(anApp())
                    .andGiven(issued(SECOND, T0), new ApiKeyRetired(APP, FIRST.keyId(), ADMIN, T0, T0.plus(GRACE)))
                    .when(new RotateApiKey(
                            APP,
                            FIRST.keyId(),
                            new StoredApiKey("IjKl9012", "wwk_IjKl9012", "hash-3"),
                            GRACE,
                            ADMIN,
                            T0.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(code("API_KEY_NOT_ACTIVE"));
        }

        @Test
        void rotateWhenKeyRevokedThenConflict() {
            fixture.given(anApp())
                    .andGiven(new ApiKeyRevoked(APP, FIRST.keyId(), ADMIN, T0))
                    .when(new RotateApiKey(APP, FIRST.keyId(), SECOND, GRACE, ADMIN, T0.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(code("API_KEY_NOT_ACTIVE"));
        }

        @Test
        void rotateWhenKeyUnknownThenApiKeyNotFound() {
            fixture.given(anApp())
                    .when(new RotateApiKey(APP, "nosuchky", SECOND, GRACE, ADMIN, T0))
                    .expectNoEvents()
                    .expectException(code("API_KEY_NOT_FOUND"));
        }
    }

    @Nested
    class RevokeApiKeyCommand {

        @Test
        void revokeWhenKeyActiveThenRevoked() {
            fixture.given(anApp())
                    .when(new RevokeApiKey(APP, FIRST.keyId(), ADMIN, T0.plusSeconds(60)))
                    .expectEvents(new ApiKeyRevoked(APP, FIRST.keyId(), ADMIN, T0.plusSeconds(60)));
        }

        @Test
        void revokeWhenKeyRetiredAndInGraceThenRevokedAtOnce() {
            fixture.given(anApp())
                    .andGiven(issued(SECOND, T0), new ApiKeyRetired(APP, FIRST.keyId(), ADMIN, T0, T0.plus(GRACE)))
                    .when(new RevokeApiKey(APP, FIRST.keyId(), ADMIN, T0.plusSeconds(60)))
                    .expectEvents(new ApiKeyRevoked(APP, FIRST.keyId(), ADMIN, T0.plusSeconds(60)));
        }

        @Test
        void revokeWhenKeyRetiredAndGraceOverThenNothingRecorded() {
            fixture.given(anApp())
                    .andGiven(issued(SECOND, T0), new ApiKeyRetired(APP, FIRST.keyId(), ADMIN, T0, T0.plus(GRACE)))
                    .when(new RevokeApiKey(APP, FIRST.keyId(), ADMIN, T0.plus(GRACE)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void revokeWhenAlreadyRevokedThenNothingRecorded() {
            fixture.given(anApp())
                    .andGiven(new ApiKeyRevoked(APP, FIRST.keyId(), ADMIN, T0))
                    .when(new RevokeApiKey(APP, FIRST.keyId(), ADMIN, T0.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void revokeWhenKeyUnknownThenApiKeyNotFound() {
            fixture.given(anApp())
                    .when(new RevokeApiKey(APP, "nosuchky", ADMIN, T0))
                    .expectNoEvents()
                    .expectException(code("API_KEY_NOT_FOUND"));
        }
    }

    @Nested
    class ChangeAppSettingsCommand {

        private static final AppSettings CHANGED = new AppSettings(
                List.of("password"),
                true,
                15,
                30,
                12,
                List.of("https://shop.example.com", "http://localhost:3000"),
                "https://shop.example.com",
                "Shop Accounts");

        @Test
        void changeWhenValidThenChangedAndAnswered() {
            fixture.given(anApp())
                    .when(new ChangeAppSettings(APP, CHANGED, ADMIN, T0.plusSeconds(60), LinkBaseChange.ALLOWED))
                    .expectEvents(
                            new AppSettingsChanged(APP, CHANGED, ADMIN, T0.plusSeconds(60)),
                            new LinkBaseUrlChanged(
                                    APP, PUBLIC_URL, "https://shop.example.com", ADMIN, T0.plusSeconds(60)))
                    .expectResultMessagePayload(CHANGED);
        }

        @Test
        void changeWhenSameAsCurrentThenNothingRecorded() {
            fixture.given(anApp())
                    .when(new ChangeAppSettings(APP, DEFAULTS, ADMIN, T0.plusSeconds(60), LinkBaseChange.ALLOWED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void changeWhenLoginMethodRepeatedThenRecordedOnce() {
            AppSettings repeated =
                    new AppSettings(List.of("password", "password"), false, 5, 1, 8, List.of(), PUBLIC_URL, "Shop");
            AppSettings once = new AppSettings(List.of("password"), false, 5, 1, 8, List.of(), PUBLIC_URL, "Shop");
            fixture.given(anApp())
                    .when(new ChangeAppSettings(APP, repeated, ADMIN, T0, LinkBaseChange.ALLOWED))
                    .expectEvents(new AppSettingsChanged(APP, once, ADMIN, T0));
        }

        static Stream<Arguments> invalidSettings() {
            return Stream.of(
                    Arguments.of(defaultsWithLoginMethods(List.of()), "LOGIN_METHODS_INVALID"),
                    Arguments.of(defaultsWithLoginMethods(List.of("password", "sms")), "LOGIN_METHODS_INVALID"),
                    Arguments.of(defaultsWithAccessTokenMinutes(0), "ACCESS_TOKEN_MINUTES_OUT_OF_RANGE"),
                    Arguments.of(defaultsWithAccessTokenMinutes(61), "ACCESS_TOKEN_MINUTES_OUT_OF_RANGE"),
                    Arguments.of(defaultsWithRefreshTokenDays(0), "REFRESH_TOKEN_DAYS_OUT_OF_RANGE"),
                    Arguments.of(defaultsWithRefreshTokenDays(91), "REFRESH_TOKEN_DAYS_OUT_OF_RANGE"),
                    Arguments.of(defaultsWithPasswordMinLength(7), "PASSWORD_MIN_LENGTH_OUT_OF_RANGE"),
                    Arguments.of(defaultsWithPasswordMinLength(65), "PASSWORD_MIN_LENGTH_OUT_OF_RANGE"),
                    Arguments.of(defaultsWithCorsOrigins(List.of("https://shop.example.com/")), "CORS_ORIGIN_INVALID"),
                    Arguments.of(
                            defaultsWithCorsOrigins(List.of("https://shop.example.com/app")), "CORS_ORIGIN_INVALID"),
                    Arguments.of(defaultsWithCorsOrigins(List.of("*")), "CORS_ORIGIN_INVALID"),
                    Arguments.of(defaultsWithCorsOrigins(List.of("https://Shop.example.com")), "CORS_ORIGIN_INVALID"),
                    Arguments.of(
                            defaultsWithCorsOrigins(List.of("https://shop.example.com:443")), "CORS_ORIGIN_INVALID"),
                    Arguments.of(defaultsWithCorsOrigins(List.of("ftp://shop.example.com")), "CORS_ORIGIN_INVALID"),
                    Arguments.of(
                            defaultsWithCorsOrigins(List.of("https://user@shop.example.com")), "CORS_ORIGIN_INVALID"),
                    Arguments.of(defaultsWithLinkBaseUrl("http://shop.example.com"), "LINK_BASE_URL_INVALID"),
                    Arguments.of(defaultsWithLinkBaseUrl("/account"), "LINK_BASE_URL_INVALID"),
                    Arguments.of(defaultsWithLinkBaseUrl("javascript:alert(1)"), "LINK_BASE_URL_INVALID"),
                    Arguments.of(defaultsWithLinkBaseUrl("https://shop.example.com/?next=x"), "LINK_BASE_URL_INVALID"),
                    // An origin only: never a path on someone else's host, nor a shape that could lead elsewhere.
                    Arguments.of(defaultsWithLinkBaseUrl("https://shop.example.com/account"), "LINK_BASE_URL_INVALID"),
                    Arguments.of(
                            defaultsWithLinkBaseUrl("https://pages.example.net/~attacker"), "LINK_BASE_URL_INVALID"),
                    Arguments.of(defaultsWithLinkBaseUrl("https://shop.example.com/"), "LINK_BASE_URL_INVALID"),
                    Arguments.of(defaultsWithLinkBaseUrl("https://shop.example.com#x"), "LINK_BASE_URL_INVALID"),
                    Arguments.of(
                            defaultsWithLinkBaseUrl("https://shop.example.com@evil.example"), "LINK_BASE_URL_INVALID"),
                    Arguments.of(defaultsWithLinkBaseUrl("https://Shop.Example.com"), "LINK_BASE_URL_INVALID"),
                    Arguments.of(defaultsWithLinkBaseUrl("https://shop.example.com:443"), "LINK_BASE_URL_INVALID"),
                    Arguments.of(defaultsWithLinkBaseUrl("http://localhost:3000/auth"), "LINK_BASE_URL_INVALID"),
                    Arguments.of(defaultsWithSenderName("Shop\r\nBcc: victim@example.com"), "SENDER_NAME_INVALID"),
                    Arguments.of(defaultsWithSenderName(" "), "SENDER_NAME_INVALID"),
                    Arguments.of(defaultsWithSenderName("x".repeat(101)), "SENDER_NAME_INVALID"));
        }

        @ParameterizedTest(name = "{1}: {0}")
        @MethodSource("invalidSettings")
        void changeWhenSettingBreaksARuleThenRejectedWithItsCodeAndNothingRecorded(AppSettings invalid, String code) {
            fixture.given(anApp())
                    .when(new ChangeAppSettings(APP, invalid, ADMIN, T0, LinkBaseChange.ALLOWED))
                    .expectNoEvents()
                    .expectException(code(code));
        }

        @Test
        void changeWhenLinkBaseMovesWithoutStrongProofThenRefusedAndNothingRecorded() {
            AppSettings moved = defaultsWithLinkBaseUrl("https://attacker.example");
            fixture.given(anApp())
                    .when(new ChangeAppSettings(APP, moved, "apikey:AbCd1234", T0, LinkBaseChange.NOT_PERMITTED))
                    .expectNoEvents()
                    .expectException(code("LINK_BASE_URL_CHANGE_NOT_PERMITTED"));
        }

        @Test
        void changeWhenLinkBaseMovesAfterAnOldLoginThenFreshLoginRequired() {
            AppSettings moved = defaultsWithLinkBaseUrl("https://accounts.shop.example.com");
            fixture.given(anApp())
                    .when(new ChangeAppSettings(APP, moved, ADMIN, T0, LinkBaseChange.NEEDS_FRESH_LOGIN))
                    .expectNoEvents()
                    .expectException(code("FRESH_LOGIN_REQUIRED"));
        }

        @Test
        void changeWhenLinkBaseKeptWithoutStrongProofThenOtherSettingsChange() {
            AppSettings stricter = defaultsWithPasswordMinLength(12);
            fixture.given(anApp())
                    .when(new ChangeAppSettings(APP, stricter, "apikey:AbCd1234", T0, LinkBaseChange.NOT_PERMITTED))
                    .expectEvents(new AppSettingsChanged(APP, stricter, "apikey:AbCd1234", T0));
        }

        @Test
        void changeWhenLinkBaseIsPlainHttpOnLocalhostThenAccepted() {
            AppSettings local = defaultsWithLinkBaseUrl("http://localhost:3000");
            fixture.given(anApp())
                    .when(new ChangeAppSettings(APP, local, ADMIN, T0, LinkBaseChange.ALLOWED))
                    .expectEvents(
                            new AppSettingsChanged(APP, local, ADMIN, T0),
                            new LinkBaseUrlChanged(APP, PUBLIC_URL, "http://localhost:3000", ADMIN, T0));
        }
    }
}
