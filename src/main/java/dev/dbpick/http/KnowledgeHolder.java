package dev.dbpick.http;

import dev.dbpick.advice.Advisor;
import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.RuleValues;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.scenario.ScenarioReader;
import dev.dbpick.scenario.ScenarioResult;
import dev.dbpick.scenario.ScenarioRunner;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge every request uses. A reload compiles the new rules and data beside the old,
 * runs the scenario tests, and switches atomically only when both pass; otherwise the old
 * knowledge keeps serving and the error is kept for {@code /api/v1/knowledge} and
 * {@code /health}. A request reads {@link #current()} once and finishes on that knowledge.
 */
@Singleton
public class KnowledgeHolder {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeHolder.class);

    private final KnowledgeFolder rulesFolder;
    private final KnowledgeFolder dataFolder;
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
        Path workingDirectory = Path.of("").toAbsolutePath();
        this.rulesFolder = KnowledgeFolder.resolve(settings.rules() == null ? null : Path.of(settings.rules()), "rules", workingDirectory);
        this.dataFolder = KnowledgeFolder.resolve(settings.data() == null ? null : Path.of(settings.data()), "data", workingDirectory);
        Engine first = new Engine(build());
        List<String> failures = failingScenarios(first);
        if (!failures.isEmpty()) {
            throw new KnowledgeException(failures.size() + " scenario(s) fail on the knowledge to serve", failures);
        }
        current.set(new Loaded(new Advisor(first), Instant.now()));
        LOG.info("knowledge loaded revision={} rules={} libraries={} rulesFolder={} dataFolder={}", first.knowledge().revision(),
                first.knowledge().rules().names().size(), first.knowledge().catalog().size(), rulesFolder.label(), dataFolder.label());
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

    /** Builds the knowledge from the folders again, and switches to it if it compiles and passes its scenarios. */
    public synchronized Outcome reload() {
        Outcome outcome;
        try {
            Engine candidate = new Engine(build());
            Knowledge knowledge = candidate.knowledge();
            List<String> failures = failingScenarios(candidate);
            if (failures.isEmpty()) {
                current.set(new Loaded(new Advisor(candidate), Instant.now()));
                outcome = new Outcome(true, knowledge.revision(), Instant.now(), List.of());
                LOG.info("knowledge reloaded revision={} rules={} libraries={}", knowledge.revision(),
                        knowledge.rules().names().size(), knowledge.catalog().size());
            } else {
                outcome = new Outcome(false, knowledge.revision(), Instant.now(), failures);
                LOG.warn("knowledge reload rejected: {} scenario(s) fail; still serving revision={}; first: {}",
                        failures.size(), current().knowledge().revision(), failures.get(0));
            }
        } catch (KnowledgeException e) {
            outcome = new Outcome(false, null, Instant.now(), e.problems());
            LOG.warn("knowledge reload rejected: {}; still serving revision={}; first: {}", e.getMessage(),
                    current().knowledge().revision(), e.problems().get(0));
        } catch (RuntimeException e) {
            outcome = new Outcome(false, null, Instant.now(), List.of("internal error: " + e));
            LOG.error("knowledge reload failed; still serving revision={}", current().knowledge().revision(), e);
        }
        last.set(outcome);
        return outcome;
    }

    private Knowledge build() {
        Knowledge knowledge = Knowledge.load(rulesFolder, dataFolder, CompiledRulesCache.disabled());
        List<String> values = RuleValues.check(knowledge.rules().files(), knowledge.data());
        if (!values.isEmpty()) {
            throw new KnowledgeException(values.size() + " value(s) the rules test for exist nowhere in the data", values);
        }
        return knowledge;
    }

    private List<String> failingScenarios(Engine engine) {
        List<String> failures = new ArrayList<>();
        Knowledge knowledge = engine.knowledge();
        var scenarios = new ScenarioReader(knowledge.catalog(), knowledge.questionnaire()).read(rulesFolder);
        for (ScenarioResult result : ScenarioRunner.run(engine, scenarios)) {
            result.failures().forEach(f -> failures.add(result.scenario().source() + ": " + result.scenario().name() + ": " + f));
        }
        return failures;
    }
}
