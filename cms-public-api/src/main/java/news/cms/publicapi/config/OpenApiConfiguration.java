package news.cms.publicapi.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import news.cms.publicapi.access.ApiKeyFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3.1 document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PARTNER_KEY = "partnerKey";

    @Bean
    OpenAPI publicApi() {
        return new OpenAPI()
                .info(new Info().title("Newsroom CMS public API").version("v1").description("""
                                Published stories in English, Arabic, Sorani Kurdish and Turkish as IPTC ninjs \
                                (2.2 by default, 3.1 with ?ninjs=3.1), a change feed with cursors, Atom, JSON \
                                Feed and search. Articles, search, Atom and JSON Feed are open; the change feed \
                                needs a partner key with the FEED scope, and embargoed stories a key with the \
                                EMBARGOED scope. Every answer carries RateLimit-* headers; errors are RFC 9457 \
                                problem details."""))
                .components(new Components()
                        .addSecuritySchemes(
                                PARTNER_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(ApiKeyFilter.HEADER)
                                        .description("A partner key issued by the newsroom's admin.")))
                .addSecurityItem(new SecurityRequirement().addList(PARTNER_KEY));
    }
}
