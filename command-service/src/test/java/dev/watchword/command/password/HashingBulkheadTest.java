package dev.watchword.command.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class HashingBulkheadTest {

    @Test
    void runWhenEveryPermitHeldPastTheWaitThenServerBusyWithRetryAfter() throws Exception {
        HashingBulkhead bulkhead = new HashingBulkhead(1, 4, Duration.ofMillis(50));
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
    void runWhenQueueFullThenServerBusyAtOnceWithoutWaiting() throws Exception {
        HashingBulkhead bulkhead = new HashingBulkhead(1, 1, Duration.ofMinutes(5));
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = threads.submit(() -> bulkhead.run(() -> {
            holding.countDown();
            await(release);
            return "first";
        }));
        holding.await();
        Future<String> queued = threads.submit(() -> bulkhead.run(() -> "queued"));
        while (bulkhead.waiting() < 1) {
            Thread.onSpinWait();
        }

        ServerBusy refused = catchThrowableOfType(ServerBusy.class, () -> bulkhead.run(() -> "third"));
        release.countDown();

        assertThat(refused.code().name())
                .as("refused though the wait allows minutes")
                .isEqualTo("SERVER_BUSY");
        assertThat(first.get()).isEqualTo("first");
        assertThat(queued.get()).as("the one in the queue is served").isEqualTo("queued");
        assertThat(bulkhead.waiting()).isZero();
        threads.close();
    }

    @Test
    void runWhenThreadAlreadyHoldsATurnThenRunsInItWithoutAnother() {
        HashingBulkhead bulkhead = new HashingBulkhead(1, 0, Duration.ofMillis(1));

        String nested = bulkhead.run(() -> bulkhead.run(() -> "hashed inside the command's turn"));

        assertThat(nested).isEqualTo("hashed inside the command's turn");
        assertThat(bulkhead.run(() -> "next"))
                .as("the one permit came back once")
                .isEqualTo("next");
    }

    @Test
    void runWhenWorkFailsThenPermitReturnedAndTurnEnded() {
        HashingBulkhead bulkhead = new HashingBulkhead(1, 0, Duration.ofMillis(1));

        catchThrowableOfType(
                IllegalStateException.class,
                () -> bulkhead.run(() -> {
                    throw new IllegalStateException("command failed");
                }));

        assertThat(bulkhead.run(() -> "after")).isEqualTo("after");
    }

    @Test
    void permitsWhenConcurrencyZeroThenOnePerProcessorAndQueueThirtyTwoPerProcessor() {
        int processors = Runtime.getRuntime().availableProcessors();
        HashingSettings defaults = new HashingSettings(0, 0, Duration.ofSeconds(2));
        HashingSettings set = new HashingSettings(3, 7, Duration.ofSeconds(2));

        assertThat(defaults.permits()).isEqualTo(processors);
        assertThat(defaults.waiters()).isEqualTo(32 * processors);
        assertThat(set.permits()).isEqualTo(3);
        assertThat(set.waiters()).isEqualTo(7);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
