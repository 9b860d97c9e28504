package news.cms.infra.search;

/**
 * A stand-in for a test or dev-stack JVM: starts a search node, prints its pid and waits to be
 * killed. {@link SearchNodeIT} kills this JVM with kill -9 and checks the node follows.
 */
public final class OrphanParentMain {

    static final String PID_LINE = "SEARCH-NODE-PID ";

    private OrphanParentMain() {}

    public static void main(String[] args) throws InterruptedException {
        SearchNode node = SearchNode.start(SearchNodeOptions.ephemeral());
        System.out.println(PID_LINE + node.pid() + " " + node.dataDirectory());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
