package dev.dbpick.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard input, refused when the process was started with it closed ({@code <&-}). The JVM
 * then opens its own files on descriptor 0 (its module image, the jar), and reading "standard
 * input" would read, and move the offset of, a file the JVM itself relies on.
 */
final class StandardInput {

    private StandardInput() {
    }

    /** {@code System.in}, or a usage error when standard input is closed. */
    static InputStream open(String purpose) {
        if (closed()) {
            throw new UsageException("standard input is closed; " + purpose);
        }
        return System.in;
    }

    /** Whether descriptor 0 is one of the JVM's own files rather than what the caller gave (Linux only; false elsewhere). */
    static boolean closed() {
        Path descriptor = Path.of("/proc/self/fd/0");
        try {
            if (!Files.isSymbolicLink(descriptor)) {
                return false;
            }
            Path target = Files.readSymbolicLink(descriptor);
            if (!target.isAbsolute()) {
                return false;
            }
            Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
            if (target.startsWith(javaHome)) {
                return true;
            }
            var source = StandardInput.class.getProtectionDomain().getCodeSource();
            return source != null && Files.isSameFile(target, Path.of(source.getLocation().toURI()));
        } catch (IOException | SecurityException | URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }
}
