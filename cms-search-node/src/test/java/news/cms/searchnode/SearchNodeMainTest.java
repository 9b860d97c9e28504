package news.cms.searchnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchNodeMainTest {

    @Test
    void argumentsOverrideSystemProperties() {
        System.setProperty("cms.search-node.http-port", "9200");
        System.setProperty("cms.search-node.cluster-name", "from-property");
        try {
            var options = SearchNodeMain.options(new String[] {"--http-port=0", "--data=/tmp/x"});
            assertThat(options)
                    .containsEntry("http-port", "0")
                    .containsEntry("data", "/tmp/x")
                    .containsEntry("cluster-name", "from-property");
        } finally {
            System.clearProperty("cms.search-node.http-port");
            System.clearProperty("cms.search-node.cluster-name");
        }
    }

    @Test
    void argumentsMustBeNameValuePairs() {
        assertThatThrownBy(() -> SearchNodeMain.options(new String[] {"9200"})).hasMessageContaining("--name=value");
    }
}
