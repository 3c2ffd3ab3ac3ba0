package dev.watchword.gateway.route;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The gateway's route table, from {@code watchword.gateway.routes} in {@code application.yml}. The first route whose
 * method and path match wins, so more specific routes come first.
 */
@ConfigurationProperties("watchword.gateway")
public final class RouteTable {

    private final List<Compiled> routes;

    public RouteTable(List<Route> routes) {
        this.routes = routes.stream()
                .map(route -> new Compiled(route, route.patterns()))
                .toList();
    }

    /**
     * The route for a request, or empty when no route takes it (a 404). A CORS preflight is looked up by the method
     * it announces, see {@code proxy.GatewayHandler}.
     */
    public Optional<Route> find(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Compiled compiled : routes) {
            if (compiled.route().takes(method) && compiled.matches(container)) {
                return Optional.of(compiled.route());
            }
        }
        return Optional.empty();
    }

    private record Compiled(Route route, List<PathPattern> patterns) {

        boolean matches(PathContainer path) {
            for (PathPattern pattern : patterns) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }
}
