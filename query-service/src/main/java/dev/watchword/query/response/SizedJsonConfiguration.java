package dev.watchword.query.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

@Configuration(proxyBeanMethods = false)
class SizedJsonConfiguration {

    /** Takes the place of Spring Boot's own JSON converter (it backs off for any bean of this type). */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper json) {
        return new SizedJsonConverter(json);
    }
}
