package io.jangteo.graphql.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The support console is a static page under {@code static/support/}; its address is {@code /support}, with or
 * without the trailing slash. Forwarded rather than redirected so the address a support agent bookmarks stays as
 * typed; the page names its assets by absolute path, so either form finds them. Its data comes from {@code /graphql}
 * with the agent's bearer token; the page itself holds nothing secret.
 */
@Configuration(proxyBeanMethods = false)
class SupportConsolePage implements WebMvcConfigurer {

    static final String PAGE = "/support/index.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/support").setViewName("forward:" + PAGE);
        registry.addViewController("/support/").setViewName("forward:" + PAGE);
    }
}
