package dev.watchword.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The loops decide exactly as the patterns of {@link StrictHttpFirewall}'s defaults. */
class RequestFirewallTest {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void namePredicateWhenAnyCodePointThenSameAsDefaultPattern() {
        assertSameOnEveryCodePoint(RequestFirewall.NAME, NAME);
    }

    @Test
    void headerValuePredicateWhenAnyCodePointThenSameAsDefaultPattern() {
        assertSameOnEveryCodePoint(RequestFirewall.HEADER_VALUE, HEADER_VALUE);
    }

    @Test
    void predicatesWhenLoneSurrogatesAndMixedTextThenSameAsDefaultPatterns() {
        List<String> samples = List.of(
                "",
                "Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
                "a\tb",
                "a\nb",
                "a\rb",
                "x\u0000",
                "\u007f",
                "caf\u00e9",
                "\u0085",
                "\ud800",
                "a\udc00b",
                "\ud83d\ude00 smile",
                "\ud83d",
                "\u0378",
                "\ufffe",
                "\ue000 private use");
        for (String sample : samples) {
            assertThat(RequestFirewall.NAME.test(sample))
                    .as("name %s", sample)
                    .isEqualTo(NAME.matcher(sample).matches());
            assertThat(RequestFirewall.HEADER_VALUE.test(sample))
                    .as("value %s", sample)
                    .isEqualTo(HEADER_VALUE.matcher(sample).matches());
        }
    }

    @Test
    void firewallWhenHeaderValueHasControlCharacterThenRejected() {
        HttpFirewall firewall = new RequestFirewall().httpFirewall();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/me");
        request.addHeader("X-Injected", "a\u0007b");
        request.addHeader("X-Tab", "a\tb");

        var firewalled = firewall.getFirewalledRequest(request);

        assertThat(firewalled.getHeader("X-Tab")).isEqualTo("a\tb");
        try {
            firewalled.getHeader("X-Injected");
            org.assertj.core.api.Assertions.fail("a control character in a header value must be rejected");
        } catch (RequestRejectedException expected) {
            assertThat(expected).hasMessageContaining("X-Injected");
        }
    }

    private static void assertSameOnEveryCodePoint(Predicate<String> loop, Pattern pattern) {
        List<Integer> differing = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            if (loop.test(text) != pattern.matcher(text).matches()) {
                differing.add(codePoint);
            }
        }
        assertThat(differing).isEmpty();
    }
}
