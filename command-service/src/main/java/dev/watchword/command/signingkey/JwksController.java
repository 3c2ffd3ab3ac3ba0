package dev.watchword.command.signingkey;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public signing keys (RFC 7517), so any standard JOSE library verifies access tokens offline. */
@RestController
public class JwksController {

    private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final SigningKeys keys;

    public JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/.well-known/jwks.json")
    public ResponseEntity<Map<String, List<?>>> jwks() {
        return ResponseEntity.ok()
                .contentType(JWK_SET)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(Map.of("keys", keys.publicJwks()));
    }
}
