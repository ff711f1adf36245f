package dev.dbpick.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.GeneratedProfiles;
import dev.dbpick.catalog.Catalog;
import dev.dbpick.catalog.Library;
import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.Rules;
import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.support.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How the time per ranking grows with the knowledge: the bundled catalog and rules, the catalog
 * ten times over (every library copied under new ids), the rules ten times over (every rule
 * copied under new names), and both. Prints microseconds per ranking, warm, one thread, over
 * rotating generated profiles, and nanoseconds per rule-library pair: a flat figure means the
 * cost grows with rules times libraries and no faster.
 *
 * <p>Usage: {@code ScaleBenchmark [seconds per measurement = 10]}; run through {@code src/bench/scale.sh}.
 */
public final class ScaleBenchmark {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Data data = Data.read(new KnowledgeFolder("data", Path.of("data")));
        Path rules1 = Path.of("rules");
        Path rules10 = Files.createTempDirectory("dbpick-rules-x10");
        copyRules(rules1, rules10, 10);
        Data data10 = new Data(data.questionnaire(), tenfold(data.catalog()), data.settings(), data.files());
        List<Profile> profiles = GeneratedProfiles.of(data.questionnaire(), 256, 11, false);
        System.out.printf("%-28s %9s %9s %12s %14s%n", "knowledge", "rules", "libraries", "us/ranking", "ns/rule-library");
        measure("bundled", data, rules1, profiles, seconds);
        measure("catalog x10", data10, rules1, profiles, seconds);
        measure("rules x10", data, rules10, profiles, seconds);
        measure("catalog x10, rules x10", data10, rules10, profiles, seconds);
    }

    private static void measure(String name, Data bundled, Path rulesFolder, List<Profile> profiles, int seconds) {
        // Ten times the rules fire ten times as often: the firing budget grows with them.
        var settings = bundled.settings();
        Data data = new Data(bundled.questionnaire(), bundled.catalog(), new dev.dbpick.knowledge.Settings(settings.nearTiePoints(),
                settings.staleFactsAfterMonths(), settings.maxFiringsPerLibrary() * 10, settings.changeOrder()), bundled.files());
        Rules rules = Rules.compile(new KnowledgeFolder("rules", rulesFolder), CompiledRulesCache.disabled());
        Engine engine = new Engine(Knowledge.of(data, rules));
        long warmUntil = System.nanoTime() + seconds * 1_000_000_000L;
        int i = 0;
        try (Engine.Asker asker = engine.ask(AS_OF)) {
            while (System.nanoTime() < warmUntil) {
                asker.rank(profiles.get(i++ & 255));
            }
            long start = System.nanoTime();
            long until = start + seconds * 1_000_000_000L;
            int count = 0;
            while (System.nanoTime() < until) {
                asker.rank(profiles.get(i++ & 255));
                count++;
            }
            double micros = (System.nanoTime() - start) / 1e3 / count;
            int ruleCount = rules.names().size();
            int libraries = data.catalog().size();
            System.out.printf("%-28s %9d %9d %12.0f %14.1f%n", name, ruleCount, libraries, micros,
                    micros * 1e3 / ((double) ruleCount * libraries));
        }
    }

    /** Every library, and nine copies of it with ids and names suffixed -2 to -10. */
    private static Catalog tenfold(Catalog catalog) throws IOException {
        List<Library> libraries = new ArrayList<>(catalog.libraries());
        for (int copy = 2; copy <= 10; copy++) {
            for (Library library : catalog.libraries()) {
                ObjectNode node = Mappers.json().valueToTree(library);
                node.put("id", library.id() + "-" + copy);
                node.put("name", library.name() + " " + copy);
                libraries.add(Mappers.json().treeToValue(node, Library.class));
            }
        }
        return new Catalog(libraries, catalog.vocabulary());
    }

    /** The rule files, each rule (and function) copied under new names ("... #2", "name_2"). */
    private static void copyRules(Path from, Path to, int times) throws IOException {
        try (var files = Files.list(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                String text = Files.readString(file);
                Files.writeString(to.resolve(file.getFileName()), text);
                List<String> functions = new ArrayList<>();
                var declared = java.util.regex.Pattern.compile("(?m)^function\\s+\\S+\\s+(\\w+)\\s*\\(").matcher(text);
                while (declared.find()) {
                    functions.add(declared.group(1));
                }
                for (int copy = 2; copy <= times; copy++) {
                    String renamed = text.replaceAll("(?m)^rule \"([^\"]*)\"", "rule \"$1 #" + copy + "\"");
                    for (String function : functions) {
                        renamed = renamed.replaceAll("\\b" + function + "\\b", function + "_" + copy);
                    }
                    Files.writeString(to.resolve(file.getFileName().toString().replace(".drl", "-" + copy + ".drl")), renamed);
                }
            }
        }
    }
}
