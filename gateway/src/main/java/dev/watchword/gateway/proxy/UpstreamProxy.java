package dev.watchword.gateway.proxy;

import dev.watchword.gateway.headers.ForwardedHeaders;
import dev.watchword.gateway.headers.SecurityHeaders;
import dev.watchword.gateway.problem.ProblemResponses;
import dev.watchword.gateway.route.Route;
import java.net.ConnectException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Jetty's reverse proxy, configured for the services behind the gateway: the route {@link GatewayHandler} chose
 * names the upstream; requests and responses stream through without being buffered, over pooled keep-alive
 * connections (HTTP/1.1). Hop-by-hop headers are Jetty's business (RFC 9110 section 7.6.1); this class adds the
 * forwarding headers, the security headers and RFC 9457 answers when an upstream is down (503) or slow (504).
 */
final class UpstreamProxy extends ProxyHandler {

    static final String ROUTE_ATTRIBUTE = UpstreamProxy.class.getName() + ".route";

    private static final Logger log = LoggerFactory.getLogger(UpstreamProxy.class);

    private final UpstreamProperties upstream;

    private final ForwardedHeaders forwarded;

    private final ProblemResponses problems;

    UpstreamProxy(UpstreamProperties upstream, ForwardedHeaders forwarded, ProblemResponses problems) {
        this.upstream = upstream;
        this.forwarded = forwarded;
        this.problems = problems;
    }

    @Override
    protected HttpClient newHttpClient() {
        QueuedThreadPool threads = new QueuedThreadPool(upstream.clientThreads(), 2);
        threads.setName("upstream-client");
        ClientConnector connector = new ClientConnector();
        connector.setExecutor(threads);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setConnectTimeout(upstream.connectTimeout().toMillis());
        client.setIdleTimeout(upstream.idleTimeout().toMillis());
        client.setMaxConnectionsPerDestination(upstream.maxConnections());
        // The services learn the client from the forwarding headers; no agent string of the gateway's own.
        client.setUserAgentField(null);
        return client;
    }

    @Override
    protected HttpURI rewriteHttpURI(Request client) {
        Route route = (Route) client.getAttribute(ROUTE_ATTRIBUTE);
        HttpURI received = client.getHttpURI();
        return HttpURI.build(route.uri().resolve(route.upstreamPathAndQuery(received.getPath(), received.getQuery())));
    }

    @Override
    protected org.eclipse.jetty.client.Request newProxyToServerRequest(Request client, HttpURI target) {
        return super.newProxyToServerRequest(client, target)
                .timeout(upstream.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void copyRequestHeaders(Request client, org.eclipse.jetty.client.Request toUpstream) {
        super.copyRequestHeaders(client, toUpstream);
        // The upstream's own authority, as any HTTP client would send; the client's is X-Forwarded-Host. A request
        // without a body (a browser's CORS preflight) goes without one, neither chunked nor with a length: HTTP/1.1
        // defines its body as empty (RFC 9112 section 6.3), and the services refuse chunked bodies (411).
        toUpstream.headers(headers -> headers.remove(HttpHeader.HOST));
    }

    @Override
    protected void addProxyHeaders(Request client, org.eclipse.jetty.client.Request toUpstream) {
        toUpstream.headers(headers -> forwarded.write(client, headers));
    }

    @Override
    protected HttpField filterServerToProxyResponseField(HttpField field) {
        // The gateway's security headers were set before the proxy ran, and Jetty dates every response itself; the
        // upstream's versions of these are not added, so none appears twice.
        return field.getHeader() == HttpHeader.DATE || SecurityHeaders.isOwn(field.getName()) ? null : field;
    }

    @Override
    protected void onServerToProxyResponseFailure(
            Request client,
            org.eclipse.jetty.client.Request toUpstream,
            org.eclipse.jetty.client.Response fromUpstream,
            Response response,
            Callback callback,
            Throwable failure) {
        if (response.isCommitted()) {
            // The upstream's answer has started; nothing can be said any more but closing the connection.
            callback.failed(failure);
            return;
        }
        HttpStatus status = isTimeout(failure) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        log.warn(
                "Upstream for {} {} failed: {}",
                client.getMethod(),
                client.getHttpURI().getPath(),
                rootMessage(failure));
        response.reset();
        SecurityHeaders.put(response.getHeaders());
        problems.write(client, response, callback, status);
    }

    /** Refused or dropped is down (503); accepted but not answered in time is slow (504). */
    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return false;
            }
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
