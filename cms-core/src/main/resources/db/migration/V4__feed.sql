-- The partner feed: one entry per public change, numbered in commit order (docs/adr/0004-feed-order.md).

-- One row; a writer takes the next number under the row lock, which it holds until it commits, so
-- numbers become visible in the order they were taken and a rolled-back number is taken again.
create table feed_counter (
    id   smallint primary key default 1 check (id = 1),
    last bigint   not null check (last >= 0)
);
insert into feed_counter (id, last) values (1, 0);

create table feed_entry (
    sequence        bigint primary key,
    article_id      uuid        not null references article (id),
    action          text        not null check (action in
        ('PUBLISH', 'GO_LIVE', 'UPDATE', 'CORRECT', 'UNPUBLISH', 'KILL', 'EMBARGO')),
    article_version bigint      not null,
    public_version  integer     not null,
    language        text        not null,
    at              timestamptz not null,
    notice          text
);
create index feed_entry_article_idx on feed_entry (article_id, sequence);
create trigger feed_entry_append_only before update or delete on feed_entry
    for each row execute function refuse_change();
