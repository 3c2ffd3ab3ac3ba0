package dev.watchword.query;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * query-service: learns of events only through Kafka, keeps the read models in PostgreSQL schema
 * {@code query} and serves them to holders of an access token.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QueryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
