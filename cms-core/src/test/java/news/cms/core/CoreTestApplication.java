package news.cms.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots cms-core alone for its integration tests; the apps boot it with their own classes. */
@SpringBootApplication
public class CoreTestApplication {}
