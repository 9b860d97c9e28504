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

