package dev.watchword.gateway.proxy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway talks to the services.
 *
 * @param connectTimeout an upstream that does not accept a connection within this is down (503)
 * @param responseTimeout an upstream that has not answered in full within this is slow (504)
 * @param idleTimeout keep-alive connections idle this long are closed by the gateway, before the services' own
 *     keep-alive timeout (60 s) could close one under a new request
 * @param maxConnections open connections per service at most; further requests wait for one
 * @param clientThreads threads that read the services' answers at most
 */
@ConfigurationProperties("watchword.gateway.upstream")
record UpstreamProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue("20s") Duration idleTimeout,
        @DefaultValue("256") int maxConnections,
        @DefaultValue("16") int clientThreads) {}
