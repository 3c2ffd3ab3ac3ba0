package dev.watchword.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The resolver answers as Spring Security's default one does, header by header. */
class AccessTokenResolverTest {

    private static final List<String> HEADERS = List.of(
            "Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
            "bearer abc",
            "BEARER abc==",
            "BeArEr a-b.c_d~e+f/g==",
            "Bearer abc=d",
            "Bearer ",
            "Bearer",
            "Bearer  abc",
            "Bearer abc ",
            "Bearer abc\n",
            "Bearer\tabc",
            "Bearer ab%cd",
            "Bearer =",
            "Bearer \u00e9",
            "Bearerabc",
            "bearers abc",
            "Basic dXNlcjpwYXNz",
            "DPoP abc",
            "",
            "B\u0130arer abc",
            "\u212Aearer abc");

    private final AccessTokenResolver resolver = new AccessTokenResolver();
    private final DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();

    @Test
    void resolveWhenAnyHeaderThenSameAnswerAsDefaultResolver() {
        for (String header : HEADERS) {
            assertThat(answer(resolver::resolve, header))
                    .as("Authorization: %s", header)
                    .isEqualTo(answer(reference::resolve, header));
        }
    }

    @Test
    void resolveWhenNoAuthorizationHeaderThenNoToken() {
        assertThat(resolver.resolve(new MockHttpServletRequest("GET", "/api/users/me")))
                .isNull();
    }

    @Test
    void resolveWhenTokenInQueryOnlyThenNoToken() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/me");
        request.setQueryString("access_token=abc");
        request.addParameter("access_token", "abc");

        assertThat(resolver.resolve(request)).isNull();
    }

    @Test
    void resolveWhenMalformedThenInvalidToken() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/me");
        request.addHeader("Authorization", "Bearer a b");

        assertThatThrownBy(() -> resolver.resolve(request))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_token"));
    }

    private static String answer(java.util.function.Function<MockHttpServletRequest, String> resolve, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/me");
        request.addHeader("Authorization", header);
        try {
            return "token:" + resolve.apply(request);
        } catch (OAuth2AuthenticationException e) {
            return "error:" + e.getError().getErrorCode() + ":" + e.getError().getDescription();
        }
    }
}
