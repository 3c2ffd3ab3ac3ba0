package dev.watchword.query.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated API reference ({@code /v3/api-docs}) cannot read from the controllers: who may call, and
 * whose data they see.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentationConfiguration {

    static final String ACCESS_TOKEN = "accessToken";
    static final String API_KEY = "apiKey";
    static final String CLIENT = "client";

    @Bean
    OpenAPI watchwordQueryApi() {
        return new OpenAPI()
                .info(new Info().title("Watchword query-service").description("""
                        Read side of Watchword: the caller's profile and sessions, token introspection, and the \
                        admin reads under /api/admin/.

                        Admin reads take a user's access token (Authorization: Bearer <JWT>, whose `permissions` \
                        claim must hold the endpoint's permission) or an app's API key (Authorization: Bearer \
                        wwk_..., which holds users:read, users:write, roles:write, settings:write and audit:read \
                        of its own app, never keys:write or apps:write).

                        Scope: a caller holding apps:write (the platform operator) sees every app and may filter \
                        with `app=<appId>`; every other caller sees its own app only (the token's `tenant`, or the \
                        key's app). Another app's user, app or audit entry answers exactly like an unknown id \
                        (the same 404 problem), and lists leave it out."""))
                .components(new Components()
                        .addSecuritySchemes(
                                ACCESS_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token (ES256, typ at+jwt) issued by command-service."))
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("wwk_<keyId>_<secret>")
                                        .description("An app's API key, on /api/admin/** only."))
                        .addSecuritySchemes(
                                CLIENT,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("Token introspection: a configured client (id and secret), or an "
                                                + "app's client id and one of its API keys, which sees only its own "
                                                + "app's tokens active.")));
    }
}
