package dev.watchword.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class AllowedOriginsTest {

    private static final String CONSOLE = "https://console.example.com";
    private static final String SHOP = "https://shop.example.com";

    @Test
    void allowsWhenOriginOfAnotherAppThenRefusedAndServiceWideAlwaysAllowed() {
        AllowedOrigins origins = new AllowedOrigins(List.of(CONSOLE));
        origins.replace("shop", List.of(SHOP));
        origins.replace("blog", List.of("https://blog.example.com"));

        assertThat(origins.allows("shop", SHOP)).isTrue();
        assertThat(origins.allows("blog", SHOP)).isFalse();
        assertThat(origins.allows("blog", CONSOLE)).isTrue();
        assertThat(origins.all()).containsExactlyInAnyOrder(CONSOLE, SHOP, "https://blog.example.com");
    }

    @Test
    void allowsWhenDefaultAppOrNoAppThenServiceWideListOnly() {
        AllowedOrigins origins = new AllowedOrigins(List.of(CONSOLE));
        origins.replace("default", List.of(SHOP));

        assertThat(origins.allows("default", SHOP)).isFalse();
        assertThat(origins.allows(null, SHOP)).isFalse();
        assertThat(origins.allows("default", CONSOLE)).isTrue();
        assertThat(origins.all()).containsExactly(CONSOLE);
    }

    @Test
    void replaceAllWhenAChangeCameAfterTheReadThenTheChangeStays() {
        AllowedOrigins origins = new AllowedOrigins(List.of());
        long beforeRead = origins.changes();
        origins.replace("shop", List.of(SHOP));

        assertThat(origins.replaceAll(Map.of(), beforeRead)).isFalse();
        assertThat(origins.allows("shop", SHOP)).isTrue();
        assertThat(origins.replaceAll(Map.of(), origins.changes())).isTrue();
        assertThat(origins.allows("shop", SHOP)).isFalse();
    }

    @Test
    void corsConfigurationWhenNoOriginAllowedThenNoneAtAll() {
        CorsSettings settings = new CorsSettings(List.of(), Duration.ofHours(1), Duration.ofMinutes(1));
        AllowedOrigins origins = new AllowedOrigins(settings.allowedOrigins());
        var source = CrossOriginConfiguration.corsConfiguration(settings, origins);

        assertThat(source.getCorsConfiguration(new MockHttpServletRequest())).isNull();
        origins.replace("shop", List.of(SHOP));
        assertThat(source.getCorsConfiguration(new MockHttpServletRequest()).getAllowedOrigins())
                .containsExactly(SHOP);
        assertThat(source.getCorsConfiguration(new MockHttpServletRequest()).getAllowCredentials())
                .isFalse();
        assertThat(source.getCorsConfiguration(new MockHttpServletRequest()).getMaxAge())
                .isEqualTo(3600);
    }
}
