-- Articles with one ordered list of bylines and an embedded dateline.
create table article (
    id               uuid primary key,
    slug             text        not null unique,
    language         text        not null,
    section          text        not null default 'news',
    headline         text        not null,
    standfirst       text        not null default '',
    body             text        not null,
    dateline_place   text        not null,
    dateline_region  text,
    dateline_country char(2),
    dateline_date    date        not null,
    state            text        not null check (state in ('DRAFT', 'PUBLISHED')),
    version          bigint      not null,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    published_at     timestamptz
);

create index article_published_idx on article (published_at desc, id) where state = 'PUBLISHED';
create index article_updated_idx on article (updated_at desc, id);

create table article_byline (
    article_id  uuid    not null references article (id) on delete cascade,
    position    integer not null,
    name        text    not null,
    role        text    not null,
    primary key (article_id, position)
);

-- People who sign in to the editor and moderation apps.
create table user_account (
    username      text primary key,
    display_name  text    not null,
    password_hash text    not null,
    roles         text[]  not null,
    enabled       boolean not null default true
);

-- Spring Modulith's JDBC event publication registry: the transactional outbox.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
