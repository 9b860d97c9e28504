package news.cms.core.media.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import news.cms.core.media.UploadRefused;

/**
 * The only threads that decode pictures: a few workers and a short queue, so a burst of uploads
 * (or a hostile one) costs a bounded amount of memory and CPU; a job that runs past the timeout is
 * aborted and refused.
 */
final class DecodeWorkers implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    DecodeWorkers(int workers, Duration timeout) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                workers,
                workers,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(workers * 4),
                r -> Thread.ofPlatform()
                        .daemon()
                        .name("media-decode-" + n.incrementAndGet())
                        .unstarted(r),
                new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
        this.timeout = timeout;
    }

    /**
     * Runs the job on a worker and waits for it at most the timeout.
     *
     * @throws UploadRefused.Busy when every worker is busy and the queue is full
     * @throws UploadRefused.TooSlow when the job ran past the timeout (it is aborted)
     */
    <T> T run(Function<ImageDecoding.ReaderHandle, T> job) {
        return run(job, timeout);
    }

    /** As {@link #run(Function)}, with a timeout of its own (making renditions takes longer than decoding). */
    <T> T run(Function<ImageDecoding.ReaderHandle, T> job, Duration timeout) {
        ImageDecoding.ReaderHandle handle = new ImageDecoding.ReaderHandle();
        Future<T> future;
        try {
            future = pool.submit(() -> job.apply(handle));
        } catch (RejectedExecutionException e) {
            throw new UploadRefused.Busy();
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            handle.abort();
            future.cancel(true);
            throw new UploadRefused.TooSlow();
        } catch (InterruptedException e) {
            handle.abort();
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new UploadRefused.TooSlow();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof OutOfMemoryError) {
                throw new UploadRefused.Undecodable("it needs more memory than a picture may take");
            }
            throw new UploadRefused.Undecodable(String.valueOf(e.getCause()));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
