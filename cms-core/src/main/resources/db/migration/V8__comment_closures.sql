-- Stories whose comments an editor or moderator closed; no row means comments are open.
create table comment_closure (
    article_id uuid primary key references article (id),
    closed_at  timestamptz not null,
    closed_by  text        not null,
    note       text        not null default '' check (length(note) <= 500)
);
