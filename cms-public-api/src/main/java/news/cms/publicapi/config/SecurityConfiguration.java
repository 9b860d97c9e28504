package news.cms.publicapi.config;

import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.access.ApiKeyFilter;
import news.cms.publicapi.access.RateLimitFilter;
import news.cms.publicapi.access.RateLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless. Reader endpoints are open (and rate-limited per address); the change feed needs a
 * partner key with the {@code FEED} scope. The OpenAPI document and Swagger UI are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, PartnerKeyService keys, RateLimits limits, JsonMapper json)
            throws Exception {
        ApiKeyFilter apiKeys = new ApiKeyFilter(keys, json);
        return http.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/v1/feed")
                        .hasAuthority("SCOPE_" + PartnerScope.FEED.name())
                        .requestMatchers(
                                HttpMethod.GET, "/v1/articles/*", "/v1/search", "/v1/feed.atom", "/v1/feed.json")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/v3/api-docs.yaml",
                                "/swagger-ui.html",
                                "/swagger-ui/**")
                        .permitAll()
                        // Served only on the management port (9081 in the dev stack), which stays
                        // inside the platform's network.
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error")
                        .permitAll()
                        // Other methods and unknown paths under /v1 get MVC's 405 or 404 problem.
                        .requestMatchers("/v1/**")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .addFilterAfter(apiKeys, SecurityContextHolderFilter.class)
                .addFilterBefore(new RateLimitFilter(limits), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"");
                            Problems.write(
                                    response,
                                    json,
                                    HttpStatus.UNAUTHORIZED,
                                    "api-key-required",
                                    "API key required",
                                    "This endpoint is for partners: send your key in the " + ApiKeyFilter.HEADER
                                            + " header.");
                        })
                        .accessDeniedHandler((request, response, ex) -> Problems.write(
                                response,
                                json,
                                HttpStatus.FORBIDDEN,
                                "scope-missing",
                                "Not allowed for this key",
                                "Your key lacks the scope this endpoint needs; ask the newsroom to extend it.")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies, no sessions: nothing for CSRF to protect
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .anonymous(a -> {})
                .build();
    }
}
