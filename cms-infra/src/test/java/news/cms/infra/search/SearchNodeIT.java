package news.cms.infra.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import news.cms.infra.InfrastructureException;
import news.cms.infra.engines.EngineVersions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real Elasticsearch nodes from the cms-search-node distribution. */
class SearchNodeIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    @Test
    void runsThePinnedVersionWithOurSoraniAnalyzerAndStopsWithoutATrace() throws Exception {
        long begin = System.nanoTime();
        SearchNode node = SearchNode.start(SearchNodeOptions.ephemeral());
        long startMillis = (System.nanoTime() - begin) / 1_000_000;
        long pid = node.pid();
        Path data = node.dataDirectory();
        try {
            URI uri = node.uri();
            assertThat(uri.toString()).startsWith("http://127.0.0.1:");
            System.out.printf(
                    "search node started in %d ms, RSS %s kB%n",
                    startMillis, rssKilobytes(pid).orElse("?"));

            HttpResponse<String> nodes = send("GET", uri, "/_nodes", null);
            assertThat(nodes.headers().firstValue("X-Elastic-Product")).contains("Elasticsearch");
            List<String> versions = JsonPath.read(nodes.body(), "$.nodes.*.version");
            assertThat(versions).containsExactly(EngineVersions.pinned().elasticsearchVersion());
            assertThat(versions).containsExactly("9.5.3");

            String mapping = """
                    {"settings": {"number_of_shards": 1, "number_of_replicas": 0,
                        "analysis": {"normalizer": {"folded": {"type": "custom",
                            "filter": ["cms_arabic_script_folding"]}}}},
                     "mappings": {"properties": {
                        "body_ckb": {"type": "text", "analyzer": "cms_sorani"},
                        "body_ar": {"type": "text", "analyzer": "cms_arabic"},
                        "tag": {"type": "keyword", "normalizer": "folded"}}}}""";
            assertThat(send("PUT", uri, "/articles", mapping).statusCode()).isEqualTo(200);

            // "Erbil is the capital of the Kurdistan Region", with Sorani letters ی ک ە
            String sorani = "هەولێر پایتەختی هەرێمی کوردستانە";
            // "The Kurdistan parliament met in Erbil", with Arabic letters
            String arabic = "اجتمع برلمان كوردستان في مدينة أربيل";
            put(uri, "/articles/_doc/1?refresh=true", "{\"body_ckb\": \"" + sorani + "\", \"tag\": \"کوردستان\"}");
            put(uri, "/articles/_doc/2?refresh=true", "{\"body_ar\": \"" + arabic + "\"}");
            // "The citadel of the city is old", typed on an Arabic keyboard: ك ه ي for ک ە ی
            put(uri, "/articles/_doc/3?refresh=true", "{\"body_ckb\": \"قهڵاكهي شارهكه كۆنه\"}");

            // the Sorani query typed with Arabic letters ي ك ه finds the text written with ی ک ە
            assertThat(hits(
                            uri,
                            "{\"query\": {\"match\": {\"body_ckb\": {\"query\": \"كوردستانه پايتهختي\","
                                    + " \"operator\": \"and\"}}}}"))
                    .containsExactly("1");
            // and the other way round: Sorani letters find the text typed with Arabic letters
            assertThat(hits(
                            uri,
                            "{\"query\": {\"match\": {\"body_ckb\": {\"query\": \"قەڵاکەی شارەکە\","
                                    + " \"operator\": \"and\"}}}}"))
                    .containsExactly("3");
            // an Arabic query typed with Persian/Kurdish letters finds the Arabic text
            assertThat(hits(
                            uri,
                            "{\"query\": {\"match\": {\"body_ar\": {\"query\": \"مدینە کوردستان\","
                                    + " \"operator\": \"and\"}}}}"))
                    .containsExactly("2");
            // the folding filter works in a normalizer, for keyword fields
            assertThat(hits(uri, "{\"query\": {\"term\": {\"tag\": \"كوردستان\"}}}"))
                    .containsExactly("1");
        } finally {
            node.close();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("the child JVM is gone after close()")
                .isFalse();
        assertThat(data).as("temporary data is deleted").doesNotExist();
        node.close(); // a second close does nothing
    }

    @Test
    void aNodeKilledWithMinus9LeavesNoLockThatBlocksTheNextStart() throws Exception {
        Path data = tmp.resolve("elasticsearch");
        SearchNodeOptions options = SearchNodeOptions.persistent(0, data);
        SearchNode first = SearchNode.start(options);
        try {
            put(first.uri(), "/kept?wait_for_active_shards=1", "{\"settings\": {\"number_of_replicas\": 0}}");
            put(first.uri(), "/kept/_doc/1?refresh=true", "{\"title\": \"Hewlêr\"}");
            ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
            ProcessHandle.of(first.pid()).orElseThrow().onExit().get(15, TimeUnit.SECONDS);
        } finally {
            first.close();
        }
        assertThat(data.resolve("node.lock")).exists();

        try (SearchNode second = SearchNode.start(options)) {
            HttpResponse<String> doc = send("GET", second.uri(), "/kept/_doc/1", null);
            assertThat(doc.statusCode()).isEqualTo(200);
            assertThat(doc.body()).contains("Hewlêr");
        }
        assertThat(data).as("persistent data is kept").isDirectory();
    }

    @Test
    void aParentKilledWithMinus9TakesTheNodeWithIt() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                SearchNode.javaExecutable(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dcms.root=" + System.getProperty("cms.root", ""),
                OrphanParentMain.class.getName()));
        if (System.getProperty("cms.search-node.home") != null) {
            command.add(3, "-Dcms.search-node.home=" + System.getProperty("cms.search-node.home"));
        }
        Process parent = new ProcessBuilder(command).redirectErrorStream(true).start();
        long childPid;
        Path childData;
        try {
            String line = readPidLine(parent, Duration.ofSeconds(120));
            String[] parts = line.substring(OrphanParentMain.PID_LINE.length()).split(" ", 2);
            childPid = Long.parseLong(parts[0]);
            childData = Path.of(parts[1]);
            ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
            assertThat(child.isAlive()).isTrue();
            assertThat(child.parent().map(ProcessHandle::pid)).contains(parent.pid());

            parent.destroyForcibly(); // SIGKILL: no shutdown hooks run in the parent
            parent.waitFor(10, TimeUnit.SECONDS);

            long begin = System.nanoTime();
            boolean exited;
            try {
                child.onExit().get(15, TimeUnit.SECONDS);
                exited = true;
            } catch (TimeoutException e) {
                exited = false;
            }
            if (!exited) {
                child.destroyForcibly();
            }
            assertThat(exited).as("the orphaned node stops within 15 s").isTrue();
            System.out.printf(
                    "orphaned node stopped %d ms after its parent was killed%n",
                    (System.nanoTime() - begin) / 1_000_000);
        } finally {
            parent.destroyForcibly();
        }
        assertThat(childData).as("the orphan deleted its temporary data").doesNotExist();
    }

    @Test
    void aSecondNodeOnTheSameDataFolderFailsWithAClearMessageAndLeavesNothingRunning() {
        Path data = tmp.resolve("shared");
        try (SearchNode first = SearchNode.start(SearchNodeOptions.persistent(0, data))) {
            assertThatThrownBy(() -> SearchNode.start(SearchNodeOptions.persistent(0, data)))
                    .isInstanceOf(InfrastructureException.class)
                    .hasMessageContaining("another Elasticsearch node is using the data folder " + data);
            assertThat(searchNodeChildren()).containsExactly(first.pid());
        }
        assertThat(searchNodeChildren()).isEmpty();
    }

    @Test
    void aStartThatTakesTooLongIsStoppedAndReported() {
        assertThatThrownBy(
                        () -> SearchNode.start(SearchNodeOptions.ephemeral().withStartTimeout(Duration.ofMillis(500))))
                .isInstanceOf(InfrastructureException.class)
                .hasMessageStartingWith("Elasticsearch did not start within 0.5 s; last output:");
        assertThat(searchNodeChildren()).isEmpty();
    }

    /** Search node JVMs started by this JVM that are still alive. */
    private static List<Long> searchNodeChildren() {
        return ProcessHandle.current()
                .children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(SearchNode.MAIN_CLASS))
                .map(ProcessHandle::pid)
                .toList();
    }

    @Test
    void aTakenFixedPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> SearchNode.start(SearchNodeOptions.persistent(port, tmp.resolve("es"))))
                    .isInstanceOf(InfrastructureException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("already in use");
        }
    }

    private static String readPidLine(Process parent, Duration timeout) throws Exception {
        CompletableFuture<String> pidLine = new CompletableFuture<>();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith(OrphanParentMain.PID_LINE)) {
                        pidLine.complete(line);
                    } else {
                        synchronized (output) {
                            output.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                // the parent was killed
            }
            synchronized (output) {
                pidLine.completeExceptionally(new AssertionError("the parent JVM ended: " + String.join("\n", output)));
            }
        });
        reader.setDaemon(true);
        reader.start();
        return pidLine.get(timeout.toSeconds(), TimeUnit.SECONDS);
    }

    private static Optional<String> rssKilobytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.replaceAll("\\D", ""))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<String> hits(URI uri, String query) throws Exception {
        HttpResponse<String> response = send("POST", uri, "/articles/_search", query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.hits.hits[*]._id");
    }

    private static void put(URI uri, String path, String json) throws Exception {
        HttpResponse<String> response = send("PUT", uri, path, json);
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }

    private static HttpResponse<String> send(String method, URI uri, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri.resolve(path)).timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
