-- A live desk (ADR 0033): a story's page shows who holds its edit lock as it changes hands, through
-- the change notices every app hears (V5); the article's own notice already covers state and versions.
-- Heartbeats move only heartbeat_at/expires_at: they say nothing new and send no notice.
create function notify_edit_lock_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('cms_change', 'edit_lock:' || coalesce(new.article_id, old.article_id)::text);
    return null;
end;
$$;

create trigger edit_lock_change_notice
    after insert or delete or update of holder, acquired_at on edit_lock
    for each row execute function notify_edit_lock_change();


-- The e-mail digest (ADR 0033): who wants their unread notifications mailed, where to and in which
-- UI language, from when on; a notification is mailed in one digest at most (digested_at).
create table mail_digest (
    username text        primary key references user_account (username) on delete cascade,
    email    text        not null check (length(email) between 3 and 254 and email ~ '^[^@\s]+@[^@\s]+$'),
    language text        not null check (language in ('en', 'ar', 'ckb', 'tr')),
    since    timestamptz not null
);

alter table notification add column digested_at timestamptz;

create index notification_undigested_idx on notification (recipient, id)
    where read_at is null and digested_at is null;
