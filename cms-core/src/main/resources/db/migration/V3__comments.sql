-- Reader comments, pre-moderated: stored PENDING, then decided once, APPROVED or REJECTED with the
-- guideline broken. What the reader sent is never changed; the trigger below enforces it for every
-- client, not only for cms-core's code.
create table comment (
    id                 uuid        primary key,
    article_id         uuid        not null constraint comment_article_fk references article (id),
    language           text        not null,
    display_name       text        not null,
    email_hash         text,
    text               text        not null,
    state              text        not null default 'PENDING',
    rejection_reason   text,
    abuse_kind         text,
    receipt            text        not null constraint comment_receipt_key unique,
    client_fingerprint text        not null,
    idempotency_key    text        not null,
    created_at         timestamptz not null,
    decided_at         timestamptz,
    decided_by         text,
    screening          jsonb,

    -- Retries of one submission: the intake's INSERT ... ON CONFLICT relies on this constraint.
    constraint comment_idempotency_key unique (article_id, idempotency_key),

    constraint comment_state_check check (state in ('PENDING', 'APPROVED', 'REJECTED')),
    constraint comment_reason_check check (rejection_reason in (
        'profanity', 'threats', 'personal-attacks', 'vulgarity', 'abuse', 'promotion', 'off-topic', 'spam')),
    constraint comment_reason_when_rejected check ((state = 'REJECTED') = (rejection_reason is not null)),
    constraint comment_abuse_kind_check check (abuse_kind is null
        or (rejection_reason = 'abuse' and abuse_kind in ('sexism', 'racism', 'homophobia', 'xenophobia'))),
    constraint comment_decision_when_decided check (
        (state = 'PENDING') = (decided_at is null) and (state = 'PENDING') = (decided_by is null)),
    constraint comment_decided_after_created check (decided_at >= created_at),
    constraint comment_text_length check (char_length(text) between 1 and 2000),
    constraint comment_display_name_length check (char_length(display_name) between 1 and 80),
    constraint comment_email_hash_form check (email_hash ~ '^[0-9a-f]{64}$'),
    constraint comment_receipt_form check (receipt ~ '^[A-Za-z0-9_-]{24}$'),
    constraint comment_fingerprint_length check (char_length(client_fingerprint) between 1 and 128),
    constraint comment_idempotency_key_form check (idempotency_key ~ '^[A-Za-z0-9._:-]{1,100}$'),
    constraint comment_screening_object check (jsonb_typeof(screening) = 'object')
);

-- The moderation queue, oldest first, paged by (created_at, id).
create index comment_pending_idx on comment (created_at, id) where state = 'PENDING';
-- Readers' list of one article's approved comments, paged the same way.
create index comment_approved_idx on comment (article_id, created_at, id) where state = 'APPROVED';
-- The foreign key needs no index of its own: comment_idempotency_key leads with article_id.

-- Refuses every UPDATE that edits what the reader sent or undoes a decision. The screening result may
-- still be written at any time; a PENDING comment may be decided once.
create function comment_refuse_edits() returns trigger
    language plpgsql as $$
begin
    if new.text is distinct from old.text
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

create trigger comment_refuse_edits
    before update on comment
    for each row execute function comment_refuse_edits();
