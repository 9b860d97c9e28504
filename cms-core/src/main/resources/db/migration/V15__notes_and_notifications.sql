-- Editorial notes and in-app notifications (docs/adr/0023). Notes live apart from the article: no
-- public query reads these tables. A note is anchored to a passage (the paragraph it was written
-- against and the words it quotes, found again after edits) or to the whole story.
create table note (
    id               uuid        primary key,
    article_id       uuid        not null references article (id),
    author           text        not null,
    text             text        not null,
    anchor_paragraph integer     check (anchor_paragraph >= 0),
    anchor_quote     text,
    created_at       timestamptz not null,
    resolved_at      timestamptz,
    resolved_by      text,
    check ((anchor_paragraph is null) = (anchor_quote is null)),
    check ((resolved_at is null) = (resolved_by is null))
);

create index note_article_idx on note (article_id, created_at);
create index note_open_idx on note (article_id) where resolved_at is null;

-- Whom a note names: a user, or a section's desk (told through its members).
create table note_mention (
    note_id uuid not null references note (id),
    kind    text not null check (kind in ('USER', 'DESK')),
    name    text not null,
    primary key (note_id, kind, name)
);

-- A section's desk: the staff told when the desk is mentioned.
create table desk_member (
    section  text not null,
    username text not null references user_account (username),
    primary key (section, username)
);

create index desk_member_user_idx on desk_member (username);

-- One notification per event and recipient: event_key names the event (e.g. the article version it
-- left), so a redelivered event finds its row and adds nothing.
create table notification (
    id         bigint      generated always as identity primary key,
    recipient  text        not null,
    kind       text        not null check (kind in ('RETURNED', 'APPROVED', 'PUBLISHED', 'CORRECTED', 'KILLED',
                                                    'MENTIONED', 'LOCK_BROKEN', 'TRANSLATION_STALE')),
    article_id uuid        not null references article (id),
    actor      text        not null,
    event_key  text        not null,
    created_at timestamptz not null,
    read_at    timestamptz,
    unique (event_key, recipient)
);

create index notification_recipient_idx on notification (recipient, id desc);
create index notification_unread_idx on notification (recipient) where read_at is null;

-- Every app learns at once that someone's notifications changed (a bell to update), through the
-- change notices of V5: the payload names the recipient, not the row.
create function notify_notification() returns trigger language plpgsql as $$
begin
    perform pg_notify('cms_change', 'notification:' || new.recipient);
    return null;
end $$;

create trigger notification_notice after insert or update on notification
    for each row execute function notify_notification();
