-- Pictures (docs/adr/0021). A media item is one uploaded original: its bytes live in the media store
-- under storage_key (never public), its facts here. Captions, alt text and credits are per language.
-- Renditions are made from the original and the focal point; "generation" counts focal point
-- changes, so a rendition row of an older generation is stale and the item is not ready until every
-- configured rendition exists at the item's generation.
create table media_item (
    id               uuid             primary key,
    format           text             not null check (format in ('JPEG', 'PNG', 'WEBP', 'GIF')),
    width            integer          not null check (width > 0),
    height           integer          not null check (height > 0),
    byte_size        bigint           not null check (byte_size > 0),
    sha256           text             not null check (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key      text             not null unique,
    copyright_holder text,
    usage_terms      text,
    focal_x          double precision not null default 0.5 check (focal_x between 0 and 1),
    focal_y          double precision not null default 0.5 check (focal_y between 0 and 1),
    generation       integer          not null default 1,
    version          bigint           not null default 0,
    created_by       text             not null,
    created_at       timestamptz      not null,
    updated_at       timestamptz      not null
);

create table media_text (
    media_id uuid not null references media_item (id) on delete cascade,
    language text not null,
    caption  text,
    alt_text text,
    credit   text,
    primary key (media_id, language)
);

create table media_rendition (
    media_id     uuid        not null references media_item (id) on delete cascade,
    name         text        not null,
    generation   integer     not null,
    width        integer     not null check (width > 0),
    height       integer     not null check (height > 0),
    byte_size    bigint      not null check (byte_size > 0),
    sha256       text        not null,
    content_type text        not null,
    storage_key  text        not null,
    created_at   timestamptz not null,
    primary key (media_id, name)
);

-- An article's optional featured image; the media module owns the link, so the article aggregate
-- stays free of media types (one row per article at most).
create table article_featured_image (
    article_id uuid        primary key references article (id),
    media_id   uuid        not null references media_item (id),
    set_by     text        not null,
    set_at     timestamptz not null
);

create index article_featured_image_media_idx on article_featured_image (media_id);

-- Public caches of articles (each app's JVM) hear of a featured image that changed, or of a change to
-- the picture an article features (texts, focal point, renditions), as a change of that article.
create function featured_image_change_notice() returns trigger language plpgsql as $$
declare
    media uuid;
begin
    if tg_table_name = 'article_featured_image' then
        perform pg_notify('cms_change', 'article:' || coalesce(new.article_id, old.article_id)::text);
        return null;
    elsif tg_table_name = 'media_item' then
        media := coalesce(new.id, old.id);
    else
        media := coalesce(new.media_id, old.media_id);
    end if;
    perform pg_notify('cms_change', 'article:' || article_id::text)
        from article_featured_image where media_id = media;
    return null;
end;
$$;

create trigger article_featured_image_notice after insert or update or delete on article_featured_image
    for each row execute function featured_image_change_notice();
create trigger media_item_notice after update on media_item
    for each row execute function featured_image_change_notice();
create trigger media_text_notice after insert or update or delete on media_text
    for each row execute function featured_image_change_notice();
create trigger media_rendition_notice after insert or update on media_rendition
    for each row execute function featured_image_change_notice();
