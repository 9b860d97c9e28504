package news.cms.core.media;

import java.util.Optional;

/**
 * Where media bytes are kept, by key ({@code originals/…}, {@code renditions/…}): a folder on this
 * machine by default, an S3-compatible bucket where several machines share the pictures. Writes
 * are whole: a reader never sees part of an object.
 *
 * @throws MediaStoreUnavailable from every method when the store cannot be reached or fails
 */
public interface MediaStore {

    void put(String key, byte[] bytes, String contentType);

    /** The object's bytes; empty when there is no such key. */
    Optional<byte[]> get(String key);

    /** Removes the object; nothing happens when there is none. */
    void delete(String key);
}
