package news.cms.core.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import news.cms.core.media.MediaStoreUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemMediaStoreTest {

    @TempDir
    Path root;

    @Test
    void putGetAndDeleteAWholeObject() {
        FilesystemMediaStore store = new FilesystemMediaStore(root);
        store.put("originals/abc/original", new byte[] {1, 2, 3}, "image/png");
        assertThat(store.get("originals/abc/original"))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        store.put("originals/abc/original", new byte[] {4}, "image/png");
        assertThat(store.get("originals/abc/original"))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(4));
        assertThat(root.resolve("originals/abc")).isDirectoryNotContaining("glob:**.tmp");
        store.delete("originals/abc/original");
        assertThat(store.get("originals/abc/original")).isEmpty();
        store.delete("originals/abc/original");
    }

    @Test
    void keysCannotLeaveTheRoot() {
        FilesystemMediaStore store = new FilesystemMediaStore(root);
        assertThatThrownBy(() -> store.get("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("/abs", new byte[1], "image/png"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("a/../../b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnwritableRootIsAStoreOutage() throws Exception {
        Path file = Files.writeString(root.resolve("not-a-folder"), "x");
        FilesystemMediaStore store = new FilesystemMediaStore(file);
        assertThatThrownBy(() -> store.put("originals/x/original", new byte[1], "image/png"))
                .isInstanceOf(MediaStoreUnavailable.class);
    }
}
