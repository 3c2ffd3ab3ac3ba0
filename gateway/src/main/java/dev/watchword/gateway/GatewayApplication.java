package dev.watchword.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one public origin of Watchword: routes client requests to command-service and query-service.
 * The route table lives in {@code application.yml}; this module adds only what a route table cannot say
 * (forwarding headers, security headers, CORS preflight routing, the dashboard and RFC 9457 errors).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
