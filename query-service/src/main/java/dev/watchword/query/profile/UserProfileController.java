package dev.watchword.query.profile;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserProfileController {

    private final UserProfileCache profiles;

    UserProfileController(UserProfileCache profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/users/me")
    UserProfileResponse me(@AuthenticationPrincipal Jwt accessToken) {
        return profiles.getUserProfileById(accessToken.getSubject())
                .map(UserProfileResponse::of)
                .orElseThrow(UserProfileNotFound::new);
    }
}
