package news.cms.publicapi.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Stateless: reader endpoints are open, everything else is refused until partner keys exist. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                HttpMethod.GET,
                                "/v1/articles/*",
                                "/v1/search",
                                "/v1/feed",
                                "/v1/feed.atom",
                                "/v1/feed.json")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/error")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies, no sessions: nothing for CSRF to protect
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .build();
    }
}
