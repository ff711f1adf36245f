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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the rules and data folders and asks for a reload once the file events of a save
 * have settled (editors write several per save). The bundled knowledge inside the jar cannot
 * change and is not watched.
 */
@Context
public class KnowledgeWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeWatcher.class);

    private final KnowledgeHolder holder;
    private final ServiceSettings settings;
    private WatchService service;
    private Thread thread;
    private volatile String stopped;

    public KnowledgeWatcher(KnowledgeHolder holder, ServiceSettings settings) {
        this.holder = holder;
        this.settings = settings;
    }

    @PostConstruct
    void start() throws IOException {
        Path rules = holder.rulesFolder().root();
        Path data = holder.dataFolder().root();
        Path team = holder.team() == null ? null : holder.team().root();
        if (!settings.watching() || (rules.getFileSystem() != FileSystems.getDefault()
                || data.getFileSystem() != FileSystems.getDefault()) && team == null) {
            LOG.info("not watching the knowledge folders ({})", settings.watching() ? "bundled knowledge" : "dbpick.watch=false");
            return;
        }
        service = FileSystems.getDefault().newWatchService();
        for (Path folder : team == null ? List.of(rules, data) : List.of(rules, data, team)) {
            if (folder.getFileSystem() == FileSystems.getDefault()) {
                registerTree(folder);
            }
        }
        thread = new Thread(this::watch, "dbpick-knowledge-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("watching {} and {}{} for changes", rules, data, team == null ? "" : " and the team's " + team);
    }

    @PreDestroy
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = service.take();
                drain(key);
                // Debounce: wait until the folder has been quiet for a while.
                WatchKey more;
                while ((more = service.poll(settings.debounce(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
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

    private void drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (var event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name
                    && Files.isDirectory(dir.resolve(name))) {
                try {
                    registerTree(dir.resolve(name));
                } catch (IOException e) {
                    LOG.warn("cannot watch new folder {}: {}", dir.resolve(name), e.getMessage());
                }
            }
        }
        key.reset();
    }
}
