-- Push delivery, second step (docs/adr/0029): a subscription may be linked to the partner key whose
-- holder replays it through the public API (one subscription per key at most), the delivery log is
-- paged by attempt id, and admins are told in the bell when the worker disables a subscription.

alter table push_subscription
    add column partner_key_id uuid references partner_key (id) on delete set null;
create unique index push_subscription_partner_key_idx on push_subscription (partner_key_id)
    where partner_key_id is not null;

create index push_attempt_page_idx on push_attempt (subscription_id, id desc);

-- A notification is about a story or, for admins, about a push subscription (kept by its id and
-- name: the row outlives the subscription, and the bell still says which one it was).
alter table notification alter column article_id drop not null;
alter table notification add column subscription_id uuid;
alter table notification add column subject text;
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('RETURNED', 'APPROVED', 'PUBLISHED', 'CORRECTED', 'KILLED', 'MENTIONED', 'LOCK_BROKEN',
                    'TRANSLATION_STALE', 'PUSH_GONE', 'PUSH_FAILING'));
alter table notification add constraint notification_about_check
    check ((article_id is null) <> (subscription_id is null));
