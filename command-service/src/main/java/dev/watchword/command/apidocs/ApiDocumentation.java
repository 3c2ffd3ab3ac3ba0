package dev.watchword.command.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command side's API reference (OpenAPI 3), served at {@code /v3/api-docs} and {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    @Bean
    OpenAPI watchwordCommandApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Watchword command API")
                        .description("Registration, login, tokens, account lifecycle and the admin API's writes. "
                                + "Public flows name their client app by `client_id` in the body or the `X-Client-Id` "
                                + "header (none: the default app). Admin writes take an admin's access token or, "
                                + "server to server, the app's API key (`Authorization: Bearer wwk_...`), and reach "
                                + "only the caller's own app unless it holds `apps:write`. "
                                + "Errors are RFC 9457 problem+json with a stable `code`.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("wwk_<key id>_<secret>")
                                        .description("An app's secret API key; admin API only, the app's own users and "
                                                + "settings only, never key management."))
                        .addSecuritySchemes(
                                "client",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")));
    }
}
