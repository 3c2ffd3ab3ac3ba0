package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.watchword.command.it.RateLimitIT.Client;
import dev.watchword.command.it.RateLimitIT.Response;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Rate limits with the defaults an operator gets without configuring anything: trusted proxies (loopback only)
 * and what happens while the buckets' store does not answer. Its own schema, so that locking its bucket table
 * stops no other test's limits.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=${SPRING_DATASOURCE_URL:jdbc:postgresql://127.0.0.1:5432/postgres}",
            "spring.datasource.username=postgres",
            "spring.datasource.password=",
            "spring.datasource.hikari.schema=it_command_limit_defaults",
            "spring.flyway.schemas=it_command_limit_defaults",
            "spring.flyway.default-schema=it_command_limit_defaults",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "watchword.sealing-key=" + ApiITSupport.SEALING_KEY,
            "watchword.rate-limits.store-timeout=1s",
            "watchword.rate-limits.login.per-ip.capacity=3",
            "watchword.rate-limits.login.per-ip.period=1h"
        })
@EmbeddedKafka(partitions = 1, topics = "watchword.events")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitDefaultsIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    /** The schema outlives a run, and this machine's own address keeps its bucket: every test starts empty. */
    @BeforeEach
    void emptyBuckets() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement delete = connection.createStatement()) {
            delete.execute("DELETE FROM rate_limit_bucket");
        }
    }

    /** From 198.18.0.0/15 (RFC 2544): random, so buckets of earlier runs do not matter. */
    private static String newClientAddress() {
        int host = ThreadLocalRandom.current().nextInt(1 << 17);
        return "198." + (18 + (host >> 16)) + "." + ((host >> 8) & 0xff) + "." + (host & 0xff);
    }

    private static Response wrongLogin(Client client, String clientAddress) {
        return client.post(
                "/api/auth/login/",
                Map.of("email", "limits-" + UUID.randomUUID() + "@example.com", "password", "not the password 1"),
                "X-Forwarded-For",
                clientAddress);
    }

    @Test
    void loginWhenBucketTableLockedThenStillLimited() throws SQLException {
        Client proxy = new Client(port, InetAddress.getLoopbackAddress());
        String address = newClientAddress();
        List<Integer> statuses = new ArrayList<>();
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE rate_limit_bucket IN ACCESS EXCLUSIVE MODE");
            }
            try {
                for (int i = 0; i < 4; i++) {
                    statuses.add(wrongLogin(proxy, address).status());
                }
            } finally {
                locker.rollback();
            }
        }

        assertThat(statuses).containsExactly(401, 401, 401, 429);
    }

    @Test
    void loginWhenForwardedForFromUntrustedPrivateAddressThenIgnored() throws SocketException {
        // A unique-local (fc00::/7) or RFC 1918 address of this machine: private, but not a configured proxy.
        Optional<InetAddress> privateAddress = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a ->
                        a.isSiteLocalAddress() || (a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc))
                .findFirst();
        assumeTrue(privateAddress.isPresent(), "this machine has no private address to connect from");
        Client fromPrivateNetwork = new Client(port, privateAddress.get(), privateAddress.get());

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // a new made-up client address every time: believed, each would get a fresh bucket
            statuses.add(wrongLogin(fromPrivateNetwork, newClientAddress()).status());
        }

        assertThat(statuses).containsExactly(401, 401, 401, 429);
    }
}
