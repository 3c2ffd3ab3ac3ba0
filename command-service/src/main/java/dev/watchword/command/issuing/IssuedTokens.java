package dev.watchword.command.issuing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The token response in the wire format of djangorestframework-simplejwt ({@code access}, {@code refresh}),
 * so clients written for it work unchanged, plus the OAuth-style {@code token_type} and {@code expires_in}.
 * In cookie mode {@code refresh} is left out: the token is in the refresh cookie instead.
 *
 * @param clientId the app whose session this is (not sent: it names the app's refresh cookie)
 */
public record IssuedTokens(
        String access,
        @JsonInclude(JsonInclude.Include.NON_NULL) String refresh,
        @JsonProperty("expires_in") long expiresIn,
        @JsonIgnore String clientId) {

    @JsonProperty("token_type")
    public String tokenType() {
        return "Bearer";
    }

    /** The same answer without the refresh token, which went into a cookie. */
    public IssuedTokens withoutRefresh() {
        return new IssuedTokens(access, null, expiresIn, clientId);
    }
}
