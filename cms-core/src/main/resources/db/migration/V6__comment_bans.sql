-- Bans of commenters, checked at intake, and what moderators need to see a commenter's history and
-- screening needs to spot the same text posted again.

-- A ban names a client fingerprint, an e-mail hash or both. It runs until expires_at (null: for good)
-- unless a moderator lifts it earlier; rows are never deleted, so the trail of bans stays complete.
create table comment_ban (
    id                 uuid        primary key,
    client_fingerprint text,
    email_hash         text,
    reason             text        not null,
    banned_by          text        not null,
    banned_at          timestamptz not null,
    expires_at         timestamptz,
    lifted_at          timestamptz,
    lifted_by          text,
    comment_id         uuid        constraint comment_ban_comment_fk references comment (id),

    constraint comment_ban_names_someone check (client_fingerprint is not null or email_hash is not null),
    constraint comment_ban_fingerprint_length check (char_length(client_fingerprint) between 1 and 128),
    constraint comment_ban_email_hash_form check (email_hash ~ '^[0-9a-f]{64}$'),
    constraint comment_ban_reason_length check (char_length(reason) between 1 and 500),
    constraint comment_ban_expires_after_start check (expires_at > banned_at),
    constraint comment_ban_lift_complete check ((lifted_at is null) = (lifted_by is null)),
    constraint comment_ban_lifted_after_start check (lifted_at >= banned_at)
);

-- The intake's check: bans not lifted, by either trait.
create index comment_ban_fingerprint_idx on comment_ban (client_fingerprint) where lifted_at is null;
create index comment_ban_email_idx on comment_ban (email_hash) where lifted_at is null;

-- A ban is only ever lifted, once; who, why and for how long stay as they were written.
create function comment_ban_refuse_edits() returns trigger
    language plpgsql as $$
begin
    if new.id is distinct from old.id
            or new.client_fingerprint is distinct from old.client_fingerprint
            or new.email_hash is distinct from old.email_hash
            or new.reason is distinct from old.reason
            or new.banned_by is distinct from old.banned_by
            or new.banned_at is distinct from old.banned_at
            or new.expires_at is distinct from old.expires_at
            or new.comment_id is distinct from old.comment_id
            or (old.lifted_at is not null and (new.lifted_at is distinct from old.lifted_at
                                               or new.lifted_by is distinct from old.lifted_by)) then
        raise exception 'comment ban % can only be lifted, once', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger comment_ban_refuse_edits
    before update on comment_ban
    for each row execute function comment_ban_refuse_edits();

create function comment_ban_refuse_delete() returns trigger
    language plpgsql as $$
begin
    raise exception 'comment bans are kept: lift a ban instead of deleting it'
        using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger comment_ban_refuse_delete
    before delete on comment_ban
    for each row execute function comment_ban_refuse_delete();

-- Folded text (letters and digits, case-folded) as a SHA-256 hex digest, to find the same text posted
-- again by one client or across one article. Null for comments stored before this migration.
alter table comment add column text_digest text
    constraint comment_text_digest_form check (text_digest ~ '^[0-9a-f]{64}$');

-- A commenter's history by either trait, newest first; also the repeat check per client.
create index comment_client_idx on comment (client_fingerprint, created_at);
create index comment_email_idx on comment (email_hash, created_at) where email_hash is not null;
-- The repeat check across one article.
create index comment_article_digest_idx on comment (article_id, text_digest);

-- The digest is part of what the reader sent: as immutable as the text it was made from.
create or replace function comment_refuse_edits() returns trigger
    language plpgsql as $$
begin
    if new.text is distinct from old.text
            or new.text_digest is distinct from old.text_digest
            or new.display_name is distinct from old.display_name
            or new.article_id is distinct from old.article_id
            or new.email_hash is distinct from old.email_hash
            or new.language is distinct from old.language
            or new.id is distinct from old.id
            or new.receipt is distinct from old.receipt
            or new.client_fingerprint is distinct from old.client_fingerprint
            or new.idempotency_key is distinct from old.idempotency_key
            or new.created_at is distinct from old.created_at then
        raise exception 'comment % is immutable: its text, author, article and submission data are never edited',
                old.id
            using errcode = 'integrity_constraint_violation',
                  hint = 'a comment is only ever approved or rejected';
    end if;
    if old.state <> 'PENDING' and (
            new.state is distinct from old.state
            or new.rejection_reason is distinct from old.rejection_reason
            or new.abuse_kind is distinct from old.abuse_kind
            or new.decided_at is distinct from old.decided_at
            or new.decided_by is distinct from old.decided_by) then
        raise exception 'comment % was already decided (%): a decision is final', old.id, old.state
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;
