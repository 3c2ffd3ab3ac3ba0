package dev.watchword.query.replay;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How replays read the log and report.
 *
 * @param batchSize        events read and applied per database transaction. The default is 2,000.
 * @param pollInterval     how often a replay at the head of the log looks for new events. The default is 250 ms.
 * @param progressInterval how often progress (position, lag, events per second) is written to the {@code replay}
 *                         table, which is also the running instance's heartbeat. The default is 1 second.
 * @param staleAfter       a replay whose heartbeat is older than this is taken for dead (its instance stopped), so
 *                         any instance may abandon it. The default is 30 seconds.
 * @param switchWait       how long {@code POST .../switch} waits for the switch-over before answering 202 instead
 *                         of 200. The default is 20 seconds, below the gateway's 30-second read
 *                         timeout, so the operator gets the 202 rather than a gateway error.
 */
@Validated
@ConfigurationProperties("watchword.replay")
public record ReplayProperties(
        @Min(1) @Max(100_000) @DefaultValue("2000") int batchSize,
        @NotNull @DefaultValue("250ms") Duration pollInterval,
        @NotNull @DefaultValue("1s") Duration progressInterval,
        @NotNull @DefaultValue("30s") Duration staleAfter,
        @NotNull @DefaultValue("20s") Duration switchWait) {}
