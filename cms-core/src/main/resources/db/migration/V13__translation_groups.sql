-- Linked translations (docs/adr/0019). One row per article that belongs to a translation group: the
-- story it was translated from (none for the original), the source's text hash and version it was
-- made from, and its own current text hash, so a source save flags its translations without reading
-- them. At most one article per language in a group: the unique index decides, also under races.
create table translation (
    article_id     uuid        primary key references article (id),
    group_id       uuid        not null,
    language       text        not null,
    text_hash      text        not null,
    text_version   bigint      not null,
    source_id      uuid        references article (id),
    source_version bigint,
    source_hash    text,
    stale          boolean     not null default false,
    stale_since    timestamptz,
    notice         text        check (notice in ('CORRECTED', 'KILLED')),
    notice_at      timestamptz,
    check ((source_id is null) = (source_version is null) and (source_id is null) = (source_hash is null))
);

create unique index translation_group_language_idx on translation (group_id, language);
create index translation_source_idx on translation (source_id) where source_id is not null;
