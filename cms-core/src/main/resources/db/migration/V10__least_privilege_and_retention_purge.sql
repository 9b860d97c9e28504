-- Least privilege below the apps (ADR 0009). The migrations run as the owner of the schema; the apps
-- connect as ${app_role}, made with the owner by docker/postgres/cms-roles.sql before the first
-- migration. The app role gets the DML it needs and nothing else: no TRUNCATE, REFERENCES or TRIGGER,
-- no DDL (it owns nothing and may not create in the schema), not superuser, so it can neither switch
-- triggers off (session_replication_role) nor change this file's rules.

grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
-- Tables and sequences of later migrations (run by the owner) get the same.
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
-- Flyway's own history is the owner's alone.
revoke all on ${flyway:table} from ${app_role};

-- The audit trail, the comments and the feed: the app role loses what their triggers refuse, so the
-- rule holds twice (the trigger for every role, the missing privilege for the apps).
revoke update, delete on audit_event from ${app_role};
revoke delete on comment from ${app_role};
revoke update, delete on feed_entry from ${app_role};

-- A comment is never deleted, not even by the owner, except by purge_retention below. Together with the
-- update trigger of V3 this closes the "delete, then insert the same id with other text" path.
create function comment_refuse_delete() returns trigger
    language plpgsql as $$
begin
    if current_setting('cms.retention_purge', true) is distinct from 'on' then
        raise exception 'comment % is kept: only the retention purge deletes comments', old.id
            using errcode = 'integrity_constraint_violation',
                  hint = 'the database owner runs select * from purge_retention(...)';
    end if;
    return old;
end;
$$;
create trigger comment_refuse_delete
    before delete on comment
    for each row execute function comment_refuse_delete();

-- The audit trail stays append-only; the purge may delete its old rows, nothing may update one.
create function audit_event_refuse_change() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('cms.retention_purge', true) = 'on' then
        return old;
    end if;
    raise exception 'audit_event is append-only: % refused', tg_op
        using errcode = 'integrity_constraint_violation';
end;
$$;
drop trigger audit_event_append_only on audit_event;
create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();

-- The retention purge: comments and audit events older than the cut-off go, in one transaction, and the
-- purge itself is audited. Comments a ban points at stay with the ban's trail. Only the owner may run
-- it (execute is revoked from everyone else), and the owner holds the DELETE privilege it needs:
--   select * from purge_retention(now() - interval '2 years');
create function purge_retention(before timestamptz, out comments bigint, out audit_events bigint)
    language plpgsql as $$
begin
    if before is null or before > now() then
        raise exception 'purge_retention needs a cut-off in the past, not %', before
            using errcode = 'invalid_parameter_value';
    end if;
    perform set_config('cms.retention_purge', 'on', true);
    delete from comment c
        where c.created_at < before
          and not exists (select from comment_ban b where b.comment_id = c.id);
    get diagnostics comments = row_count;
    delete from audit_event where at < before;
    get diagnostics audit_events = row_count;
    perform set_config('cms.retention_purge', 'off', true);
    insert into audit_event (at, actor, action, target_type, target_id, details)
        values (clock_timestamp(), current_user, 'retention.purge', 'retention',
                to_char(before at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                jsonb_build_object('comments', comments::text, 'auditEvents', audit_events::text));
end;
$$;
revoke execute on function purge_retention(timestamptz) from public;
