package news.cms.core.partnerkey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.core.partnerkey.PartnerKeyId;
import news.cms.core.partnerkey.PartnerScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner keys in PostgreSQL; the secret's hash never leaves this module. */
@Repository
public class PartnerKeyRepository {

    /** A key with the hash of its secret. */
    public record StoredKey(PartnerKey key, byte[] secretHash) {}

    private static final String COLUMNS = "id, name, prefix, scopes, created_at, created_by, expires_at, revoked_at,"
            + " last_used_at, requests_per_minute, secret_hash";

    private final JdbcClient jdbc;

    PartnerKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PartnerKey key, byte[] secretHash) {
        jdbc.sql("insert into partner_key (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        key.id().value(),
                        key.name(),
                        key.prefix(),
                        key.scopes().stream().map(Enum::name).sorted().toArray(String[]::new),
                        ts(key.createdAt()),
                        key.createdBy(),
                        ts(key.expiresAt()),
                        ts(key.revokedAt()),
                        ts(key.lastUsedAt()),
                        key.requestsPerMinute(),
                        secretHash)
                .update();
    }

    public Optional<StoredKey> findByPrefix(String prefix) {
        return jdbc.sql("select " + COLUMNS + " from partner_key where prefix = ?")
                .param(prefix)
                .query(PartnerKeyRepository::stored)
                .optional();
    }

    public Optional<PartnerKey> find(PartnerKeyId id) {
        return jdbc.sql("select " + COLUMNS + " from partner_key where id = ?")
                .param(id.value())
                .query(PartnerKeyRepository::stored)
                .optional()
                .map(StoredKey::key);
    }

    /** Newest first; a newsroom has tens of partners, not thousands. */
    public List<PartnerKey> all() {
        return jdbc
                .sql("select " + COLUMNS + " from partner_key order by created_at desc, id")
                .query(PartnerKeyRepository::stored)
                .list()
                .stream()
                .map(StoredKey::key)
                .toList();
    }

    /** Revokes a key once; false when it was revoked before. */
    public boolean revoke(PartnerKeyId id, Instant at, String by) {
        return jdbc.sql("update partner_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                        .params(ts(at), by, id.value())
                        .update()
                == 1;
    }

    /** Moves each key's last use forward, never back (another app may have seen a later use). */
    public void recordUses(Map<PartnerKeyId, Instant> uses) {
        for (var use : uses.entrySet()) {
            jdbc.sql("update partner_key set last_used_at = greatest(last_used_at, ?) where id = ?")
                    .params(ts(use.getValue()), use.getKey().value())
                    .update();
        }
    }

    private static StoredKey stored(ResultSet rs, int row) throws SQLException {
        var scopes = Arrays.stream((String[]) rs.getArray("scopes").getArray())
                .map(PartnerScope::valueOf)
                .collect(Collectors.toSet());
        PartnerKey key = new PartnerKey(
                new PartnerKeyId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("prefix"),
                scopes,
                instant(rs.getTimestamp("created_at")),
                rs.getString("created_by"),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at")),
                rs.getInt("requests_per_minute"));
        return new StoredKey(key, rs.getBytes("secret_hash"));
    }

    private static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
