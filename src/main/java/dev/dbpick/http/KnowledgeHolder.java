package dev.dbpick.http;

import dev.dbpick.advice.Advisor;
import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.TeamFolder;
import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.scenario.Gate;
import dev.dbpick.support.CacheFolder;
import dev.dbpick.support.Folders;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.support.Mappers;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge every request uses. A reload first checks the new rules and data in a separate
 * process with a time limit ({@link GateProcess}, kept warm between reloads by {@link GateWorker}):
 * they must compile, every value a rule tests for must exist, and every scenario must hold. Only then is the new knowledge built beside the
 * old and switched in atomically; otherwise the old knowledge keeps serving and the problems are
 * kept for {@code /api/v1/knowledge} and {@code /health}. A request reads {@link #current()} once
 * and finishes on that knowledge. Files are named relative to the knowledge folders.
 *
 * <p>The scenarios cannot try every profile. When the knowledge in service fails a request
 * (past the time budget, out of memory, a rule that throws; see {@link RankingGuard}), the
 * service switches back to the revision it served before, when there is one, and keeps the
 * failing revision out until its files change (a new revision): a reload of the same files is
 * rejected, saying why and with the profile that failed, so the editor can write a scenario.
 */
@Singleton
public class KnowledgeHolder {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeHolder.class);

    private final KnowledgeFolder rulesFolder;
    private final KnowledgeFolder dataFolder;
    private final TeamFolder team;
    private final ServiceSettings settings;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final AtomicReference<Outcome> last = new AtomicReference<>();
    /** The knowledge served before the current one, to switch back to; null when there is none. */
    private final AtomicReference<Loaded> previous = new AtomicReference<>();
    /** Revisions that failed in service, kept out until their files change. */
    private final Map<String, Failure> failedRevisions = new ConcurrentHashMap<>();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private final Object switching = new Object();
    /** A private folder where the gate's process leaves the rules it compiled and checked; null when none could be made. */
    private final Path handover = handoverFolder();
    private final GateWorker gate = new GateWorker(GateProcess.command(), handover);

    /** Knowledge in service, the advisor (and engine) over it, and when it was switched in. */
    public record Loaded(Advisor advisor, Instant loadedAt) {

        public Knowledge knowledge() {
            return advisor.knowledge();
        }
    }

    /**
     * A request the knowledge in service failed: the revision, what went wrong, the profile as
     * understood, when, and the revision served since ({@code servingInstead}, null when there
     * was none to switch back to).
     */
    @Schema(name = "RevisionFailure")
    public record Failure(String revision, String reason, Profile profile, Instant at, String servingInstead) {
    }

    /** What the last reload attempt did. */
    @Schema(name = "ReloadOutcome")
    public record Outcome(boolean switched, String revision, Instant at, List<String> problems) {

        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    /** @param body how the service writes a JSON answer, as the warm-up writes its answers too */
    public KnowledgeHolder(ServiceSettings settings, AnswerBody body) {
        this.settings = settings;
        Path workingDirectory = Path.of("").toAbsolutePath();
        TeamFolder named = TeamFolder.resolve("--team (dbpick.team, DBPICK_TEAM)", settings.team());
        // Named by the folder's own name only, like the other folders never by an absolute path.
        this.team = named == null ? null : new TeamFolder(String.valueOf(named.root().toAbsolutePath().normalize().getFileName()),
                named.root());
        this.rulesFolder = TeamFolder.over(named("rules", KnowledgeFolder.resolve(settings.rules() == null ? null
                : Path.of(settings.rules()), "rules", workingDirectory)), team, "rules");
        this.dataFolder = TeamFolder.over(named("data", KnowledgeFolder.resolve(settings.data() == null ? null
                : Path.of(settings.data()), "data", workingDirectory)), team, "data");
        Gate.Checked first = Gate.check(rulesFolder, dataFolder);
        if (!first.verdict().passed()) {
            throw new KnowledgeException(first.verdict().summary() + " on the knowledge to serve", first.verdict().problems());
        }
        boolean editable = rulesFolder.root().getFileSystem() == FileSystems.getDefault()
                && dataFolder.root().getFileSystem() == FileSystems.getDefault();
        if (editable && (settings.watching() || settings.adminToken() != null)) {
            if (handover != null) {
                // A copy of what just passed, read as an edit will be: warm-ups exercise the same code.
                Path known = handover.resolve("known-good");
                if (copyTree(rulesFolder.root(), known.resolve("rules")) && copyTree(dataFolder.root(), known.resolve("data"))) {
                    gate.warmUpOn(new KnowledgeFolder("rules", known.resolve("rules")), new KnowledgeFolder("data", known.resolve("data")));
                }
            }
            gate.warmUp(settings.gateTimeout());   // while the service warms up: the first edit finds the gate warm
        }
        Knowledge knowledge = first.engine().knowledge();
        Advisor advisor = new Advisor(first.engine());
        long warmUpStart = System.nanoTime();
        int warmed = ServiceWarmUp.run(advisor, settings.warmUp(), settings.rankingTimeout(), body::length);
        if (warmed > 0) {
            LOG.info("warm-up answered {} profiles in {} ms", warmed, (System.nanoTime() - warmUpStart) / 1_000_000);
        }
        current.set(new Loaded(advisor, Instant.now()));
        LOG.info("knowledge loaded revision={} rules={} libraries={} rulesFolder={} dataFolder={}{}", knowledge.revision(),
                knowledge.rules().names().size(), knowledge.catalog().size(), rulesFolder.label(), dataFolder.label(),
                team == null ? "" : " teamFolder=" + team.label());
    }

    /** Stops the reload gate's worker and removes its hand-over folder. */
    @PreDestroy
    void close() {
        gate.close();
        if (handover != null) {
            try {
                Folders.delete(handover);
            } catch (IOException e) {
                LOG.warn("could not remove {}: {}", handover, e.getMessage());
            }
        }
    }

    /**
     * Copies a folder's files and folders, following links that stay inside it (a mounted
     * ConfigMap is made of those) and leaving out any other; false when it could not.
     */
    private static boolean copyTree(Path from, Path to) {
        try {
            Path root = from.toRealPath();
            try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
                for (Path file : files.toList()) {
                    Path target = to.resolve(root.relativize(file).toString());
                    if (!file.toRealPath().startsWith(root)) {
                        continue;
                    }
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else if (Files.isRegularFile(file)) {
                        Files.copy(file, target);
                    }
                }
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("the reload gate warms up on the bundled knowledge: could not copy {}: {}", from, e.getMessage());
            return false;
        }
    }

    /** A new folder only the service's user can read and write; null (the service compiles itself) when there is none. */
    private static Path handoverFolder() {
        try {
            Path folder = Files.createTempDirectory("dbpick-gate-");
            Files.setPosixFilePermissions(folder, CacheFolder.OWNER_ONLY_DIR);
            return folder;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("no private folder for the reload gate's compiled rules ({}); a reload compiles them twice", e.getMessage());
            return null;
        }
    }

    /** Messages name files relative to the knowledge folders, never with an absolute path. */
    private static KnowledgeFolder named(String name, KnowledgeFolder folder) {
        return folder.label().startsWith("(bundled)") ? folder : new KnowledgeFolder(name, folder.root());
    }

    /** The knowledge in service now. */
    public Loaded current() {
        return current.get();
    }

    /** The last failure of a revision in service, or null. */
    public Failure lastFailure() {
        return lastFailure.get();
    }

    /**
     * Counts a failure in service against {@code loaded}'s revision: when it is still in service
     * and an earlier revision was served before it, switches back to that one and keeps the
     * failing revision out until its files change.
     *
     * @return whether the service now serves another revision than the one that failed
     */
    public boolean failed(Loaded loaded, Profile profile, String reason) {
        String revision = loaded.knowledge().revision();
        synchronized (switching) {
            if (current.get() != loaded) {
                return true;   // already switched, by a reload or an earlier failure
            }
            Loaded back = previous.get();
            Failure failure = new Failure(revision, reason, profile, Instant.now(), back == null ? null : back.knowledge().revision());
            lastFailure.set(failure);
            if (back == null) {
                LOG.error("revision={} failed in service: {}; no earlier revision to switch back to", revision, reason);
                return false;
            }
            failedRevisions.put(revision, failure);
            previous.set(null);
            current.set(new Loaded(back.advisor(), Instant.now()));
            LOG.error("revision={} failed in service: {}; switched back to revision={}; {} stays out until its files change",
                    revision, reason, back.knowledge().revision(), revision);
            return true;
        }
    }

    /** Records a reload that threw (out of memory or metaspace, a bug): the old knowledge keeps serving. */
    void reloadFailed(Throwable e) {
        String problem = "the reload failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                + e.getMessage().lines().findFirst().orElse(""))
                + (e instanceof VirtualMachineError ? " (the knowledge may be too large for the configured memory)" : "");
        last.set(new Outcome(false, null, Instant.now(), List.of(problem)));
        LOG.error("knowledge {}; still serving revision={}", problem, current().knowledge().revision());
    }

    /** The last reload attempt, or null when there has been none. */
    public Outcome lastReload() {
        return last.get();
    }

    public KnowledgeFolder rulesFolder() {
        return rulesFolder;
    }

    public KnowledgeFolder dataFolder() {
        return dataFolder;
    }

    /** The team's folder laid over the knowledge, or null without one. */
    public TeamFolder team() {
        return team;
    }

    /**
     * Checks the folders' knowledge in a separate process within the time limit, and switches to
     * it when it passes; the old knowledge keeps serving otherwise.
     */
    public synchronized Outcome reload() {
        Outcome outcome;
        List<String> missing = Stream.of(rulesFolder, dataFolder)
                .filter(folder -> !Files.isDirectory(folder.root()))
                .map(folder -> folder.label() + ": the folder is missing (being replaced?); the next change reloads it").toList();
        if (!missing.isEmpty()) {
            outcome = new Outcome(false, null, Instant.now(), missing);
            LOG.warn("knowledge reload rejected: {}; still serving revision={}", missing.get(0), current().knowledge().revision());
            last.set(outcome);
            return outcome;
        }
        long start = System.nanoTime();
        Gate.Verdict verdict = gate.check(rulesFolder, dataFolder, settings.gateTimeout());
        long checked = System.nanoTime();
        if (!verdict.passed()) {
            outcome = new Outcome(false, verdict.revision(), Instant.now(), verdict.problems());
            LOG.warn("knowledge reload rejected: {}; still serving revision={}; first: {}", verdict.summary(),
                    current().knowledge().revision(), verdict.problems().isEmpty() ? "" : verdict.problems().get(0));
        } else {
            try {
                // The checking process ran every scenario; here the knowledge is only built. A file
                // saved meanwhile gives another revision than the one checked: that is not switched
                // in (the watcher reloads again for that save).
                // The rules the checking process compiled (the same files, else a miss) are loaded, not compiled again.
                Knowledge knowledge = Knowledge.load(rulesFolder, dataFolder,
                        handover == null ? CompiledRulesCache.disabled() : CompiledRulesCache.in(handover));
                if (!knowledge.revision().equals(verdict.revision())) {
                    throw new KnowledgeException("the files changed while they were checked (revision " + verdict.revision()
                            + " checked, " + knowledge.revision() + " found); the next reload checks them again");
                }
                Failure failed = failedRevisions.get(knowledge.revision());
                if (failed != null) {
                    throw new KnowledgeException("revision " + failed.revision() + " failed in service at " + failed.at() + ": "
                            + failed.reason() + ", for the profile " + Mappers.compact(failed.profile())
                            + "; it stays out until its files change (a scenario with that profile shows the fault)");
                }
                synchronized (switching) {
                    Loaded replaced = current.get();
                    if (!replaced.knowledge().revision().equals(knowledge.revision())) {
                        previous.set(replaced);
                    }
                    current.set(new Loaded(new Advisor(new Engine(knowledge)), Instant.now()));
                }
                outcome = new Outcome(true, knowledge.revision(), Instant.now(), List.of());
                LOG.info("knowledge reloaded revision={} rules={} libraries={} gate={} ms build={} ms", knowledge.revision(),
                        knowledge.rules().names().size(), knowledge.catalog().size(), (checked - start) / 1_000_000,
                        (System.nanoTime() - checked) / 1_000_000);
            } catch (KnowledgeException e) {
                List<String> problems = e.problems().isEmpty() ? List.of(e.getMessage()) : e.problems();
                outcome = new Outcome(false, null, Instant.now(), problems);
                LOG.warn("knowledge reload rejected: {}; still serving revision={}; first: {}", e.getMessage(),
                        current().knowledge().revision(), problems.get(0));
            }
        }
        last.set(outcome);
        return outcome;
    }
}
