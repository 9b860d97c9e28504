-- Push delivery to partners (docs/adr/0024-push-delivery.md): subscriptions, an outbox of one
-- delivery per (subscription, feed entry) in feed order, and a log of every attempt.

create table push_subscription (
    id                    uuid primary key,
    name                  text        not null check (length(name) between 1 and 100),
    endpoint              text        not null check (length(endpoint) between 1 and 2000),
    -- The signing secret, encrypted with cms.push.secret-key when one is set (ADR 0024).
    secret                text        not null,
    -- The secret before the last rotation, still signed with until previous_secret_until.
    previous_secret       text,
    previous_secret_until timestamptz,
    events                text[]      not null check (cardinality(events) > 0),
    languages             text[]      not null,
    sections              text[]      not null,
    payload               text        not null check (payload in ('NOTICE', 'NINJS_2_2', 'NINJS_3_1')),
    state                 text        not null check (state in ('ACTIVE', 'PAUSED', 'DISABLED')),
    disabled_reason       text,
    -- When the first of the failed attempts since the last success was made; none while healthy.
    failing_since         timestamptz,
    created_at            timestamptz not null,
    created_by            text        not null,
    updated_at            timestamptz not null,
    updated_by            text        not null,
    check ((previous_secret is null) = (previous_secret_until is null))
);

create table push_delivery (
    id              uuid primary key,
    subscription_id uuid        not null references push_subscription (id) on delete cascade,
    sequence        bigint      not null references feed_entry (sequence),
    article_id      uuid        not null,
    event           text        not null,
    public_version  integer     not null,
    language        text        not null,
    entry_at        timestamptz not null,
    notice          text,
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    -- Claimed by a worker until then; a worker that died lets it go when the lease runs out.
    lease_until     timestamptz,
    created_at      timestamptz not null,
    finished_at     timestamptz,
    last_status     integer,
    last_error      text,
    unique (subscription_id, sequence)
);
-- The worker's scans: what is due per subscription, and the earliest open delivery per story.
create index push_delivery_due_idx on push_delivery (subscription_id, next_attempt_at) where status = 'PENDING';
create index push_delivery_story_idx on push_delivery (subscription_id, article_id, sequence)
    where status = 'PENDING';

create table push_attempt (
    id              bigint generated always as identity primary key,
    delivery_id     uuid        not null references push_delivery (id) on delete cascade,
    subscription_id uuid        not null,
    at              timestamptz not null,
    status_code     integer,
    latency_ms      integer     not null check (latency_ms >= 0),
    outcome         text        not null check (outcome in ('DELIVERED', 'RETRY', 'FAILED', 'GONE')),
    error           text
);
create index push_attempt_subscription_idx on push_attempt (subscription_id, at desc);
create index push_attempt_delivery_idx on push_attempt (delivery_id, at);
