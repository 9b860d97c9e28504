package news.cms.core.comment;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A commenter barred from commenting, by any of: e-mail hash, client id, address, network (see
 * {@link BanBy}), or the client fingerprint (bans made before bans by trait). It applies from
 * {@code bannedAt} until {@code expiresAt} (never, when null) unless lifted earlier; a lifted or expired
 * ban is kept as history.
 *
 * @param comment the comment the moderator banned from, if any
 * @param clientAddress the banned address (an IPv6 /64), hashed like the comment's
 * @param clientNetwork the banned network (an IPv4 /24), hashed like the comment's
 * @param clientId the banned client id, hashed like the comment's
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
        @Nullable CommentId comment,
        @Nullable TraitHash clientAddress,
        @Nullable TraitHash clientNetwork,
        @Nullable TraitHash clientId) {

    /** A ban by fingerprint and e-mail only, as all bans were before bans by trait. */
    public Ban(
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
        this(
                id,
                clientFingerprint,
                emailHash,
                reason,
                bannedBy,
                bannedAt,
                expiresAt,
                liftedAt,
                liftedBy,
                comment,
                null,
                null,
                null);
    }

    public Ban {
        if (id == null || reason == null || bannedBy == null || bannedAt == null) {
            throw new IllegalArgumentException("a ban misses a required value");
        }
        if (clientFingerprint == null
                && emailHash == null
                && clientAddress == null
                && clientNetwork == null
                && clientId == null) {
            throw new IllegalArgumentException(
                    "a ban names a client fingerprint, an e-mail hash, a client id, an address or a network");
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

    /** What this ban keys on. */
    public Set<BanBy> keys() {
        Set<BanBy> keys = EnumSet.noneOf(BanBy.class);
        if (emailHash != null) {
            keys.add(BanBy.EMAIL);
        }
        if (clientId != null) {
            keys.add(BanBy.CLIENT_ID);
        }
        if (clientAddress != null || clientFingerprint != null) {
            keys.add(BanBy.ADDRESS);
        }
        if (clientNetwork != null) {
            keys.add(BanBy.NETWORK);
        }
        return keys;
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
                id,
                clientFingerprint,
                emailHash,
                reason,
                bannedBy,
                bannedAt,
                expiresAt,
                now,
                moderator,
                comment,
                clientAddress,
                clientNetwork,
                clientId);
    }
}
