package dev.watchword.query.app;

import dev.watchword.query.paging.Page;
import dev.watchword.query.paging.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * The admin's view of the client apps. The list needs {@code apps:write}, one app's detail {@code apps:write}
 * or {@code settings:write}; enforced with every other admin rule in {@code AdminSecurityConfiguration}, not
 * here.
 */
@RestController
class ClientAppController {

    private final ClientAppRows apps;
    private final ApiKeyRows keys;
    private final Clock clock;

    ClientAppController(ClientAppRows apps, ApiKeyRows keys, Clock clock) {
        this.apps = apps;
        this.keys = keys;
        this.clock = clock;
    }

    /** Newest registration first. */
    @GetMapping({"/api/admin/apps", "/api/admin/apps/"})
    Page<ClientAppResponse> findClientAppRows(@RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(apps.findClientAppRows(request).stream().map(ClientAppResponse::of).toList(), request,
                apps.countClientAppRows());
    }

    @GetMapping({"/api/admin/apps/{id}", "/api/admin/apps/{id}/"})
    ClientAppDetailResponse getClientAppById(@PathVariable String id) {
        ClientAppRow row = apps.getClientAppRowById(id).orElseThrow(AppNotFound::new);
        return ClientAppDetailResponse.of(row, keys.findApiKeyRowsByAppId(id), clock.instant());
    }
}
