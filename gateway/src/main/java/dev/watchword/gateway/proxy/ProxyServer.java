package dev.watchword.gateway.proxy;

import dev.watchword.gateway.headers.ForwardedHeaders;
import dev.watchword.gateway.problem.ProblemResponses;
import dev.watchword.gateway.route.RouteTable;
import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link GatewayHandler} in front of the servlet layer of Spring Boot's Jetty server: one port, one server, and
 * a proxied request costs Jetty's parsing and the proxy's copying, no servlet, filter chain or dispatcher
 * (docs/performance.md has the measurements behind this choice).
 */
@Configuration(proxyBeanMethods = false)
class ProxyServer {

    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> proxyAheadOfServlets(
            RouteTable routes, UpstreamProperties upstream, ForwardedHeaders forwarded, ProblemResponses problems) {
        return factory -> factory.addServerCustomizers(server -> {
            server.setHandler(new GatewayHandler(
                    routes, new UpstreamProxy(upstream, forwarded, problems), problems, server.getHandler()));
            server.setErrorHandler(new ProblemErrorHandler(problems));
        });
    }
}
