/** Media items in PostgreSQL, the stores, the upload checks, the decoder and the rendition maker. */
@NullMarked
package news.cms.core.media.internal;

import org.jspecify.annotations.NullMarked;
