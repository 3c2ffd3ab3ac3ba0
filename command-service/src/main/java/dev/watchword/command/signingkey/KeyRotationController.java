package dev.watchword.command.signingkey;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.operator.InvalidOperatorToken;
import dev.watchword.command.operator.OperatorEndpointDisabled;
import dev.watchword.command.operator.OperatorToken;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotates the signing keys on demand: {@code POST /internal/keys/rotate} (a successor is published now and
 * signs after {@code publish-ahead}; a pending one is returned unchanged) or {@code ?immediate=true} for a
 * compromised key (the successor signs at once, the current key leaves the JWKS at once and its tokens stop
 * verifying once verifiers refresh their cached JWKS, within its 5-minute max-age). Answers
 * {@code {"kid", "state", "activates_at"}} of the key that signs next.
 * <p>
 * Operator only, in two layers: the gateway routes no {@code /internal/**} path (and neither compose nor the
 * dev stack exposes command-service publicly), and the request must carry {@code Authorization: Bearer
 * <WATCHWORD_OPERATOR_TOKEN>} (401 {@code INVALID_OPERATOR_TOKEN} otherwise). The source address is not
 * trusted, because {@code server.forward-headers-strategy: native} lets an internal proxy set it. Without an
 * operator token configured the endpoint answers 404. Other instances pick the change up within their refresh
 * interval (30 s by default); for an emergency rotation that is how long they may still sign with the old key.
 * Example: {@code curl -X POST -H "Authorization: Bearer $WATCHWORD_OPERATOR_TOKEN"
 * http://localhost:8081/internal/keys/rotate}.
 */
@RestController
public class KeyRotationController {

    private static final String BEARER = "Bearer ";

    private final KeyRotation rotation;
    private final SigningKeys keys;
    private final OperatorToken operatorToken;
    private final Clock clock;

    public KeyRotationController(KeyRotation rotation, SigningKeys keys, OperatorToken operatorToken, Clock clock) {
        this.rotation = rotation;
        this.keys = keys;
        this.operatorToken = operatorToken;
        this.clock = clock;
    }

    @PostMapping("/internal/keys/rotate")
    public RotatedKey rotate(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(defaultValue = "false") boolean immediate) {
        if (!operatorToken.enabled()) {
            throw new OperatorEndpointDisabled();
        }
        if (authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !operatorToken.matches(
                        authorization.substring(BEARER.length()).strip())) {
            throw new InvalidOperatorToken();
        }
        Instant now = clock.instant();
        KeyLifecycle successor = rotation.rotate(now, immediate);
        keys.refresh();
        return new RotatedKey(
                successor.kid(),
                successor.stateAt(now).name().toLowerCase(java.util.Locale.ROOT),
                successor.activatesAt());
    }

    public record RotatedKey(
            String kid,
            String state,
            @JsonProperty("activates_at") Instant activatesAt) {}
}
