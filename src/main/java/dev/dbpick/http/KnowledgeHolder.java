package dev.dbpick.http;

import dev.dbpick.advice.Advisor;
import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.TeamFolder;
import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.scenario.Gate;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.support.Mappers;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge every request uses. A reload first checks the new rules and data in a separate
 * process with a time limit ({@link GateProcess}): they must compile, every value a rule tests
 * for must exist, and every scenario must hold. Only then is the new knowledge built beside the
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

    public KnowledgeHolder(ServiceSettings settings) {
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
        Knowledge knowledge = first.engine().knowledge();
        current.set(new Loaded(new Advisor(first.engine()), Instant.now()));
        LOG.info("knowledge loaded revision={} rules={} libraries={} rulesFolder={} dataFolder={}{}", knowledge.revision(),
                knowledge.rules().names().size(), knowledge.catalog().size(), rulesFolder.label(), dataFolder.label(),
                team == null ? "" : " teamFolder=" + team.label());
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
        List<String> missing = java.util.stream.Stream.of(rulesFolder, dataFolder)
                .filter(folder -> !java.nio.file.Files.isDirectory(folder.root()))
                .map(folder -> folder.label() + ": the folder is missing (being replaced?); the next change reloads it").toList();
        if (!missing.isEmpty()) {
            outcome = new Outcome(false, null, Instant.now(), missing);
            LOG.warn("knowledge reload rejected: {}; still serving revision={}", missing.get(0), current().knowledge().revision());
            last.set(outcome);
            return outcome;
        }
        Gate.Verdict verdict = GateProcess.check(rulesFolder, dataFolder, settings.gateTimeout());
        if (!verdict.passed()) {
            outcome = new Outcome(false, verdict.revision(), Instant.now(), verdict.problems());
            LOG.warn("knowledge reload rejected: {}; still serving revision={}; first: {}", verdict.summary(),
                    current().knowledge().revision(), verdict.problems().isEmpty() ? "" : verdict.problems().get(0));
        } else {
            try {
                // The checking process ran every scenario; here the knowledge is only built. A file
                // saved meanwhile gives another revision than the one checked: that is not switched
                // in (the watcher reloads again for that save).
                Knowledge knowledge = Knowledge.load(rulesFolder, dataFolder, CompiledRulesCache.disabled());
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
                LOG.info("knowledge reloaded revision={} rules={} libraries={}", knowledge.revision(),
                        knowledge.rules().names().size(), knowledge.catalog().size());
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
