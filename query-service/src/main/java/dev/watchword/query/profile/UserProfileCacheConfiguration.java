package dev.watchword.query.profile;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UserProfileCacheConfiguration {

    @Bean
    UserProfileCache userProfileCache(UserProfiles table, UserProfileCacheProperties properties) {
        return new UserProfileCache(
                table::getUserProfileById, properties.cacheTtl(), properties.cacheMaximumSize(), Ticker.systemTicker());
    }
}
