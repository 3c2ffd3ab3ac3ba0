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

	private Broker(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	static Broker start(int port, String topic) {
		var broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, topic);
		// The test kit binds random ports unless the listeners are given; only the client listener needs a fixed one.
		broker.brokerProperty("listeners", "EXTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:0");
		broker.brokerProperty("auto.create.topics.enable", "false");
		try {
			broker.afterPropertiesSet();
			return new Broker(broker);
		}
		catch (RuntimeException ex) {
			try {
				broker.destroy();
			}
			catch (RuntimeException suppressed) {
				ex.addSuppressed(suppressed);
			}
			throw new DevStackException("Embedded Kafka did not start on port " + port + ": " + ex.getMessage(), ex);
		}
	}

	String bootstrapServers() {
		return broker.getBrokersAsString();
	}

	@Override
	public void close() {
		broker.destroy();
	}

}
