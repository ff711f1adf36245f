package dev.dbpick.http;

import dev.dbpick.advice.Advisor;
import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.scenario.Gate;
import dev.dbpick.support.KnowledgeException;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
 */
@Singleton
public class KnowledgeHolder {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeHolder.class);

    private final KnowledgeFolder rulesFolder;
    private final KnowledgeFolder dataFolder;
    private final ServiceSettings settings;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final AtomicReference<Outcome> last = new AtomicReference<>();

    /** Knowledge in service, the advisor (and engine) over it, and when it was switched in. */
    public record Loaded(Advisor advisor, Instant loadedAt) {

        public Knowledge knowledge() {
            return advisor.knowledge();
        }
    }

    /** What the last reload attempt did. */
    public record Outcome(boolean switched, String revision, Instant at, List<String> problems) {

        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    public KnowledgeHolder(ServiceSettings settings) {
        this.settings = settings;
        Path workingDirectory = Path.of("").toAbsolutePath();
        this.rulesFolder = named("rules", KnowledgeFolder.resolve(settings.rules() == null ? null : Path.of(settings.rules()),
                "rules", workingDirectory));
        this.dataFolder = named("data", KnowledgeFolder.resolve(settings.data() == null ? null : Path.of(settings.data()),
                "data", workingDirectory));
        Gate.Checked first = Gate.check(rulesFolder, dataFolder);
        if (!first.verdict().passed()) {
            throw new KnowledgeException(first.verdict().summary() + " on the knowledge to serve", first.verdict().problems());
        }
        Knowledge knowledge = first.engine().knowledge();
        current.set(new Loaded(new Advisor(first.engine()), Instant.now()));
        LOG.info("knowledge loaded revision={} rules={} libraries={} rulesFolder={} dataFolder={}", knowledge.revision(),
                knowledge.rules().names().size(), knowledge.catalog().size(), rulesFolder.label(), dataFolder.label());
    }

    /** Messages name files relative to the knowledge folders, never with an absolute path. */
    private static KnowledgeFolder named(String name, KnowledgeFolder folder) {
        return folder.label().startsWith("(bundled)") ? folder : new KnowledgeFolder(name, folder.root());
    }

    /** The knowledge in service now. */
    public Loaded current() {
        return current.get();
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

    /**
     * Checks the folders' knowledge in a separate process within the time limit, and switches to
     * it when it passes; the old knowledge keeps serving otherwise.
     */
    public synchronized Outcome reload() {
        Outcome outcome;
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
                current.set(new Loaded(new Advisor(new Engine(knowledge)), Instant.now()));
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
