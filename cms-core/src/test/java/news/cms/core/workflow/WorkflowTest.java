package news.cms.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import news.cms.core.account.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, action, actor) triple against the workflow table written out by hand in
 * {@code workflow/table.csv}: allowed ones lead to the table's state, the rest are refused with
 * the right exception.
 */
class WorkflowTest {

    /** The people who try every action on a story written by reporter "rezan". */
    private static final Map<String, Actor> ACTORS = Map.of(
            "author (reporter)", Actor.person("rezan", Set.of(Role.REPORTER)),
            "another reporter", Actor.person("selin", Set.of(Role.REPORTER)),
            "editor", Actor.person("layla", Set.of(Role.EDITOR)),
            "editor who wrote it alone", Actor.person("rezan-editor", Set.of(Role.EDITOR)),
            "moderator", Actor.person("karwan", Set.of(Role.MODERATOR)),
            "admin only", Actor.person("root", Set.of(Role.ADMIN)),
            "scheduler", Actor.SCHEDULER);

    private record Row(ArticleState from, Action action, ArticleState to, String who) {}

    static Stream<Arguments> everyTriple() throws IOException {
        List<Row> table = table();
        List<Arguments> triples = new ArrayList<>();
        for (ArticleState state : ArticleState.values()) {
            for (Action action : Action.values()) {
                if (action == Action.CREATE) {
                    continue; // not a transition: a new draft has no state to come from
                }
                for (var actor : ACTORS.entrySet()) {
                    triples.add(Arguments.of(
                            state, action, actor.getKey(), expected(table, state, action, actor.getKey())));
                }
            }
        }
        return triples.stream();
    }

    @ParameterizedTest(name = "{2} {1} from {0} -> {3}")
    @MethodSource("everyTriple")
    void followsTheTable(ArticleState state, Action action, String actorName, String expected) {
        Actor actor = ACTORS.get(actorName);
        Authorship authorship =
                actorName.equals("editor who wrote it alone") ? Authorship.of("rezan-editor") : Authorship.of("rezan");
        switch (expected) {
            case "ILLEGAL" ->
                assertThatThrownBy(() -> Workflow.check(state, action, actor, authorship))
                        .isInstanceOf(IllegalTransition.class);
            case "DENIED" ->
                assertThatThrownBy(() -> Workflow.check(state, action, actor, authorship))
                        .isInstanceOf(NotPermitted.class);
            default -> {
                assertThat(Workflow.check(state, action, actor, authorship)).isEqualTo(ArticleState.valueOf(expected));
                assertThat(Workflow.allowed(state, actor, authorship)).contains(action);
            }
        }
        if (!expected.equals("ILLEGAL") && !expected.equals("DENIED")) {
            return;
        }
        assertThat(Workflow.allowed(state, actor, authorship)).doesNotContain(action);
    }

    @ParameterizedTest
    @MethodSource("fourEyes")
    void theSoleAuthorCannotApproveButACoAuthoredStoryCanBeApprovedByTheOtherEditor(
            Authorship authors, boolean allowed) {
        Actor editor = Actor.person("layla", Set.of(Role.EDITOR));
        if (allowed) {
            assertThat(Workflow.check(ArticleState.SUBMITTED, Action.APPROVE, editor, authors))
                    .isEqualTo(ArticleState.APPROVED);
        } else {
            assertThatThrownBy(() -> Workflow.check(ArticleState.SUBMITTED, Action.APPROVE, editor, authors))
                    .isInstanceOf(NotPermitted.class)
                    .hasMessageContaining("sole author");
        }
    }

    static Stream<Arguments> fourEyes() {
        return Stream.of(
                Arguments.of(Authorship.of("layla"), false),
                Arguments.of(Authorship.of("layla", "rezan"), true),
                Arguments.of(Authorship.of("rezan"), true));
    }

    /** What the table says for this triple: the target state, ILLEGAL (no such row) or DENIED (not this actor). */
    private static String expected(List<Row> table, ArticleState state, Action action, String actor) {
        List<Row> rows = table.stream()
                .filter(r -> r.from() == state && r.action() == action)
                .toList();
        if (rows.isEmpty()) {
            return "ILLEGAL";
        }
        Row row = rows.getFirst();
        boolean permitted = switch (row.who()) {
            case "AUTHOR+EDITOR" -> actor.equals("author (reporter)") || actor.startsWith("editor");
            case "EDITOR" -> actor.startsWith("editor");
            case "SECOND_EDITOR" -> actor.equals("editor");
            case "SCHEDULER" -> actor.equals("scheduler");
            default -> throw new IllegalStateException("unknown who: " + row.who());
        };
        return permitted ? row.to().name() : "DENIED";
    }

    private static List<Row> table() throws IOException {
        try (InputStream in = WorkflowTest.class.getResourceAsStream("/workflow/table.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(","))
                    .map(f ->
                            new Row(ArticleState.valueOf(f[0]), Action.valueOf(f[1]), ArticleState.valueOf(f[2]), f[3]))
                    .toList();
        }
    }
}
