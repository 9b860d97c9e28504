package news.cms.publicapi.config;

import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.access.ApiKeyFilter;
import news.cms.publicapi.access.PublicApiRateLimits;
import news.cms.publicapi.access.RateLimitFilter;
import news.cms.publicapi.cors.ReaderCors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless. The change feed needs a partner key with the {@code FEED} scope, for GET and HEAD
 * alike (a HEAD tells as much as a GET: status, validators, length). Everything else is open and
 * rate-limited per key or address, and what nobody serves is a 404 (or 405) problem from Spring MVC
 * rather than a 401: refusing an unknown path would only say that it needs a key. Health and
 * metrics live on the management port.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String FEED = "/v1/feed";

    @Bean
    SecurityFilterChain api(
            HttpSecurity http, PartnerKeyService keys, PublicApiRateLimits limits, ReaderCors cors, JsonMapper json)
            throws Exception {
        ApiKeyFilter apiKeys = new ApiKeyFilter(keys, limits, json);
        if (cors.source() != null) {
            CorsFilter corsFilter = new CorsFilter(cors.source());
            corsFilter.setCorsProcessor(cors.processor());
            // Before the key check, so that a browser can read the 401 too.
            http.addFilterAfter(corsFilter, SecurityContextHolderFilter.class);
            http.addFilterAfter(apiKeys, CorsFilter.class);
        } else {
            http.addFilterAfter(apiKeys, SecurityContextHolderFilter.class);
        }
        return http.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, FEED)
                        .hasAuthority("SCOPE_" + PartnerScope.FEED.name())
                        .requestMatchers(HttpMethod.HEAD, FEED)
                        .hasAuthority("SCOPE_" + PartnerScope.FEED.name())
                        // A partner's replay of its push subscription (docs/adr/0029).
                        .requestMatchers(HttpMethod.POST, "/v1/push/replay")
                        .hasAuthority("SCOPE_" + PartnerScope.FEED.name())
                        // Open reads, the API documents, other methods (405) and unknown paths (404).
                        .anyRequest()
                        .permitAll())
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
                .cors(c -> c.disable()) // ours above, with problems for refusals
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .anonymous(a -> {})
                .build();
    }
}
