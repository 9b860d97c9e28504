package news.cms.publicapi.article;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where this API is reached ({@code cms.public-api.base-url}, as the feeds use it): for rendition links. */
@ConfigurationProperties("cms.public-api")
record PublicLinks(@DefaultValue("http://localhost:8081") URI baseUrl) {}
