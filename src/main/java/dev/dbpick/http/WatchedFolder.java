package dev.dbpick.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A knowledge folder as the watcher sees it: the path the service was given, and the folder
 * that path leads to now (its real path and file key). A deploy that deletes and recreates
 * the folder, renames another into its place or swaps a link on its path changes the latter.
 */
final class WatchedFolder {

    /** Links followed on a path before it is taken as a loop. */
    private static final int MAX_LINKS = 40;

    private final Path path;
    private Path real;
    private Object fileKey;

    WatchedFolder(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    Path path() {
        return path;
    }

    /** The folder the path led to when last identified, or null when it was missing. */
    Path real() {
        return real;
    }

    /** Takes note of the folder the path leads to now. */
    void identify() {
        real = currentTarget();
        fileKey = real == null ? null : fileKey(real);
    }

    /** Whether the path now leads to another folder than when last identified (or to none). */
    boolean moved() {
        Path now = currentTarget();
        return !Objects.equals(now, real) || now != null && !Objects.equals(fileKey(now), fileKey);
    }

    /** The real path the folder's path leads to now, or null when it is missing or not a folder. */
    Path currentTarget() {
        try {
            Path target = path.toRealPath();
            return Files.isDirectory(target) ? target : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Object fileKey(Path dir) {
        try {
            Object key = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return key == null ? dir : key;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The folders whose entries decide where the path leads: its parent (where the folder is
     * deleted, recreated or renamed) and the folder holding each symbolic link met on the way,
     * link targets followed as the system does. Each is given as a real path, so a watch on it
     * stays on that folder when a link to it is swapped.
     */
    Set<Path> anchors() {
        Set<Path> anchors = new LinkedHashSet<>();
        if (path.getParent() != null) {
            anchors.add(realOrSelf(path.getParent()));
        }
        Deque<Path> names = new ArrayDeque<>();
        path.forEach(names::add);
        Path current = path.getRoot();
        int links = 0;
        while (!names.isEmpty() && current != null) {
            Path name = names.poll();
            if (name.toString().equals("..")) {
                current = current.getParent() == null ? current : current.getParent();
                continue;
            }
            if (name.toString().equals(".")) {
                continue;
            }
            Path next = current.resolve(name);
            if (Files.isSymbolicLink(next) && links++ < MAX_LINKS) {
                anchors.add(current);
                try {
                    Path target = Files.readSymbolicLink(next);
                    Deque<Path> rest = new ArrayDeque<>();
                    target.forEach(rest::add);
                    while (!rest.isEmpty()) {
                        names.push(rest.pollLast());
                    }
                    if (target.isAbsolute()) {
                        current = target.getRoot();
                    }
                } catch (IOException e) {
                    return anchors;
                }
            } else {
                current = next;
            }
        }
        anchors.removeIf(anchor -> !Files.isDirectory(anchor));
        return anchors;
    }

    private static Path realOrSelf(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }
}
