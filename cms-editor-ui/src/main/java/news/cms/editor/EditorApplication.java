package news.cms.editor;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;
import news.cms.core.CmsCoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The newsroom: reporters file stories, editors edit, approve and publish them. */
@SpringBootApplication
@Import(CmsCoreConfiguration.class)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/editor.css")
// Server push for live notifications (ADR 0023): WebSocket down to the browser, ordinary XHR
// requests up, so every request from the browser still passes Spring Security's filter chain.
@Push(transport = Transport.WEBSOCKET_XHR)
public class EditorApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(EditorApplication.class, args);
    }
}
