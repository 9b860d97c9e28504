package news.cms.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import news.cms.core.audit.AuditQuery;
import news.cms.testsupport.CmsIntegrationTest;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PostFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.access.prepost.PreFilter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;

/**
 * The role × action matrix over every public method of every cms-core service, found by reflection
 * on the running context: a method that is not in {@link #MATRIX} fails, so a new method (guarded or
 * not) needs a decision here. Each cell is checked twice: the method's {@code @PreAuthorize} decides
 * as the matrix says, and calling a denied cell through the real proxy is refused before the method
 * runs (with no arguments that could matter: denial comes first).
 */
@CmsIntegrationTest
class ServiceRoleMatrixIT {

    /** Who calls: nobody signed in, or one staff role. */
    enum Caller {
        ANONYMOUS,
        REPORTER,
        EDITOR,
        MODERATOR,
        ADMIN;

        Authentication authentication() {
            if (this == ANONYMOUS) {
                return new AnonymousAuthenticationToken(
                        "matrix", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
            }
            return UsernamePasswordAuthenticationToken.authenticated(
                    name().toLowerCase(), null, AuthorityUtils.createAuthorityList("ROLE_" + name()));
        }
    }

    static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    static final Set<Caller> STAFF = EnumSet.of(Caller.REPORTER, Caller.EDITOR, Caller.ADMIN);
    static final Set<Caller> DESK = EnumSet.of(Caller.REPORTER, Caller.EDITOR);
    static final Set<Caller> EDITORS = EnumSet.of(Caller.EDITOR);
    static final Set<Caller> MODERATORS = EnumSet.of(Caller.MODERATOR);
    static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN);
    static final Set<Caller> SIGNED_IN = EnumSet.of(Caller.REPORTER, Caller.EDITOR, Caller.MODERATOR, Caller.ADMIN);

    /**
     * Service → method → who may call it (all overloads alike). Open methods say why in the comment:
     * readers and partners reach them through the public apps, or no person calls them at all.
     */
    static final Map<String, Map<String, Set<Caller>>> MATRIX = new TreeMap<>();

    static {
        service("AccountService")
                .row("loadUserByUsername", EVERYONE) // the sign-in look-up, before anyone is signed in
                .row("find", EVERYONE) // the signed-in user's own name and roles for the layout
                .row("save", ADMINS) // replaces roles and passwords: admins (and the demo seeding as one) only
                .row("any", EVERYONE) // whether a newsroom needs seeding
                .row("list", ADMINS)
                .row("create", ADMINS)
                .row("changeRoles", ADMINS)
                .row("setEnabled", ADMINS);
        // Workflow commands: method security lets the newsroom's staff in; who may take which step
        // (four eyes, editors only for approve/publish/kill...) is the workflow's rule, tested there.
        service("ArticleService")
                .row("createDraft", DESK)
                .row("save", STAFF)
                .row("submit", STAFF)
                .row("requestChanges", STAFF)
                .row("approve", STAFF)
                .row("publish", STAFF)
                .row("schedule", STAFF)
                .row("unschedule", STAFF)
                .row("correct", STAFF)
                .row("update", STAFF)
                .row("unpublish", STAFF)
                .row("kill", STAFF)
                .row("spike", STAFF)
                .row("restore", STAFF)
                .row("embargo", STAFF)
                .row("find", STAFF)
                .row("findPublished", EVERYONE) // public API: published stories only
                .row("findPublic", EVERYONE) // public API and comment intake
                .row("publishedPage", EVERYONE) // public API and search rebuild: published only
                .row("allowedActions", STAFF)
                .row("history", STAFF)
                .row("page", STAFF)
                .row("calendar", STAFF)
                .row("count", STAFF);
        service("ArticleLocks")
                .row("acquire", DESK)
                .row("heartbeat", DESK)
                .row("release", DESK)
                .row("breakLock", EDITORS)
                .row("current", STAFF);
        service("AuditLog")
                .row("record", EVERYONE) // written by the services in their own transactions
                .row("find", SIGNED_IN); // admins all; others one target's trail or their own actions
        // The story budget: editors plan; whoever is assigned starts (the service checks it is them).
        service("BudgetService")
                .row("create", EDITORS)
                .row("update", EDITORS)
                .row("cancel", EDITORS)
                .row("assignees", EDITORS)
                .row("start", DESK)
                .row("mine", DESK)
                .row("find", STAFF)
                .row("due", STAFF); // the calendar shows the budget to the whole newsroom
        service("BodyRenderer").row("render", EVERYONE); // a pure Markdown-to-HTML function
        service("Outages") // how an engine's failure is answered (503); no data, no person's action
                .row("of", EVERYONE)
                .row("database", EVERYONE)
                .row("search", EVERYONE);
        service("ChangeFeed")
                .row("after", EVERYONE) // the partners' feed, keyed in the public API
                .row("head", EVERYONE) // cursor=now: where a new partner starts
                .row("positionBefore", EVERYONE) // since=<time>: the same, from a time
                .row("latestChangeAt", EVERYONE) // Last-Modified of the public feeds
                .row("killedSince", EVERYONE); // Atom tombstones of kills (public notices only)
        service("CommentQueue")
                .row("count", MODERATORS)
                .row("slice", MODERATORS)
                .row("position", MODERATORS)
                .row("before", MODERATORS)
                .row("after", MODERATORS)
                .row("sections", MODERATORS);
        service("CommentService")
                .row("submit", EVERYONE) // readers post comments
                .row("findByReceipt", EVERYONE) // a reader's status link
                .row("findSubmission", EVERYONE) // idempotent retries of a submission
                .row("approvedFor", EVERYONE) // approved comments are public
                .row("repeatsOf", EVERYONE) // screening of a submission
                .row("approve", MODERATORS)
                .row("reject", MODERATORS)
                .row("find", MODERATORS)
                .row("pending", MODERATORS)
                .row("pendingByRisk", MODERATORS)
                .row("approveAll", MODERATORS)
                .row("rejectAll", MODERATORS)
                .row("historyOf", MODERATORS)
                .row("banCommenterOf", MODERATORS)
                .row("banOptionsOf", MODERATORS)
                .row("liftBan", MODERATORS)
                .row("bansOf", MODERATORS);
        service("CommentThreads")
                .row("closure", EVERYONE) // intake and readers see whether a thread is closed
                .row("close", EnumSet.of(Caller.EDITOR, Caller.MODERATOR))
                .row("reopen", EnumSet.of(Caller.EDITOR, Caller.MODERATOR));
        // Notes follow the story: whoever may see it (ArticleService.find) reads and adds them.
        service("NoteService")
                .row("add", STAFF)
                .row("thread", STAFF)
                .row("openCount", STAFF)
                .row("openOnDesk", STAFF)
                .row("resolve", STAFF)
                .row("reopen", STAFF)
                .row("preview", STAFF);
        service("Desks")
                .row("join", ADMINS)
                .row("leave", ADMINS)
                .row("members", STAFF)
                .row("desksOf", STAFF);
        // Each reads and marks only the signed-in user's own notifications.
        service("NotificationService")
                .row("mine", STAFF)
                .row("unreadCount", STAFF)
                .row("markRead", STAFF)
                .row("markAllRead", STAFF);
        service("NotificationUpdates").row("subscribe", STAFF);
        service("LiveChanges").row("subscribe", SIGNED_IN); // ids of changed rows, for live screens
        service("MailDigests") // each person's own e-mail digest
                .row("offered", STAFF)
                .row("mine", STAFF)
                .row("subscribe", STAFF)
                .row("unsubscribe", STAFF);
        service("PartnerKeyService")
                .row("issue", ADMINS)
                .row("list", ADMINS)
                .row("revoke", ADMINS)
                .row("verify", EVERYONE) // every public API request, before a partner is known
                .row("needsLookUp", EVERYONE); // the same, before the look-up: a made-up key costs none
        service("PushSubscriptions") // partners' push subscriptions: admins only, like partner keys
                .row("create", ADMINS)
                .row("update", ADMINS)
                .row("rotateSecret", ADMINS)
                .row("pause", ADMINS)
                .row("resume", ADMINS)
                .row("delete", ADMINS)
                .row("list", ADMINS)
                .row("find", ADMINS)
                .row("replay", ADMINS)
                .row("replaySince", ADMINS)
                .row("deliveries", ADMINS)
                .row("attempts", ADMINS)
                // A partner's own replay through the public API: a request with a FEED-scoped key,
                // which no staff role is (the public API's PartnerScopeMatrixIT covers the keys).
                .row("replayForPartner", EnumSet.noneOf(Caller.class));
        service("RevisionService").row("diff", STAFF).row("publicVersions", STAFF);
        service("Screener").row("screen", EVERYONE).row("termCount", EVERYONE); // pure text functions
        service("SearchAdmin")
                .row("rebuild", ADMINS)
                .row("ensureIndex", EVERYONE); // at start-up, before anyone signs in
        service("SearchService")
                .row("search", EVERYONE) // over published stories only
                .row("searchStories", EVERYONE); // the same, a translation group collapsed to one hit
        service("MediaService")
                .row("upload", DESK)
                .row("describe", DESK) // caption, alt text and credit per language
                .row("setFocalPoint", DESK)
                .row("setRights", DESK)
                .row("setFeaturedImage", DESK)
                .row("uploadTo", DESK) // onto a story; who may edit that story is checked inside
                .row("pictures", STAFF)
                .row("mayChangePictures", STAFF)
                .row("preview", STAFF) // the editor's thumbnails, never the original
                .row("find", STAFF)
                .row("featuredImage", STAFF)
                .row("publicRendition", EVERYONE) // only renditions of stories readers may see now
                .row("publishedFeaturedImage", EVERYONE) // the picture of a published story, for ninjs
                .row("publishedInlineImages", EVERYONE) // the pictures a published story's body places
                .row("publishedPictures", EVERYONE); // both, for many published stories (a feed page)
        service("TranslationService")
                .row("translate", DESK)
                .row("find", STAFF)
                .row("findAll", STAFF)
                .row("group", STAFF)
                .row("toUpdate", STAFF) // the desk's "translations to update"
                .row("placeOf", EVERYONE) // the search index, with no one signed in
                .row("groupMembers", EVERYONE) // ids only, for caches of public representations
                .row("groupsOf", EVERYONE) // ids only, the change feed's group per entry
                .row("publishedGroup", EVERYONE) // published stories only
                .row("publishedSiblings", EVERYONE); // published stories only, for ninjs and Atom
    }

    /** Arguments for methods whose rule reads them (the rest get nulls and zeros). */
    static final Map<String, Supplier<Object[]>> ARGUMENTS =
            Map.of("AuditLog.find", () -> new Object[] {AuditQuery.forTarget("article", "matrix")});

    @Autowired
    ApplicationContext context;

    @Test
    void everyServiceMethodIsInTheMatrixAndNoRowIsStale() {
        Map<String, Set<String>> found = new TreeMap<>();
        services()
                .forEach((name, bean) -> found.put(
                        name,
                        publicMethods(AopUtils.getTargetClass(bean)).stream()
                                .map(Method::getName)
                                .collect(Collectors.toCollection(TreeSet::new))));

        List<String> missing = new ArrayList<>();
        found.forEach((service, methods) -> methods.stream()
                .filter(m -> !MATRIX.getOrDefault(service, Map.of()).containsKey(m))
                .forEach(m -> missing.add(service + "." + m + " (" + decided(service, m) + ")")));
        List<String> stale = new ArrayList<>();
        MATRIX.forEach((service, rows) -> rows.keySet().stream()
                .filter(m -> !found.getOrDefault(service, Set.of()).contains(m))
                .forEach(m -> stale.add(service + "." + m)));

        assertThat(missing)
                .as("service methods with no row in the matrix (who may call them?)")
                .isEmpty();
        assertThat(stale).as("matrix rows for methods that no longer exist").isEmpty();
    }

    @Test
    void eachMethodsRuleDecidesAsTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        services().forEach((service, bean) -> {
            for (Method method : publicMethods(AopUtils.getTargetClass(bean))) {
                Set<Caller> expected = MATRIX.getOrDefault(service, Map.of()).get(method.getName());
                if (expected == null) {
                    continue; // reported by the test above
                }
                Set<Caller> actual = allowed(bean, method, service);
                if (!actual.equals(expected)) {
                    wrong.add(service + "." + signature(method) + ": matrix " + expected + ", rule " + actual);
                }
                if (!expected.equals(EVERYONE)
                        && AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class) == null
                        && AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), PreAuthorize.class)
                                == null) {
                    wrong.add(service + "." + signature(method) + ": guarded in the matrix but has no @PreAuthorize");
                }
                for (var other : List.of(PostAuthorize.class, PostFilter.class, PreFilter.class)) {
                    if (AnnotatedElementUtils.hasAnnotation(method, other)) {
                        wrong.add(service + "." + signature(method) + ": @" + other.getSimpleName()
                                + " is not covered by this matrix");
                    }
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void callingADeniedCellThroughTheServiceIsRefusedBeforeTheMethodRuns() {
        List<String> ran = new ArrayList<>();
        int refused = 0;
        for (var entry : services().entrySet()) {
            String service = entry.getKey();
            Object bean = entry.getValue();
            for (Method method : publicMethods(AopUtils.getTargetClass(bean))) {
                Set<Caller> expected = MATRIX.getOrDefault(service, Map.of()).get(method.getName());
                if (expected == null) {
                    continue;
                }
                for (Caller caller : EnumSet.complementOf(EnumSet.copyOf(expected))) {
                    Throwable outcome = callAs(caller, bean, method, arguments(service, method));
                    if (outcome instanceof AccessDeniedException || outcome instanceof AuthenticationException) {
                        refused++;
                    } else {
                        ran.add(service + "." + signature(method) + " as " + caller + ": "
                                + (outcome == null
                                        ? "returned"
                                        : outcome.getClass().getSimpleName()));
                    }
                }
            }
        }
        assertThat(ran).as("denied cells that were not refused").isEmpty();
        assertThat(refused).as("denied cells checked").isGreaterThan(100);
    }

    private Set<Caller> allowed(Object bean, Method method, String service) {
        PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setApplicationContext(context);
        manager.setExpressionHandler(handler);
        Object target = AopUtils.isAopProxy(bean) ? unwrap(bean) : bean;
        MethodInvocation invocation = new SimpleMethodInvocation(target, method, arguments(service, method));
        Set<Caller> allowed = EnumSet.noneOf(Caller.class);
        for (Caller caller : Caller.values()) {
            AuthorizationResult result = manager.authorize(caller::authentication, invocation);
            if (result == null || result.isGranted()) {
                allowed.add(caller);
            }
        }
        return allowed;
    }

    private static Throwable callAs(Caller caller, Object bean, Method method, Object[] args) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(caller.authentication());
        SecurityContextHolder.setContext(context);
        try {
            method.invoke(bean, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The public, non-demo service beans of cms-core's feature packages, by simple class name. */
    private Map<String, Object> services() {
        Map<String, Object> services = new TreeMap<>();
        for (String name : context.getBeanDefinitionNames()) {
            Object bean = context.getBean(name);
            Class<?> type = AopUtils.getTargetClass(bean);
            String pkg = type.getPackageName();
            if (pkg.startsWith("news.cms.core.")
                    && !pkg.contains(".internal")
                    && !pkg.endsWith(".demo")
                    && Modifier.isPublic(type.getModifiers())
                    && !type.isRecord() // configuration properties
                    && !publicMethods(type).isEmpty()) {
                services.put(type.getSimpleName(), bean);
            }
        }
        return services;
    }

    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.isSynthetic() && !m.isBridge())
                .sorted(Comparator.comparing(ServiceRoleMatrixIT::signature))
                .toList();
    }

    private String decided(String service, String method) {
        Object bean = services().get(service);
        return publicMethods(AopUtils.getTargetClass(bean)).stream()
                .filter(m -> m.getName().equals(method))
                .map(m -> "its rule allows " + allowed(bean, m, service))
                .distinct()
                .collect(Collectors.joining("; "));
    }

    private static Object[] arguments(String service, Method method) {
        Supplier<Object[]> chosen = ARGUMENTS.get(service + "." + method.getName());
        if (chosen != null) {
            return chosen.get();
        }
        return Arrays.stream(method.getParameterTypes())
                .map(ServiceRoleMatrixIT::nothing)
                .toArray();
    }

    private static Object nothing(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == char.class) {
            return '0';
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }

    private static Object unwrap(Object proxy) {
        try {
            return ((org.springframework.aop.framework.Advised) proxy)
                    .getTargetSource()
                    .getTarget();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signature(Method method) {
        return method.getName()
                + Arrays.stream(method.getParameterTypes())
                        .map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    private static Rows service(String name) {
        return new Rows(MATRIX.computeIfAbsent(name, n -> new LinkedHashMap<>()));
    }

    record Rows(Map<String, Set<Caller>> rows) {
        Rows row(String method, Set<Caller> callers) {
            rows.put(method, callers);
            return this;
        }
    }
}
