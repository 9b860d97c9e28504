-- Distribution metadata an editor sets per story (docs/adr/0030): IPTC Media Topic codes from the
-- bundled list, an urgency 1 (most urgent) … 9, and rights overriding the newsroom's defaults.
-- Null means "the configured default"; the codes are checked against the list by the application.
alter table article
    add column subjects         text[]   not null default '{}',
    add column urgency          smallint check (urgency between 1 and 9),
    add column copyright_holder text,
    add column copyright_notice text,
    add column usage_terms      text;

-- Atom tombstones (RFC 6721) list the kills of the last days: found by time, among kills only.
create index feed_entry_kill_idx on feed_entry (at) where action = 'KILL';
