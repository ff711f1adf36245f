package dev.dbpick.http;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the knowledge folders and asks for a reload once the file events of a save have
 * settled (editors write several per save). The bundled knowledge inside the jar cannot change
 * and is not watched.
 *
 * <p>Both common deploy styles reload: a folder deleted and recreated, or renamed away and
 * replaced ({@code mv rules rules.old && mv rules.new rules}), and a symbolic link swapped
 * somewhere on the folder's path ({@code ln -sfn v2 cur.new && mv -T cur.new cur}, the way
 * Kubernetes updates a mounted ConfigMap). For that the watcher also watches the folder's
 * parent and the folder of every link on its path ({@link WatchedFolder#anchors}), and
 * checks every few seconds whether a folder's path now leads to another folder; when it does,
 * it watches the new one and reloads, through the same gate as an edit.
 */
@Context
public class KnowledgeWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeWatcher.class);
    /** How often the folders' identities are checked when no event comes (a missed link swap, say). */
    private static final long RECHECK_SECONDS = 2;

    private final KnowledgeHolder holder;
    private final ServiceSettings settings;
    private WatchService service;
    private Thread thread;
    private volatile String stopped;
    /** The watched folders; a further knowledge folder is one more entry. */
    private List<WatchedFolder> folders = List.of();
    /** Keys of the folders' trees, by the folder they belong to. */
    private final Map<WatchKey, WatchedFolder> treeKeys = new HashMap<>();
    /**
     * The key of each folder's top: it turns invalid when the folder is deleted, even when a
     * folder recreated at once gets the same file key (the system reuses a freed inode).
     */
    private final Map<WatchedFolder, WatchKey> topKeys = new HashMap<>();

    public KnowledgeWatcher(KnowledgeHolder holder, ServiceSettings settings) {
        this.holder = holder;
        this.settings = settings;
    }

    @PostConstruct
    void start() throws IOException {
        List<Path> roots = holder.team() == null
                ? List.of(holder.rulesFolder().root(), holder.dataFolder().root())
                : List.of(holder.rulesFolder().root(), holder.dataFolder().root(), holder.team().root());
        // Bundled knowledge inside the jar has nothing to watch; a team folder over it still has.
        List<Path> local = roots.stream().filter(root -> root.getFileSystem() == FileSystems.getDefault()).toList();
        if (!settings.watching() || local.isEmpty()) {
            LOG.info("not watching the knowledge folders ({})", settings.watching() ? "bundled knowledge" : "dbpick.watch=false");
            return;
        }
        service = FileSystems.getDefault().newWatchService();
        folders = local.stream().map(WatchedFolder::new).toList();
        for (WatchedFolder folder : folders) {
            follow(folder);
        }
        thread = new Thread(this::watch, "dbpick-knowledge-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("watching {} for changes", folders.stream().map(f -> f.path().toString()).toList());
    }

    @PreDestroy
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
    }

    /** (Re)watches a folder: its tree as it is now, and the anchors whose changes may swap it. */
    private void follow(WatchedFolder folder) {
        treeKeys.entrySet().removeIf(entry -> {
            if (entry.getValue() == folder) {
                entry.getKey().cancel();
                return true;
            }
            return false;
        });
        folder.identify();
        for (Path anchor : folder.anchors()) {
            register(anchor, null);
        }
        topKeys.remove(folder);
        if (folder.real() != null) {
            registerTree(folder.real(), folder);
            WatchKey top = register(folder.real(), folder);
            if (top != null) {
                topKeys.put(folder, top);
            }
        }
    }

    private void registerTree(Path root, WatchedFolder folder) {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                register(dir, folder);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // The folder changes under the walk (a deploy in progress): the next event or recheck watches it again.
            LOG.debug("cannot walk {}: {}", root, e.getMessage());
        }
    }

    private WatchKey register(Path dir, WatchedFolder folder) {
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            if (folder != null) {
                treeKeys.put(key, folder);
            }
            return key;
        } catch (IOException e) {
            LOG.debug("cannot watch {}: {}", dir, e.getMessage());
            return null;
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = service.poll(RECHECK_SECONDS, TimeUnit.SECONDS);
                boolean changed = key != null && drain(key);
                changed |= recheck();
                if (!changed) {
                    continue;
                }
                // Debounce: wait until the folders have been quiet for a while.
                WatchKey more;
                while ((more = service.poll(settings.debounce(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                recheck();
                reload();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // Shutting down.
        } catch (Throwable e) {
            stopped = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.error("the knowledge watcher stopped ({}); /health is DOWN; restart the service to resume hot reload", stopped, e);
        }
    }

    /** Watches again every folder whose path now leads elsewhere (or nowhere); whether any did. */
    private boolean recheck() {
        boolean changed = false;
        for (WatchedFolder folder : folders) {
            WatchKey top = topKeys.get(folder);
            if (folder.moved() || top != null && !top.isValid()) {
                LOG.info("knowledge folder {} now {}; watching it again", folder.path(),
                        Files.isDirectory(folder.path()) ? "leads to " + folder.currentTarget() : "is missing");
                follow(folder);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Reloads, whatever a reload throws: an error (out of memory or metaspace while building the
     * new knowledge, a bug) is reported as that reload's outcome and the watch goes on.
     */
    private void reload() {
        try {
            holder.reload();
        } catch (Throwable e) {
            holder.reloadFailed(e);
        }
    }

    /** Why the watch stopped, or null while it runs (or was never started). */
    public String stopped() {
        return stopped;
    }

    /** Whether the folders are watched at all (not for the bundled knowledge, nor with dbpick.watch=false). */
    public boolean watching() {
        return thread != null;
    }

    /** Takes a key's events; whether one is inside a knowledge folder (an anchor's events only lead to a recheck). */
    private boolean drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        WatchedFolder folder = treeKeys.get(key);
        for (var event : key.pollEvents()) {
            if (folder != null && event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name
                    && Files.isDirectory(dir.resolve(name))) {
                registerTree(dir.resolve(name), folder);
            }
        }
        if (!key.reset() && folder != null) {
            treeKeys.remove(key);
        }
        return folder != null;
    }
}
