package news.cms.publicapi;

import news.cms.core.CmsCoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The read API that partners and readers consume. */
@SpringBootApplication
@Import(CmsCoreConfiguration.class)
public class PublicApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublicApiApplication.class, args);
    }
}
