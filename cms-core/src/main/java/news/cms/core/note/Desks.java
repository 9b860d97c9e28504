package news.cms.core.note;

import java.util.List;
import java.util.Map;
import news.cms.core.account.AccountNotFound;
import news.cms.core.account.AccountService;
import news.cms.core.account.CurrentUser;
import news.cms.core.audit.AuditLog;
import news.cms.core.language.Texts;
import news.cms.core.note.internal.DeskRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Section desks: the staff told when a note mentions a section's desk. Admins seat and unseat
 * people; staff read who sits where (for a mention's preview).
 */
@Service
public class Desks {

    private final DeskRepository desks;
    private final AccountService accounts;
    private final AuditLog audit;

    Desks(DeskRepository desks, AccountService accounts, AuditLog audit) {
        this.desks = desks;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** @throws AccountNotFound when there is no such account */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void join(String section, String username) {
        String desk = Texts.required(section, "section");
        if (accounts.find(username).isEmpty()) {
            throw new AccountNotFound(username);
        }
        desks.add(desk, username);
        audit.record(CurrentUser.get().name(), "desk.join", "desk", desk, Map.of("member", username));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void leave(String section, String username) {
        if (desks.remove(section, username)) {
            audit.record(CurrentUser.get().name(), "desk.leave", "desk", section, Map.of("member", username));
        }
    }

    /** The desk's members, by username. */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<String> members(String section) {
        return desks.members(section);
    }

    /** The sections whose desks the user sits on. */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<String> desksOf(String username) {
        return desks.desksOf(username);
    }
}
