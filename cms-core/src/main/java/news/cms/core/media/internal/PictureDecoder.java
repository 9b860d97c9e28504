package news.cms.core.media.internal;

import java.awt.image.BufferedImage;
import news.cms.core.media.ImageFormat;

/** Decodes a picture whose format and header were checked already; the last and costliest check. */
@FunctionalInterface
interface PictureDecoder {

    /**
     * Upright sRGB pixels.
     *
     * @throws news.cms.core.media.UploadRefused when the picture cannot be decoded in time
     */
    BufferedImage decode(byte[] bytes, ImageFormat format);
}
