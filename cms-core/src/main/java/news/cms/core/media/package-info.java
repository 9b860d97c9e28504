/**
 * Pictures: media items (an uploaded original with its pixel size, checksum, rights, focal point,
 * and caption, alt text and credit per language), their safe upload, their renditions and where
 * their bytes are kept ({@link news.cms.core.media.MediaStore}); an article's featured image
 * (docs/adr/0021). Originals are never public; renditions are, while a live story shows them.
 */
@NullMarked
package news.cms.core.media;

import org.jspecify.annotations.NullMarked;
