package dev.watchword.command.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class HashingBulkheadTest {

    @Test
    void runWhenEveryPermitHeldPastTheWaitThenServerBusyWithRetryAfter() throws Exception {
        HashingBulkhead bulkhead = new HashingBulkhead(1, Duration.ofMillis(50));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> busy = CompletableFuture.supplyAsync(() -> bulkhead.run(() -> {
            holding.countDown();
            await(release);
            return "done";
        }));
        holding.await();

        ServerBusy refused = catchThrowableOfType(ServerBusy.class, () -> bulkhead.run(() -> "second"));
        release.countDown();

        assertThat(refused.code().name()).isEqualTo("SERVER_BUSY");
        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(busy.get()).isEqualTo("done");
        assertThat(bulkhead.run(() -> "after")).as("the permit came back").isEqualTo("after");
    }

    @Test
    void responseWhenServerBusyThenProblemWithCodeAndRetryAfter() {
        var response = new ServerBusyResponses().busy(new ServerBusy(Duration.ofMillis(1500)));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(response.getBody().getProperties()).containsEntry("code", "SERVER_BUSY");
    }

    @Test
    void permitsWhenConcurrencyZeroThenTwicePerProcessor() {
        assertThat(new HashingSettings(0, Duration.ofSeconds(1)).permits())
                .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(new HashingSettings(3, Duration.ofSeconds(1)).permits()).isEqualTo(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
