package dev.dbpick.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CacheFolderTest {

    private final String before = System.getProperty("dbpick.cache.dir");

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("dbpick.cache.dir");
        } else {
            System.setProperty("dbpick.cache.dir", before);
        }
    }

    @Test
    void aRelativeFolderIsResolvedAgainstTheWorkingDirectoryAtStart() {
        Path start = Path.of("").toAbsolutePath();
        String userDir = System.getProperty("user.dir");
        System.setProperty("dbpick.cache.dir", "some/cache/../cache");
        try {
            System.setProperty("user.dir", "/elsewhere");
            assertEquals(start.resolve("some/cache"), CacheFolder.forUser().orElseThrow());
        } finally {
            System.setProperty("user.dir", userDir);
        }
    }
}
