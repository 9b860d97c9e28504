package news.cms.infra;

/** An engine could not be started or reached; the message names the cause and what to do. */
public class InfrastructureException extends RuntimeException {

    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
