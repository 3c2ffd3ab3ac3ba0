package dev.watchword.command.appdirectory;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Watchword's own web origin ({@code scheme://host[:port]} of {@code WATCHWORD_PUBLIC_URL}). Its pages (the admin
 * dashboard, the emailed links' pages) serve every app, so every app accepts requests from it.
 */
@Component
public class PublicOrigin {

    private final String value;

    public PublicOrigin(@Value("${watchword.public-url}") String publicUrl) {
        URI uri = URI.create(publicUrl);
        this.value = uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public String value() {
        return value;
    }

    public boolean is(String origin) {
        return value.equals(origin);
    }
}
