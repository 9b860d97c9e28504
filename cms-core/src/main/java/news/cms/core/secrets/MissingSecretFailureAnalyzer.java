package news.cms.core.secrets;

import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which secret to set, and under which environment variable, instead of a stack trace. */
class MissingSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecret> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSecret cause) {
        String variable = cause.property().replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
        return new FailureAnalysis(
                "The app refuses to start: " + cause.getMessage() + ".",
                "Set " + cause.property() + " (for example as the environment variable " + variable
                        + ") to a secret of your own; ./cms start makes its own, see docs/adr/0009.",
                cause);
    }
}
