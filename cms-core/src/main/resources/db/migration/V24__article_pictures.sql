-- The pictures of a story (docs/adr/0025): those uploaded on its page, to choose its featured picture
-- from and to place in its body. The media module owns the link, as it owns article_featured_image.
create table article_picture (
    article_id uuid        not null references article (id),
    media_id   uuid        not null references media_item (id),
    added_by   text        not null,
    added_at   timestamptz not null,
    primary key (article_id, media_id)
);

create index article_picture_media_idx on article_picture (media_id);

-- A featured picture set before stories had pictures of their own is one of its story's pictures.
insert into article_picture (article_id, media_id, added_by, added_at)
    select article_id, media_id, set_by, set_at from article_featured_image
    on conflict do nothing;
