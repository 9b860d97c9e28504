package news.cms.core.media.internal;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.MediaStore;
import news.cms.core.media.Rendition;
import news.cms.core.media.RenditionsDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a picture's renditions when the outbox says they are due: decodes the original in the
 * bounded workers, stores each rendition under a key of its own digest (so a reader never sees a
 * half-replaced file), records it, then deletes the one it replaced. A failure (store down) leaves
 * the event incomplete, and the outbox delivers it again.
 *
 * <p>Decoding and drawing take up to seconds a picture, so they run outside any transaction: only
 * the look-up and the recording of the made renditions borrow a database connection, each for its
 * own short while (a listener holding one through the decoding, with a few pictures uploaded at
 * once, emptied the pool of 10 while the demo was seeded).
 */
@Component
class RenditionWorker {

    private static final Logger log = LoggerFactory.getLogger(RenditionWorker.class);

    private final MediaRepository media;
    private final MediaStore store;
    private final DecodeWorkers workers;
    private final MediaProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    RenditionWorker(
            MediaRepository media,
            MediaStore store,
            DecodeWorkers workers,
            MediaProperties properties,
            Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.media = media;
        this.store = store;
        this.workers = workers;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RenditionsDue due) {
        Optional<MediaItem> found = media.find(due.mediaId());
        if (found.isEmpty() || found.get().generation() != due.generation()) {
            return; // gone, or the focal point moved again: a later event makes those renditions
        }
        MediaItem item = found.get();
        try {
            byte[] original = store.get(media.storageKey(item.id()))
                    .orElseThrow(() -> new IllegalStateException("the original of " + item.id() + " is missing"));
            List<RenditionMaker.Made> made = workers.run(
                    handle -> {
                        BufferedImage upright = ImageDecoding.decode(original, item.format(), handle);
                        return RenditionMaker.make(upright, item.focalPoint(), properties.renditions());
                    },
                    properties.renditionTimeout());
            List<Rendition> stored = made.stream()
                    .map(m -> {
                        String sha = MediaDigest.sha256(m.bytes());
                        String key =
                                "renditions/" + item.id() + "/" + m.spec().name() + "-" + sha.substring(0, 16) + ".jpg";
                        store.put(key, m.bytes(), RenditionMaker.CONTENT_TYPE);
                        return new Rendition(
                                item.id(),
                                m.spec().name(),
                                due.generation(),
                                m.width(),
                                m.height(),
                                m.bytes().length,
                                sha,
                                RenditionMaker.CONTENT_TYPE,
                                key);
                    })
                    .toList();
            transactions.executeWithoutResult(status ->
                    stored.forEach(r -> media.putRendition(r, clock.instant()).ifPresent(this::deleteAfterCommit)));
            log.debug("made {} renditions of {} (generation {})", made.size(), item.id(), due.generation());
        } catch (RuntimeException e) {
            log.warn("renditions of {} failed ({}); the outbox will deliver it again", item.id(), e.toString());
            throw e;
        }
    }

    private void deleteAfterCommit(String key) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    store.delete(key);
                } catch (RuntimeException e) {
                    log.warn("could not delete the replaced rendition {}: {}", key, e.toString());
                }
            }
        });
    }
}
