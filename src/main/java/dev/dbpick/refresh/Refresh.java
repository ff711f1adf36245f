package dev.dbpick.refresh;

import dev.dbpick.catalog.Catalog;
import dev.dbpick.catalog.FactNames;
import dev.dbpick.catalog.Library;
import dev.dbpick.catalog.Overlay;
import dev.dbpick.catalog.Pins;
import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.RefreshSettings;
import dev.dbpick.knowledge.Rules;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.scenario.ScenarioReader;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.support.SourceFile;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code dbpick catalog refresh}: asks the three sources about each library, lays what they say
 * over the earlier refreshed facts (a source that fails keeps its facts, with their dates; a
 * pinned fact is never written), checks the refreshed catalog loads, re-runs the scenarios on
 * it, and writes the overlays that changed. The hand-written catalog is only ever read.
 */
public final class Refresh {

    /**
     * What to refresh and how.
     *
     * @param ids          the libraries (empty: every library not from the standard library)
     * @param dryRun       write nothing
     * @param offline      answer from the cache only
     * @param pypiUrl      the index's base URL instead of the settings' (null: the settings')
     * @param osvUrl       OSV's base URL instead of the settings' (null: the settings')
     * @param downloadsUrl the ranking's URL instead of the settings' (null: the settings')
     */
    public record Options(List<String> ids, boolean dryRun, boolean offline, String pypiUrl, String osvUrl,
                          String downloadsUrl) {

        public Options {
            ids = List.copyOf(ids);
        }
    }

    private final Options options;
    private final ResponseCache cache;
    private final Clock clock;
    private final PoliteClient.Sleeper sleeper;

    Refresh(Options options, ResponseCache cache, Clock clock, PoliteClient.Sleeper sleeper) {
        this.options = options;
        this.cache = cache;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** A refresh with the user's cache folder, the system clock and real waits. */
    public static Refresh of(Options options) {
        return new Refresh(options, ResponseCache.forUser(), Clock.systemDefaultZone(), d -> Thread.sleep(d.toMillis()));
    }

    /**
     * Runs the refresh. A source that cannot be reached, or that times out or fails past its
     * retries for two packages in a row, is not asked again this run: its remaining packages keep
     * their facts, each with a warning.
     *
     * @param progress told the library being asked about, e.g. "django (12/59)"
     * @throws IllegalArgumentException for an id the catalog does not have, or a folder that cannot be written
     * @throws KnowledgeException       when the data (or the refreshed data) is invalid
     */
    public Report run(KnowledgeFolder dataFolder, KnowledgeFolder rulesFolder, CompiledRulesCache rulesCache,
                      Consumer<String> progress) {
        Data current = Data.read(dataFolder);
        if (!options.dryRun() && !"file".equals(dataFolder.root().getFileSystem().provider().getScheme())) {
            throw new IllegalArgumentException("the data bundled in dbpick cannot be refreshed; use --data DIR (or run where"
                    + " ./data is), or --dry-run");
        }
        Catalog hand = current.handCatalog();
        Catalog catalog = current.catalog();
        Pins pins = pins(catalog);
        Map<String, Overlay> overlays = overlays(current);
        RefreshSettings settings = current.settings().refresh();
        String pypiUrl = base(options.pypiUrl(), settings.pypi());
        String osvUrl = base(options.osvUrl(), settings.osv());
        String downloadsUrl = options.downloadsUrl() != null ? options.downloadsUrl() : settings.downloads();
        PoliteClient client = new PoliteClient(cache, Duration.ofSeconds(settings.timeoutSeconds()), settings.requestsPerSecond(),
                PoliteClient.userAgent(Refresh.class.getPackage().getImplementationVersion(), settings.projectUrl()),
                options.offline(), clock, sleeper);
        List<String> known = current.questionnaire().get("python").values().stream().filter(v -> v.matches("\\d+\\.\\d+")).toList();
        PypiSource pypi = new PypiSource(client, pypiUrl, known, LocalDate.now(clock).toString().substring(0, 7));
        OsvSource osv = new OsvSource(client, osvUrl);
        DownloadsSource downloads = new DownloadsSource(client, downloadsUrl);

        List<Report.Note> notes = new ArrayList<>();
        List<Library> targets = targets(hand, notes);
        Map<Source, List<String>> failures = new EnumMap<>(Source.class);
        Map<Source, String> down = new EnumMap<>(Source.class);
        Map<Source, Integer> struggling = new EnumMap<>(Source.class);
        List<String> warnings = new ArrayList<>();
        List<SourceFile> files = new ArrayList<>();
        if (!targets.isEmpty()) {
            downloads.load();
            if (downloads.failure() != null) {
                failures.computeIfAbsent(Source.DOWNLOADS, s -> new ArrayList<>()).add("the listing: " + downloads.failure());
                warnings.add("downloads: " + downloadsUrl + ": " + downloads.failure() + "; every download rank stays as it was");
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            Library library = targets.get(i);
            progress.accept(library.id() + " (" + (i + 1) + "/" + targets.size() + ")");
            List<SourceOutcome> outcomes = new ArrayList<>();
            for (Source source : Source.values()) {
                SourceOutcome outcome = down.containsKey(source)
                        ? SourceOutcome.failed(source, down.get(source) + " (not asked again this run)")
                        : switch (source) {
                            case PYPI -> pypi.refresh(library);
                            case OSV -> osv.refresh(library);
                            case DOWNLOADS -> downloads.refresh(library);
                        };
                int inARow = outcome.failure() != null && FetchException.struggling(outcome.failure())
                        ? struggling.merge(source, 1, Integer::sum) : 0;
                struggling.put(source, inARow);
                if (outcome.failure() == FetchException.Kind.UNREACHABLE || inARow >= 2) {
                    down.putIfAbsent(source, outcome.problems().get(0) + (inARow >= 2 ? ", twice in a row" : ""));
                }
                outcomes.add(outcome);
                report(library, outcome, downloads.failure() != null, failures, warnings, notes);
            }
            Overlay old = overlays.get(library.id());
            Map<String, Overlay.Fact> facts = compose(library, old, outcomes, pins, notes);
            if (old != null || !facts.isEmpty()) {
                files.add(OverlayWriter.file(dataFolder.label(), library.id(), facts));
            }
        }
        Data refreshed = Data.readWith(dataFolder, files);
        List<Change> changes = new ArrayList<>();
        for (Library library : targets) {
            String id = library.id();
            changes.addAll(FactDiff.changes(catalog.find(id).orElseThrow(), catalog.provenance(id),
                    refreshed.catalog().find(id).orElseThrow(), refreshed.catalog().provenance(id)));
        }
        ScenarioReplay.Outcome scenarios = null;
        String scenariosError = null;
        try {
            Rules rules = Rules.compile(rulesFolder, rulesCache);
            scenarios = ScenarioReplay.replay(changes.isEmpty() ? null : new Engine(Knowledge.of(current, rules)),
                    new Engine(Knowledge.of(refreshed, rules)),
                    new ScenarioReader(refreshed.catalog(), refreshed.questionnaire()).read(rulesFolder));
        } catch (KnowledgeException e) {
            scenariosError = e.getMessage() + (e.problems().size() > 1 ? ": " + String.join("; ", e.problems()) : "");
        }
        List<String> written = new ArrayList<>();
        for (SourceFile file : files) {
            boolean differs = current.files().stream().noneMatch(f -> f.path().equals(file.path())
                    && java.util.Arrays.equals(f.content(), file.content()));
            if (differs && (options.dryRun() || OverlayWriter.write(dataFolder.root(), file))) {
                written.add(file.name());
            }
        }
        List<Report.SourceStatus> sources = List.of(
                status(Source.PYPI, pypiUrl, failures), status(Source.OSV, osvUrl, failures),
                status(Source.DOWNLOADS, downloadsUrl, failures));
        return new Report(changes, sources, scenarios, scenariosError, notes, warnings,
                targets.stream().map(Library::id).toList(), written, options.dryRun());
    }

    /** The libraries asked for, or every one not from the standard library. */
    private List<Library> targets(Catalog hand, List<Report.Note> notes) {
        if (options.ids().isEmpty()) {
            return hand.libraries().stream().filter(l -> !"stdlib".equals(l.install())).toList();
        }
        List<Library> targets = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(options.ids())) {
            Library library = hand.find(id.toLowerCase(java.util.Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                    "unknown library \"" + id + "\"" + dev.dbpick.support.Suggestions.didYouMean(id,
                            hand.libraries().stream().map(Library::id).toList()) + " ('dbpick catalog list' shows all ids)"));
            if ("stdlib".equals(library.install())) {
                notes.add(new Report.Note(library.id(), null, "part of the Python standard library: nothing to refresh"));
            } else {
                targets.add(library);
            }
        }
        return targets;
    }

    /** Warnings and notes of one outcome. */
    private static void report(Library library, SourceOutcome outcome, boolean listingFailed, Map<Source, List<String>> failures,
                               List<String> warnings, List<Report.Note> notes) {
        Source source = outcome.source();
        boolean listing = source == Source.DOWNLOADS && listingFailed;   // said once, above
        for (String problem : outcome.problems()) {
            if (!listing) {
                failures.computeIfAbsent(source, s -> new ArrayList<>()).add(library.id() + ": " + problem);
                warnings.add(source.label() + ": " + library.id() + ": " + problem
                        + (outcome.failed() ? "; its " + source.facts() + " stay as they were" : "; that stays as it was"));
            }
        }
        outcome.notes().forEach(note -> notes.add(new Report.Note(library.id(), source.label(), note)));
    }

    /**
     * The library's refreshed facts after this run: each source's new facts, its earlier facts
     * where it failed or could not tell, nothing pinned.
     */
    private static Map<String, Overlay.Fact> compose(Library hand, Overlay old, List<SourceOutcome> outcomes, Pins pins,
                                                     List<Report.Note> notes) {
        Map<String, Overlay.Fact> before = old == null ? Map.of() : old.facts();
        Map<String, Overlay.Fact> facts = new TreeMap<>(FactNames.ORDER);
        for (SourceOutcome outcome : outcomes) {
            if (outcome.failed()) {
                before.forEach((name, fact) -> {
                    if (Source.of(name) == outcome.source()) {
                        facts.put(name, fact);
                    }
                });
                continue;
            }
            facts.putAll(outcome.facts());
            outcome.keep().stream().filter(before::containsKey).filter(name -> !outcome.facts().containsKey(name))
                    .forEach(name -> facts.put(name, before.get(name)));
        }
        for (String name : new ArrayList<>(facts.keySet())) {
            if (pins.pinned(hand.id(), name)) {
                Overlay.Fact fact = facts.remove(name);
                if (FactNames.FIXED.contains(name) && !FactDiff.value(hand, name).equals(fact.value())) {
                    notes.add(new Report.Note(hand.id(), Source.of(name).label(), "pinned " + name + " keeps "
                            + FactDiff.value(hand, name) + "; the source says " + fact.value()));
                }
            }
        }
        return new LinkedHashMap<>(facts);
    }

    private static Report.SourceStatus status(Source source, String url, Map<Source, List<String>> failures) {
        List<String> failed = failures.getOrDefault(source, List.of());
        String error = failed.isEmpty() ? null : failed.get(0) + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : "");
        return new Report.SourceStatus(source.label(), url, failed.isEmpty(), error);
    }

    private static Pins pins(Catalog catalog) {
        Map<String, java.util.Set<String>> byId = new TreeMap<>();
        catalog.libraries().forEach(l -> {
            List<String> pinned = catalog.provenance(l.id()).pinned();
            if (!pinned.isEmpty()) {
                byId.put(l.id(), java.util.Set.copyOf(pinned));
            }
        });
        return new Pins(Data.PINNED, byId);
    }

    private static Map<String, Overlay> overlays(Data data) {
        Map<String, Overlay> overlays = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        data.files().stream().filter(f -> f.path().startsWith(Data.REFRESHED)).forEach(file -> {
            Overlay overlay = Overlay.read(file, problems);
            if (overlay != null) {
                overlays.put(overlay.id(), overlay);
            }
        });
        return overlays;
    }

    private static String base(String option, String setting) {
        String url = option != null ? option : setting;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
