package dev.watchword.command.app;

import dev.watchword.command.apikey.ApiKeyDirectory;
import dev.watchword.command.appdirectory.AppDirectory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processor of the {@link ApiKeyDirectory} and the {@link AppDirectory} (one pass over the log feeds both): tracking, from the start of the log on every boot (its token in
 * memory, like the directory itself), and stopped rather than skipping an event it failed on, since a skipped
 * {@code ApiKeyRevoked} would leave a revoked key working.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientAppsSettings.class)
public class ClientAppConfiguration {

    @Bean
    public ConfigurerModule apiKeyDirectoryProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(AppDirectory.PROCESSING_GROUP)
                .registerTrackingEventProcessorConfiguration(
                        AppDirectory.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(500))
                .registerTokenStore(AppDirectory.PROCESSING_GROUP, c -> new InMemoryTokenStore())
                .registerListenerInvocationErrorHandler(
                        AppDirectory.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
