package dev.watchword.gateway.proxy;

import dev.watchword.gateway.headers.SecurityHeaders;
import dev.watchword.gateway.problem.ProblemResponses;
import dev.watchword.gateway.route.Route;
import dev.watchword.gateway.route.RouteTable;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.springframework.http.HttpStatus;

/**
 * The first handler of the gateway's Jetty server, ahead of the servlet layer: a request with a route goes to the
 * {@link UpstreamProxy} and never touches a servlet; the health probes and the dashboard go on to Spring MVC; any
 * other path is a 404 problem. Every response gets the security headers.
 *
 * <p>CORS preflights are routed by the method they announce ({@code Access-Control-Request-Method}), so a preflight
 * reaches the service that will serve the request: the allowlist is each client app's {@code cors_origins}, known to
 * the services only, which answer preflights with it (OWASP ASVS 5.0 V3.4.2). A preflight no route takes by its
 * announced method is routed as the {@code OPTIONS} it is.
 */
final class GatewayHandler extends Handler.Wrapper {

    /** Paths the servlet layer serves: health probes and the dashboard. */
    private static final String[] SERVLET_PREFIXES = {"/actuator/", "/admin"};

    private final RouteTable routes;

    private final UpstreamProxy proxy;

    private final ProblemResponses problems;

    GatewayHandler(RouteTable routes, UpstreamProxy proxy, ProblemResponses problems, Handler servlets) {
        super(servlets);
        this.routes = routes;
        this.proxy = proxy;
        this.problems = problems;
        addBean(proxy);
    }

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        proxy.setServer(server);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.put(response.getHeaders());
        String path = request.getHttpURI().getPath();
        if (!path.equals(URIUtil.normalizePath(path))) {
            // Dot segments ("/api/users/me/../../internal") would be removed by the upstream (RFC 3986 section
            // 5.2.4) into a path no route allows; no client of this API sends them.
            problems.write(request, response, callback, HttpStatus.BAD_REQUEST);
            return true;
        }
        Optional<Route> route = routeOf(request, path);
        if (route.isPresent()) {
            request.setAttribute(UpstreamProxy.ROUTE_ATTRIBUTE, route.get());
            return proxy.handle(request, response, callback);
        }
        for (String prefix : SERVLET_PREFIXES) {
            if (path.startsWith(prefix)) {
                return super.handle(request, response, callback);
            }
        }
        problems.write(request, response, callback, HttpStatus.NOT_FOUND);
        return true;
    }

    private Optional<Route> routeOf(Request request, String path) {
        String method = request.getMethod();
        String announced = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
        boolean preflight = HttpMethod.OPTIONS.is(method)
                && announced != null
                && request.getHeaders().contains(HttpHeader.ORIGIN);
        if (preflight) {
            Optional<Route> byAnnounced = routes.find(announced, path);
            if (byAnnounced.isPresent()) {
                return byAnnounced;
            }
        }
        return routes.find(method, path);
    }
}
