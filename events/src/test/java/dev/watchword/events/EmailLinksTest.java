package dev.watchword.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.events.links.EmailLinks;
import org.junit.jupiter.api.Test;

class EmailLinksTest {

    @Test
    void linkWhenBaseHasTrailingSlashThenOneSlashAndTokenInFragment() {
        assertThat(EmailLinks.link("https://id.example.com/", EmailLinks.RESET_PASSWORD, "u-1.abc_DEF-9"))
                .isEqualTo("https://id.example.com/reset-password#token=u-1.abc_DEF-9");
    }
}
