package dev.watchword.query.appscope;

import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AdminScopeWebConfiguration implements WebMvcConfigurer {

    static {
        // The scope comes from the caller's credentials, never from the request: not a parameter of the API.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AdminScope.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AdminScopeArgumentResolver());
    }
}
