-- Idempotency keys per client, and bans by the commenter's traits (issue 12, ADR 0011).

-- A key is the client's own: the same key from another client is another comment, never a way to
-- read or swallow somebody else's. The constraint keeps its name (the intake's ON CONFLICT names the
-- columns) and still leads with article_id, so the article foreign key needs no index of its own.
alter table comment drop constraint comment_idempotency_key;
alter table comment add constraint comment_idempotency_key unique (article_id, client_fingerprint, idempotency_key);

-- Where a comment came from, as keyed hashes (HMAC-SHA-256 under the comments' pepper, one domain
-- per trait): the address (an IPv6 address by its /64), the network (an IPv4 /24; the /64 for IPv6)
-- and the client id the reader's app sends, if any. Null for comments stored before this migration.
alter table comment
    add column client_address text constraint comment_client_address_form check (client_address ~ '^[0-9a-f]{64}$'),
    add column client_network text constraint comment_client_network_form check (client_network ~ '^[0-9a-f]{64}$'),
    add column client_id      text constraint comment_client_id_form check (client_id ~ '^[0-9a-f]{64}$');

-- The traits are part of the submission: as immutable as the text. A trigger of their own, so the
-- text trigger of V3/V6 stays as it is.
create function comment_refuse_trait_edits() returns trigger
    language plpgsql as $$
begin
    if new.client_address is distinct from old.client_address
            or new.client_network is distinct from old.client_network
            or new.client_id is distinct from old.client_id then
        raise exception 'comment % is immutable: where it came from is never edited', old.id
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger comment_refuse_trait_edits
    before update on comment
    for each row execute function comment_refuse_trait_edits();

-- A ban names any of: the old fingerprint (address + client-chosen header, bans before V9), the
-- e-mail hash, the client id, the address, the network.
alter table comment_ban
    add column client_address text constraint comment_ban_client_address_form check (client_address ~ '^[0-9a-f]{64}$'),
    add column client_network text constraint comment_ban_client_network_form check (client_network ~ '^[0-9a-f]{64}$'),
    add column client_id      text constraint comment_ban_client_id_form check (client_id ~ '^[0-9a-f]{64}$');
alter table comment_ban drop constraint comment_ban_names_someone;
alter table comment_ban add constraint comment_ban_names_someone check (
    client_fingerprint is not null or email_hash is not null
        or client_address is not null or client_network is not null or client_id is not null);

-- The intake's check, one index per trait, bans not lifted only.
create index comment_ban_client_address_idx on comment_ban (client_address) where lifted_at is null;
create index comment_ban_client_network_idx on comment_ban (client_network) where lifted_at is null;
create index comment_ban_client_id_idx on comment_ban (client_id) where lifted_at is null;

-- A ban is only ever lifted, once; the traits it names are as fixed as the rest.
create or replace function comment_ban_refuse_edits() returns trigger
    language plpgsql as $$
begin
    if new.id is distinct from old.id
            or new.client_fingerprint is distinct from old.client_fingerprint
            or new.email_hash is distinct from old.email_hash
            or new.client_address is distinct from old.client_address
            or new.client_network is distinct from old.client_network
            or new.client_id is distinct from old.client_id
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
