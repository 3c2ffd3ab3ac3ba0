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
                .info(new Info().title("Watchword command API")
                        .description("Registration, login, tokens, account lifecycle and the admin API's writes. "
                                + "Errors are RFC 9457 problem+json with a stable `code`.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSecuritySchemes("client", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic")));
    }
}
