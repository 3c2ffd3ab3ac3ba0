package dev.watchword.devstack;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft, no ZooKeeper) inside the dev stack's JVM. Its log lives in a temporary directory:
 * events outlive a run in PostgreSQL (the event store and the read models), not here.
 */
final class Broker implements AutoCloseable {

    /** Enough to see per-key ordering at work without being slow to create. */
    static final int PARTITIONS = 3;

    private final EmbeddedKafkaKraftBroker broker;

    private final int port;

    private Broker(EmbeddedKafkaKraftBroker broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    static Broker start(int port, String topic) {
        var broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, topic);
        // Kafka 4's test kit binds its own listeners (EXTERNAL, CONTROLLER) to ports it picks, whatever the
        // listeners say; the clients' fixed port is a third listener, which it leaves alone.
        broker.brokerProperty(
                "listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0,CLIENT://127.0.0.1:" + port);
        broker.brokerProperty(
                "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,CLIENT:PLAINTEXT");
        broker.brokerProperty("auto.create.topics.enable", "false");
        try {
            broker.afterPropertiesSet();
            return new Broker(broker, port);
        } catch (RuntimeException ex) {
            try {
                broker.destroy();
            } catch (RuntimeException suppressed) {
                ex.addSuppressed(suppressed);
            }
            throw new DevStackException("Embedded Kafka did not start on port " + port + ": " + ex.getMessage(), ex);
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
