package dev.watchword.command.integrity;

import dev.watchword.command.operator.InvalidOperatorToken;
import dev.watchword.command.operator.OperatorEndpointDisabled;
import dev.watchword.command.operator.OperatorToken;
import dev.watchword.command.security.ActingAdmin;
import dev.watchword.events.access.Permission;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verifies the event chain on demand: {@code GET /internal/integrity/verify} answers a
 * {@link ChainVerification}, 200 whether intact or not (the answer says which). Operator only, exactly like
 * {@code /internal/keys/rotate}: the gateway routes no {@code /internal/**} path, the request must carry
 * {@code Authorization: Bearer <WATCHWORD_OPERATOR_TOKEN>} (401 {@code INVALID_OPERATOR_TOKEN} otherwise), and
 * without an operator token configured the endpoint answers 404. The operator token and its problems are the
 * key rotation's: one secret for every operator endpoint. Example: {@code ./watchword verify-log}.
 */
@RestController
public class IntegrityController {

    private static final String BEARER = "Bearer ";

    private final EventChainVerifier verifier;
    private final OperatorToken operatorToken;
    private final ActingAdmin actingAdmin;

    public IntegrityController(EventChainVerifier verifier, OperatorToken operatorToken, ActingAdmin actingAdmin) {
        this.verifier = verifier;
        this.operatorToken = operatorToken;
        this.actingAdmin = actingAdmin;
    }

    /**
     * The same verification for auditors through the public origin: an access token holding
     * {@code audit:read} and reaching every app ({@code apps:write}), since the chain is global and its counts speak
     * for every app. Checked like every admin call: Spring Security, then the actor's aggregate.
     */
    @GetMapping("/api/admin/integrity/verify")
    @PreAuthorize("hasAuthority('audit:read') and hasAuthority('apps:write')")
    public ChainVerification verifyForAuditor(Authentication caller) {
        actingAdmin.authorize(caller, Permission.AUDIT_READ);
        return verifier.verify();
    }

    @GetMapping("/internal/integrity/verify")
    public ChainVerification verify(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!operatorToken.enabled()) {
            throw new OperatorEndpointDisabled();
        }
        if (authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !operatorToken.matches(
                        authorization.substring(BEARER.length()).strip())) {
            throw new InvalidOperatorToken();
        }
        return verifier.verify();
    }
}
