package dev.watchword.devstack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Handle on a started dev stack. {@link #close()} stops the services (gateway first), then Kafka, the mail sink
 * and PostgreSQL; it may be called more than once and from a shutdown hook while start-up is still going on.
 */
public final class RunningStack implements AutoCloseable {

    private final DevStackConfig config;

    private final AtomicBoolean closing = new AtomicBoolean();

    private final List<ServiceProcess> services = Collections.synchronizedList(new ArrayList<>());

    private volatile Database database;

    private volatile Broker broker;

    private volatile MailSink mailSink;

    private volatile IntrospectionClient introspectionClient;

    private volatile CacheTraining cacheTraining;

    RunningStack(DevStackConfig config) {
        this.config = config;
    }

    /** The one public origin, {@code http://localhost:<gateway port>}. */
    public String gatewayUrl() {
        return config.serviceUrl(Service.GATEWAY);
    }

    /** GreenMail's web page, when the dev stack runs its own mail sink. */
    public Optional<String> inboxUrl() {
        return mailSink().map(MailSink::inboxUrl);
    }

    public Optional<MailSink> mailSink() {
        return Optional.ofNullable(mailSink);
    }

    /** The credentials query-service accepts at {@code POST /api/auth/token/introspect}. */
    public Optional<IntrospectionClient> introspectionClient() {
        return Optional.ofNullable(introspectionClient);
    }

    Database database() {
        return database;
    }

    Optional<Broker> broker() {
        return Optional.ofNullable(broker);
    }

    public boolean isClosing() {
        return closing.get();
    }

    /** Blocks until one of the services exits, and says which. */
    ServiceProcess awaitAnyExit() {
        List<ServiceProcess> running = List.copyOf(services);
        CompletableFuture<?>[] exits = running.stream()
                .map(service -> service.process().onExit().thenApply(process -> service))
                .toArray(CompletableFuture[]::new);
        return (ServiceProcess) CompletableFuture.anyOf(exits).join();
    }

    void attach(Database database) {
        this.database = database;
        closeIfClosing();
    }

    void attach(Broker broker) {
        this.broker = broker;
        closeIfClosing();
    }

    void attach(MailSink mailSink) {
        this.mailSink = mailSink;
        closeIfClosing();
    }

    void attach(IntrospectionClient client) {
        this.introspectionClient = client;
    }

    void attach(CacheTraining training) {
        this.cacheTraining = training;
        closeIfClosing();
    }

    void attach(ServiceProcess service) {
        services.add(service);
        closeIfClosing();
    }

    /** Started after {@link #close()}: a shutdown hook ran during start-up. Stop what was just started too. */
    private void closeIfClosing() {
        if (closing.get()) {
            stopEverything();
        }
    }

    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            stopEverything();
        }
    }

    private synchronized void stopEverything() {
        quietly(cacheTraining);
        cacheTraining = null;
        List<ServiceProcess> running = new ArrayList<>(services);
        Collections.reverse(running);
        // The gateway first, so that no request reaches a service that is going away; the rest together.
        running.stream().filter(s -> s.service() == Service.GATEWAY).forEach(ServiceProcess::close);
        CompletableFuture.allOf(running.stream()
                        .filter(s -> s.service() != Service.GATEWAY)
                        .map(s -> CompletableFuture.runAsync(s::close))
                        .toArray(CompletableFuture[]::new))
                .join();
        services.clear();
        quietly(mailSink);
        mailSink = null;
        quietly(broker);
        broker = null;
        quietly(database);
        database = null;
    }

    private static void quietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception ex) {
            System.err.println("While stopping " + resource.getClass().getSimpleName() + ": " + ex.getMessage());
        }
    }
}
