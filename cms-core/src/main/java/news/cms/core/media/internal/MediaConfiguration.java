package news.cms.core.media.internal;

import news.cms.core.media.MediaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The decoding workers, shared by upload checks and rendition making. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Bean(destroyMethod = "close")
    DecodeWorkers mediaDecodeWorkers(MediaProperties properties) {
        return new DecodeWorkers(properties.decodeWorkers(), properties.decodeTimeout());
    }
}
