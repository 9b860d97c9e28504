/** Picture renditions for readers and partners: {@code GET /v1/media/{id}/{rendition}}. */
@NullMarked
package news.cms.publicapi.media;

import org.jspecify.annotations.NullMarked;
