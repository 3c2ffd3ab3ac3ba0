package dev.watchword.command.token;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The token response in the wire format of djangorestframework-simplejwt ({@code access}, {@code refresh}),
 * so clients written for it work unchanged, plus the OAuth-style {@code token_type} and {@code expires_in}.
 */
public record IssuedTokens(String access, String refresh, @JsonProperty("expires_in") long expiresIn) {

    @JsonProperty("token_type")
    public String tokenType() {
        return "Bearer";
    }
}
