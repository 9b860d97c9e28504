package news.cms.core.comment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A commenter barred from commenting, by client fingerprint, e-mail hash or both. It applies from
 * {@code bannedAt} until {@code expiresAt} (never, when null) unless lifted earlier; a lifted or expired
 * ban is kept as history.
 *
 * @param comment the comment the moderator banned from, if any
 */
public record Ban(
        BanId id,
        @Nullable ClientFingerprint clientFingerprint,
        @Nullable EmailHash emailHash,
        BanReason reason,
        String bannedBy,
        Instant bannedAt,
        @Nullable Instant expiresAt,
        @Nullable Instant liftedAt,
        @Nullable String liftedBy,
        @Nullable CommentId comment) {

    public Ban {
        if (id == null || reason == null || bannedBy == null || bannedAt == null) {
            throw new IllegalArgumentException("a ban misses a required value");
        }
        if (clientFingerprint == null && emailHash == null) {
            throw new IllegalArgumentException("a ban names a client fingerprint, an e-mail hash or both");
        }
        if (expiresAt != null && !expiresAt.isAfter(bannedAt)) {
            throw new IllegalArgumentException("a ban ends after it starts");
        }
        if ((liftedAt == null) != (liftedBy == null)) {
            throw new IllegalArgumentException("a lifted ban has a time and a moderator");
        }
    }

    /** Whether the ban keeps its commenter out at that time. */
    public boolean appliesAt(Instant now) {
        return liftedAt == null && !bannedAt.isAfter(now) && (expiresAt == null || expiresAt.isAfter(now));
    }

    public boolean isPermanent() {
        return expiresAt == null;
    }

    /**
     * @throws BanNotActive when the ban was lifted already or has run out
     */
    Ban lifted(String moderator, Instant now) {
        if (!appliesAt(now)) {
            throw new BanNotActive(id);
        }
        return new Ban(
                id, clientFingerprint, emailHash, reason, bannedBy, bannedAt, expiresAt, now, moderator, comment);
    }
}
