-- The full editorial workflow: states, scheduling, embargo, public versions, kill notices.
alter table article drop constraint article_state_check;
alter table article add constraint article_state_check check (state in
    ('DRAFT', 'SUBMITTED', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'UNPUBLISHED', 'KILLED', 'SPIKED'));
alter table article
    add column tags           text[]      not null default '{}',
    add column authors        text[]      not null default '{}',
    add column scheduled_at   timestamptz,
    add column embargo_until  timestamptz,
    add column public_version integer     not null default 0,
    add column kill_reason    text,
    add column killed_at      timestamptz,
    add column directions     jsonb,
    add constraint article_scheduled_has_time check (state <> 'SCHEDULED' or scheduled_at is not null),
    add constraint article_killed_has_reason check (state <> 'KILLED' or kill_reason is not null);
update article set authors = array[created_by];
update article set public_version = 1 where state = 'PUBLISHED';

create index article_due_idx on article (scheduled_at, id) where state = 'SCHEDULED';
create index article_state_updated_idx on article (state, updated_at desc, id);

-- Every save keeps an immutable revision: who, when, which action, and the content as it then was.
create table article_revision (
    article_id     uuid        not null references article (id) on delete cascade,
    version        bigint      not null,
    action         text        not null,
    state          text        not null,
    actor          text        not null,
    at             timestamptz not null,
    public_version integer,
    note           text,
    content        jsonb       not null,
    primary key (article_id, version)
);

-- Append-only audit trail of every command, lock break, sign-in and moderation decision.
create table audit_event (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    actor       text        not null,
    action      text        not null,
    target_type text        not null,
    target_id   text        not null,
    details     jsonb       not null default '{}'
);
create index audit_event_target_idx on audit_event (target_type, target_id, at);
create index audit_event_actor_idx on audit_event (actor, at);
create index audit_event_at_idx on audit_event (at);

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end;
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function refuse_change();
create trigger article_revision_immutable before update on article_revision
    for each row execute function refuse_change();

-- Who is editing which article right now; a lock lapses when its heartbeats stop.
create table edit_lock (
    article_id   uuid primary key references article (id) on delete cascade,
    holder       text        not null,
    acquired_at  timestamptz not null,
    heartbeat_at timestamptz not null,
    expires_at   timestamptz not null
);

-- What readers and partners may see. A killed article keeps its kill notice, never its text.
create view public_article as
select id, slug, language, section, tags, headline, standfirst,
       case when state = 'KILLED' then null else body end as body,
       dateline_place, dateline_region, dateline_country, dateline_date,
       state, version, public_version, embargo_until, published_at, updated_at, created_at,
       kill_reason, killed_at
from article
where state in ('PUBLISHED', 'UNPUBLISHED', 'KILLED') and public_version > 0;
