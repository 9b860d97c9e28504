-- Partners' API keys (docs/adr/0006-partner-keys.md). Only a SHA-256 of the secret is kept; the
-- prefix is the part of the secret shown in lists, so people can tell keys apart.
create table partner_key (
    id                  uuid primary key,
    name                text        not null check (length(name) between 1 and 100),
    prefix              text        not null unique check (prefix ~ '^[a-z2-7]{8}$'),
    secret_hash         bytea       not null check (length(secret_hash) = 32),
    scopes              text[]      not null,
    requests_per_minute integer     not null check (requests_per_minute between 1 and 100000),
    created_at          timestamptz not null,
    created_by          text        not null,
    expires_at          timestamptz,
    revoked_at          timestamptz,
    revoked_by          text,
    last_used_at        timestamptz
);

-- Change notices for caches in every app's JVM: the channel carries "<table>:<id>", or "<table>:*"
-- when a whole table was emptied. NOTIFY is delivered at commit, and not at all on rollback.
create function notify_change() returns trigger language plpgsql as $$
begin
    if tg_level = 'STATEMENT' then
        perform pg_notify('cms_change', tg_table_name || ':*');
        return null;
    end if;
    perform pg_notify('cms_change', tg_table_name || ':' || coalesce(new.id, old.id)::text);
    return null;
end;
$$;

create trigger article_change_notice after insert or update or delete on article
    for each row execute function notify_change();
create trigger article_truncate_notice after truncate on article
    for each statement execute function notify_change();
-- Not on last_used_at: bookkeeping of use must not empty every app's key cache.
create trigger partner_key_change_notice
    after update of scopes, requests_per_minute, expires_at, revoked_at, secret_hash or delete on partner_key
    for each row execute function notify_change();
create trigger partner_key_truncate_notice after truncate on partner_key
    for each statement execute function notify_change();
-- New feed entries: also written without any article change, when an embargo ends.
create trigger feed_entry_notice after insert on feed_entry
    for each statement execute function notify_change();

-- The end of an embargo is a change partners without the embargo scope must see in the feed.
alter table feed_entry drop constraint feed_entry_action_check;
alter table feed_entry add constraint feed_entry_action_check check (action in
    ('PUBLISH', 'GO_LIVE', 'UPDATE', 'CORRECT', 'UNPUBLISH', 'KILL', 'EMBARGO', 'EMBARGO_LIFTED'));
