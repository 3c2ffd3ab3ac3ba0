package dev.watchword.query.session;

import dev.watchword.accesstoken.AccessTokenRules;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own live sessions, so they can spot one they do not recognise and end it (command-service
 * serves {@code DELETE /api/auth/sessions/{id}}). OWASP ASVS 5.0 V7.5.2: users can view and terminate their
 * active sessions.
 */
@RestController
class UserSessionController {

    private final UserSessions sessions;
    private final Clock clock;

    UserSessionController(UserSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/api/auth/sessions")
    List<UserSessionResponse> sessions(@AuthenticationPrincipal Jwt accessToken) {
        String current = accessToken.getClaimAsString(AccessTokenRules.SESSION_ID);
        return sessions.findLiveUserSessions(accessToken.getSubject(), clock.instant()).stream()
                .map(session -> UserSessionResponse.of(session, current))
                .toList();
    }
}
