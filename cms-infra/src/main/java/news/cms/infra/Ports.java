package news.cms.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks done before an engine starts, so that a taken port is reported by name. */
public final class Ports {

    private Ports() {}

    /**
     * @throws InfrastructureException naming the port and the service when something listens there
     */
    public static void requireFree(int port, String service) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new InfrastructureException("port " + port + " for " + service + " is already in use: stop what "
                    + "listens there (ss -ltnp 'sport = :" + port + "' shows it) or choose another port");
        }
    }
}
