-- Stories whose comments an editor or moderator closed; no row means comments are open.
create table comment_closure (
    article_id uuid primary key references article (id),
    closed_at  timestamptz not null,
    closed_by  text        not null,
    note       text        not null default '' check (length(note) <= 500)
);

-- Apps cache which stories are closed; any change empties their caches (ADR 0006's notices).
create trigger comment_closure_notice after insert or update or delete or truncate on comment_closure
    for each statement execute function notify_change();
