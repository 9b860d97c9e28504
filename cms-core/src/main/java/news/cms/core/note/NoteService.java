package news.cms.core.note;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import news.cms.core.account.AccountService;
import news.cms.core.account.CurrentUser;
import news.cms.core.account.UserAccount;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.article.ArticleService;
import news.cms.core.audit.AuditLog;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Texts;
import news.cms.core.note.internal.DeskRepository;
import news.cms.core.note.internal.NoteRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A story's notes thread. Notes follow the story's permissions: every method first reads the story
 * through {@link ArticleService#find}, so whoever may see the story may read and add its notes, and
 * nobody else. Adding a note records one {@link NoteAdded} event in the outbox.
 */
@Service
public class NoteService {

    private static final String STAFF = "hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')";

    public static final int MAX_TEXT = 4_000;

    /** The most notes a desk's list shows. */
    public static final int DESK_LIMIT = 200;

    private final NoteRepository notes;
    private final DeskRepository desks;
    private final ArticleService articles;
    private final AccountService accounts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoteService(
            NoteRepository notes,
            DeskRepository desks,
            ArticleService articles,
            AccountService accounts,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.notes = notes;
        this.desks = desks;
        this.articles = articles;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds a note to the story's thread, on a passage or (anchor null) on the whole story; its
     * {@code @names} that match a user or a desk become mentions.
     *
     * @throws ArticleNotFound when there is no such story
     * @throws QuoteNotFound when the anchor's paragraph does not hold its quote
     * @throws InvalidText for an empty, broken or too long text
     */
    @PreAuthorize(STAFF)
    @Transactional
    public Note add(ArticleId articleId, String text, @Nullable Anchor anchor) {
        String me = CurrentUser.get().name();
        Article story = story(articleId);
        String cleaned = Texts.required(text, "note");
        if (cleaned.length() > MAX_TEXT) {
            throw new InvalidText(
                    "a note is longer than " + MAX_TEXT + " characters",
                    "note",
                    InvalidText.Problem.TOO_LONG,
                    MAX_TEXT,
                    null);
        }
        if (anchor != null && !Passages.holds(anchor, story.content().body())) {
            throw new QuoteNotFound(anchor.paragraph());
        }
        MentionPreview resolved = resolve(cleaned, me);
        NoteRepository.Row row = new NoteRepository.Row(
                NoteId.random(), articleId, me, cleaned, anchor, clock.instant(), null, null, resolved.mentions());
        notes.insert(row);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("note", row.id().toString());
        if (anchor != null) {
            details.put("paragraph", Integer.toString(anchor.paragraph()));
        }
        if (!resolved.mentions().isEmpty()) {
            details.put(
                    "mentions",
                    resolved.mentions().stream()
                            .map(m -> (m.kind() == Mention.Kind.DESK ? "desk:" : "") + m.name())
                            .collect(Collectors.joining(" ")));
        }
        audit.record(me, "note.add", "article", articleId.toString(), details);
        events.publishEvent(new NoteAdded(row.id(), articleId, me, resolved.recipients(), row.createdAt()));
        return placed(row, story.content().body());
    }

    /** The story's thread, oldest first, each note placed against the current body. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Note> thread(ArticleId articleId) {
        String body = story(articleId).content().body();
        return notes.thread(articleId).stream().map(r -> placed(r, body)).toList();
    }

    /** How many of the story's notes are open: publishing asks first when there are any. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public int openCount(ArticleId articleId) {
        story(articleId);
        return notes.openCount(articleId);
    }

    /**
     * The open notes on a section's stories, or on every story when {@code section} is null or blank,
     * newest first (at most {@link #DESK_LIMIT}). Staff may see every story, so every story's notes.
     */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<DeskNote> openOnDesk(@Nullable String section) {
        String desk = section == null || section.isBlank() ? null : section.strip();
        return notes.openOnDesk(desk, DESK_LIMIT).stream()
                .map(o -> new DeskNote(
                        placed(o.note(), o.body()), o.headline(), o.section(), LanguageTag.of(o.language())))
                .toList();
    }

    /** Marks the note resolved; resolving a resolved note changes nothing. */
    @PreAuthorize(STAFF)
    @Transactional
    public Note resolve(NoteId id) {
        return settle(id, true);
    }

    /** Opens a resolved note again; reopening an open note changes nothing. */
    @PreAuthorize(STAFF)
    @Transactional
    public Note reopen(NoteId id) {
        return settle(id, false);
    }

    /** Who a note with this text would tell (the writer left out), and the names that match nobody. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public MentionPreview preview(String text) {
        return resolve(text == null ? "" : text, CurrentUser.get().name());
    }

    private Note settle(NoteId id, boolean resolve) {
        String me = CurrentUser.get().name();
        NoteRepository.Row row = notes.find(id).orElseThrow(() -> new NoteNotFound(id));
        Article story = story(row.articleId());
        Instant now = clock.instant();
        boolean changed = resolve ? notes.resolve(id, me, now) : notes.reopen(id);
        if (changed) {
            audit.record(
                    me,
                    resolve ? "note.resolve" : "note.reopen",
                    "article",
                    row.articleId().toString(),
                    Map.of("note", id.toString()));
        }
        NoteRepository.Row settled = notes.find(id).orElseThrow(() -> new NoteNotFound(id));
        return placed(settled, story.content().body());
    }

    private Article story(ArticleId id) {
        return articles.find(id).orElseThrow(() -> new ArticleNotFound(id));
    }

    /** Each {@code @name}: an enabled user first, else a desk with members, else unknown. */
    private MentionPreview resolve(String text, String writer) {
        List<Mention> mentions = new ArrayList<>();
        Set<String> recipients = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : Passages.mentionedNames(text)) {
            String username = name.toLowerCase(Locale.ROOT);
            var user = accounts.find(username).filter(UserAccount::enabled);
            if (user.isPresent()) {
                mentions.add(Mention.user(username));
                recipients.add(username);
                continue;
            }
            var desk = desks.section(name);
            if (desk.isPresent()) {
                mentions.add(Mention.desk(desk.get()));
                for (String member : desks.members(desk.get())) {
                    accounts.find(member).filter(UserAccount::enabled).ifPresent(u -> recipients.add(u.username()));
                }
                continue;
            }
            unknown.add(name);
        }
        recipients.remove(writer);
        return new MentionPreview(mentions.stream().distinct().toList(), recipients, unknown);
    }

    private static Note placed(NoteRepository.Row r, String body) {
        Placement placement;
        Integer paragraph = null;
        if (r.anchor() == null) {
            placement = Placement.STORY;
        } else {
            paragraph = Passages.find(r.anchor(), body);
            placement = paragraph == null ? Placement.DETACHED : Placement.PASSAGE;
        }
        return new Note(
                r.id(),
                r.articleId(),
                r.author(),
                r.text(),
                r.anchor(),
                r.createdAt(),
                r.resolvedAt(),
                r.resolvedBy(),
                r.mentions(),
                placement,
                paragraph);
    }
}
