-- The story budget (docs/adr/0027): what the desk plans to publish, who writes it and by when. A
-- planned item becomes a draft once, when its reporter starts it; the draft's id is kept here.
create table planned_item (
    id            uuid        primary key,
    slug          text        not null,
    section       text        not null,
    assignee      text        not null references user_account (username),
    due_at        timestamptz not null,
    planned_words integer     not null check (planned_words between 1 and 20000),
    languages     text[]      not null check (cardinality(languages) between 1 and 8),
    notes         text        not null,
    state         text        not null check (state in ('PLANNED', 'STARTED', 'CANCELLED')),
    article_id    uuid        unique references article (id),
    created_by    text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null,
    check ((state = 'STARTED') = (article_id is not null))
);

create index planned_item_due_idx on planned_item (due_at);
create index planned_item_assignee_idx on planned_item (assignee, due_at);

-- A notification's subject is a story, a push subscription (V21) or a planned item: exactly one.
alter table notification alter column article_id drop not null;
alter table notification add column planned_item_id uuid references planned_item (id);
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('RETURNED', 'APPROVED', 'PUBLISHED', 'CORRECTED', 'KILLED',
                    'MENTIONED', 'LOCK_BROKEN', 'TRANSLATION_STALE', 'PUSH_GONE', 'PUSH_FAILING', 'ASSIGNED'));
alter table notification drop constraint notification_about_check;
alter table notification add constraint notification_one_subject
    check (num_nonnulls(article_id, subscription_id, planned_item_id) = 1);
