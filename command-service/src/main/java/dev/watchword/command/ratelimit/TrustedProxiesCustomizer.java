package dev.watchword.command.ratelimit;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Narrows the RemoteIpValve that {@code server.forward-headers-strategy: native} installs to
 * {@link TrustedProxies}: X-Forwarded-For from any other address is ignored, and the connection's own address is
 * the client's. Runs after Spring Boot's own Tomcat customizer, which creates the valve.
 */
class TrustedProxiesCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxiesCustomizer.class);

    private final TrustedProxies proxies;

    TrustedProxiesCustomizer(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        boolean found = false;
        for (Valve valve : factory.getEngineValves()) {
            if (valve instanceof RemoteIpValve remoteIp) {
                remoteIp.setInternalProxies(proxies.pattern());
                // Only the internal proxies are trusted; Tomcat's second list stays empty.
                remoteIp.setTrustedProxies(null);
                found = true;
            }
        }
        if (!found) {
            log.info("No RemoteIpValve (server.forward-headers-strategy is not native): X-Forwarded-For is ignored "
                    + "and watchword.proxies.trusted has no effect");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
