package dev.watchword.query.security;

import dev.watchword.events.app.DefaultApp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web origins allowed to call this service from a browser, in memory: the service-wide list plus each client
 * app's {@code cors_origins} (its latest {@code AppSettingsChanged}). A request costs a lookup, never a database
 * round trip; {@link AppOriginsProjection} and {@link AppOriginsRefresher} keep it in step with the read model.
 */
public class AllowedOrigins {

    private final Set<String> serviceWide;
    private final Map<String, Set<String>> byApp = new ConcurrentHashMap<>();
    /** The union, rebuilt on every change: the CORS filter reads it at each request. */
    private volatile List<String> all;
    /** How many changes were applied; a read of the table made before the latest one must not undo it. */
    private long changes;

    AllowedOrigins(List<String> serviceWide) {
        this.serviceWide = Set.copyOf(serviceWide);
        this.all = List.copyOf(new LinkedHashSet<>(serviceWide));
    }

    /** Every origin some app accepts: what the CORS filter admits, since a preflight does not say its app. */
    public List<String> all() {
        return all;
    }

    /**
     * Whether a request with this {@code Origin} may act for {@code appId}: an origin of that app or of the
     * service-wide list. The default app has no origins of its own: the service-wide list only.
     */
    public boolean allows(String appId, String origin) {
        if (serviceWide.contains(origin)) {
            return true;
        }
        return appId != null
                && !DefaultApp.APP_ID.equals(appId)
                && byApp.getOrDefault(appId, Set.of()).contains(origin);
    }

    /** The app's origins are now exactly these (settings are replaced whole). */
    synchronized void replace(String appId, List<String> origins) {
        changes++;
        if (origins == null || origins.isEmpty()) {
            byApp.remove(appId);
        } else {
            byApp.put(appId, Set.copyOf(origins));
        }
        rebuild();
    }

    /** To pass to {@link #replaceAll}: read before reading the table. */
    synchronized long changes() {
        return changes;
    }

    /**
     * Every app's origins, read afresh from the read model; ignored if a change was applied since
     * {@code changesBeforeRead}, as the read may predate it (the next read will see it).
     *
     * @return whether it was applied
     */
    synchronized boolean replaceAll(Map<String, List<String>> origins, long changesBeforeRead) {
        if (changes != changesBeforeRead) {
            return false;
        }
        origins.forEach((appId, list) -> byApp.put(appId, Set.copyOf(list)));
        byApp.keySet().retainAll(origins.keySet());
        rebuild();
        return true;
    }

    private void rebuild() {
        Set<String> union = new LinkedHashSet<>(serviceWide);
        byApp.entrySet().stream()
                .filter(app -> !DefaultApp.APP_ID.equals(app.getKey()))
                .forEach(app -> union.addAll(app.getValue()));
        all = List.copyOf(union);
    }
}
