package news.cms.core.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Audit events in PostgreSQL; details as JSON. */
@Repository
public class AuditRepository {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};
    private static final JsonMapper json = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(
            Instant at, String actor, String action, String targetType, String targetId, Map<String, String> details) {
        jdbc.sql("insert into audit_event (at, actor, action, target_type, target_id, details)"
                        + " values (?, ?, ?, ?, ?, cast(? as jsonb))")
                .params(Timestamp.from(at), actor, action, targetType, targetId, json.writeValueAsString(details))
                .update();
    }

    public List<AuditEvent> find(AuditQuery q) {
        StringBuilder sql = new StringBuilder(
                "select id, at, actor, action, target_type, target_id, details::text from audit_event where true");
        List<Object> params = new ArrayList<>();
        if (q.targetType() != null) {
            sql.append(" and target_type = ?");
            params.add(q.targetType());
        }
        if (q.targetId() != null) {
            sql.append(" and target_id = ?");
            params.add(q.targetId());
        }
        if (q.action() != null) {
            sql.append(" and action = ?");
            params.add(q.action());
        }
        if (q.actor() != null) {
            sql.append(" and actor = ?");
            params.add(q.actor());
        }
        if (q.from() != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(q.to()));
        }
        if (q.beforeId() != null) {
            sql.append(" and id < ?");
            params.add(q.beforeId());
        }
        sql.append(" order by id desc limit ?");
        params.add(q.limit());
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new AuditEvent(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        json.readValue(rs.getString(7), DETAILS)))
                .list();
    }
}
