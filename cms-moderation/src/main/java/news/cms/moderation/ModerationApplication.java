package news.cms.moderation;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import news.cms.core.CmsCoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Reader comments: intake, screening and the moderators' queue. */
@SpringBootApplication
@Import(CmsCoreConfiguration.class)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/moderation.css")
public class ModerationApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(ModerationApplication.class, args);
    }
}
