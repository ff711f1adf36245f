package dev.dbpick.bench;

import dev.dbpick.GeneratedProfiles;
import dev.dbpick.advice.Advisor;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.http.AnswerBody;
import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.recommendation.Ranking;
import dev.dbpick.recommendation.Screen;
import dev.dbpick.render.Json;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The warm engine on the full bundled catalog and rules, one thread, over a rotating set of 256
 * generated profiles (seeded): rankings per second ({@code rank}), rankings of the fitting
 * libraries only as explanations ask them ({@code rankFitting}), screens of which libraries
 * pass at all ({@code screen}), the default answer with its margin and no what-if explanations
 * ({@code recommendDefault}), full answers with margin, pivots and relaxations
 * ({@code recommend}), the service's work around a ranking (reading the body, {@code readProfile};
 * writing the default answer as the command line does, {@code writeDefault}, and as the service does, {@code writeService}), and the plain path that makes a fresh session per ranking
 * ({@code rankFresh}). Run with {@code src/bench/engine.sh} (see the README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
@Threads(1)
public class EngineBenchmark {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);

    private Engine engine;
    private Advisor advisor;
    private List<Profile> profiles;
    private List<String> bodies;
    private List<Result> answers;
    private final AnswerBody serviceBody = new AnswerBody(JsonMapper.builder().build());
    private int next;

    @Setup
    public void load() {
        engine = new Engine(Knowledge.load(new KnowledgeFolder("rules", Path.of("rules")),
                new KnowledgeFolder("data", Path.of("data")), CompiledRulesCache.disabled()));
        advisor = new Advisor(engine);
        profiles = GeneratedProfiles.of(engine.knowledge().questionnaire(), 256, 42, false);
        bodies = profiles.stream().map(Json::compact).toList();
        answers = profiles.stream().map(profile -> advisor.recommend(profile, 10, AS_OF, Include.NONE)).toList();
    }

    private Profile nextProfile() {
        next = (next + 1) & 255;
        return profiles.get(next);
    }

    @Benchmark
    public Ranking rank() {
        return engine.rank(nextProfile(), AS_OF);
    }

    /** What explanations ask for each changed profile: the fitting libraries scored, the excluded not. */
    @Benchmark
    public Ranking rankFitting() {
        try (Engine.Asker asker = engine.ask(AS_OF)) {
            return asker.rankFitting(nextProfile());
        }
    }

    /** What relaxations and why-not ask first of each changed profile: which libraries pass, no scores. */
    @Benchmark
    public Screen screen() {
        try (Engine.Asker asker = engine.ask(AS_OF)) {
            return asker.screen(nextProfile());
        }
    }

    /** The JSON answer when no explanation is asked for: the ranking and its margin. */
    @Benchmark
    public Result recommendDefault() {
        return advisor.recommend(nextProfile(), 10, AS_OF, Include.NONE);
    }

    /** The answer with every explanation, as the table, the decision record and the web page ask. */
    @Benchmark
    public Result recommend() {
        return advisor.recommend(nextProfile(), 10, AS_OF, Include.ALL);
    }

    /** What the service does with a request's body before ranking: read it as a profile. */
    @Benchmark
    public Profile readProfile() {
        next = (next + 1) & 255;
        return new ProfileReader(engine.knowledge().questionnaire()).read(bodies.get(next));
    }

    /** What the command line does with a default answer: write it as JSON on one line (its escapes, to a string). */
    @Benchmark
    public String writeDefault() {
        next = (next + 1) & 255;
        return Json.compact(answers.get(next));
    }

    /**
     * What the service does with a default answer after ranking: its mapper (plain here, as
     * application.yml leaves Micronaut's) writes it into a Netty buffer, the lines from their kept bytes.
     */
    @Benchmark
    public int writeService() {
        next = (next + 1) & 255;
        return serviceBody.length(answers.get(next));
    }

    @Benchmark
    public Ranking rankFresh() {
        return engine.rankFresh(nextProfile(), AS_OF);
    }
}
