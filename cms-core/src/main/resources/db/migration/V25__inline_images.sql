-- Pictures placed in a story's body with ![alt](media:<uuid>) (docs/adr/0026). The media module keeps
-- one row per picture the story's current content places, replaced on each save; with the featured
-- image it says which stories show a picture, so which pictures the public may fetch and which
-- story a picture belongs to.
create table article_inline_image (
    article_id uuid        not null references article (id),
    media_id   uuid        not null references media_item (id),
    placed_by  text        not null,
    placed_at  timestamptz not null,
    primary key (article_id, media_id)
);

create index article_inline_image_media_idx on article_inline_image (media_id);

-- A change to a picture (texts, focal point, renditions) is a change of every article that shows it,
-- featured or inline, for the public caches of every app.
create or replace function featured_image_change_notice() returns trigger language plpgsql as $$
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
        from (select article_id from article_featured_image where media_id = media
              union select article_id from article_inline_image where media_id = media) showing;
    return null;
end;
$$;
