package dev.dbpick.bench;

import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.recommendation.RecommendationEngine;
import dev.dbpick.recommendation.Result;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The warm engine on the full bundled catalog and rules, one thread: recommendations per
 * second for a few typical profiles. Run with {@code src/bench/engine.sh} (see the README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EngineBenchmark {

    @Param({
        "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}",
        "{\"purpose\":\"cache\",\"priorities\":[\"simplicity\",\"maturity\"]}",
        "{}"})
    public String profileJson;

    private Knowledge knowledge;
    private Profile profile;

    @Setup
    public void load() {
        knowledge = Knowledge.load(new KnowledgeFolder("rules", Path.of("rules")),
                new KnowledgeFolder("data", Path.of("data")), CompiledRulesCache.disabled());
        profile = new ProfileReader(knowledge.questionnaire()).read(profileJson);
    }

    @Benchmark
    public Result recommend() {
        return RecommendationEngine.recommend(knowledge, profile, 10);
    }
}
