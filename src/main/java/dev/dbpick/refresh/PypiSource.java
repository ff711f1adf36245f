package dev.dbpick.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbpick.catalog.FactNames;
import dev.dbpick.catalog.Library;
import dev.dbpick.catalog.Overlay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Python Package Index's JSON API ({@code GET {pypi}/pypi/{id}/json}): the latest final
 * release that is not yanked and its month, then, from that release's metadata, the Python
 * versions of its line ({@code Programming Language :: Python :: 3.x} within
 * {@code requires_python}), the development status, {@code Typing :: Typed} (which only ever
 * upgrades typing to inline) and the licence expression. A maintained older line the record
 * keeps gets the versions of its own latest release ({@code GET {pypi}/pypi/{id}/{version}/json}).
 * A {@code license} without an expression is reported, never applied.
 */
final class PypiSource {

    private static final String CLASSIFIER_PYTHON = "Programming Language :: Python :: ";
    private static final String CLASSIFIER_STATUS = "Development Status :: ";

    private final PoliteClient client;
    private final String base;
    private final List<String> pythonVersions;
    private final String month;

    /**
     * @param pythonVersions the Python versions the questionnaire knows, in its order
     * @param month          the current month, YYYY-MM: lines supported until before it are not refreshed
     */
    PypiSource(PoliteClient client, String base, List<String> pythonVersions, String month) {
        this.client = client;
        this.base = base;
        this.pythonVersions = List.copyOf(pythonVersions);
        this.month = month;
    }

    String projectUrl(String id) {
        return base + "/pypi/" + id + "/json";
    }

    /** A release: its version and the month its first file that is not yanked was uploaded. */
    private record Release(Pep440 version, String month) {
    }

    SourceOutcome refresh(Library hand) {
        String url = projectUrl(hand.id());
        PoliteClient.Answer answer;
        JsonNode document;
        try {
            answer = client.get(url);
            document = parse(answer);
        } catch (FetchException e) {
            return e.kind() == FetchException.Kind.NOT_FOUND
                    ? SourceOutcome.failed(Source.PYPI, "HTTP 404: not on the Python Package Index (any more?): kept, not deleted")
                    : SourceOutcome.failed(Source.PYPI, e);
        }
        JsonNode info = document.get("info");
        Map<String, Overlay.Fact> facts = new LinkedHashMap<>();
        Set<String> keep = new HashSet<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String fetched = answer.fetched().toString();

        TreeMap<Pep440, Release> finals = new TreeMap<>();
        Pep440 newestAny = null;
        List<String> yanked = new ArrayList<>();
        JsonNode releases = document.get("releases");
        if (releases != null && releases.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = releases.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Optional<Pep440> version = Pep440.parse(entry.getKey());
                if (version.isEmpty() || !entry.getValue().isArray() || entry.getValue().isEmpty()) {
                    continue;
                }
                Optional<String> uploaded = firstUpload(entry.getValue());
                if (uploaded.isEmpty()) {
                    yanked.add(entry.getKey());
                    continue;
                }
                if (newestAny == null || version.get().compareTo(newestAny) > 0) {
                    newestAny = version.get();
                }
                if (version.get().isFinal()) {
                    finals.put(version.get(), new Release(version.get(), uploaded.get()));
                }
            }
        }
        // The release info describes, dated by its files (urls): also when the (deprecated) releases map is
        // missing or leaves it out.
        Optional<Pep440> current = Pep440.parse(info.path("version").asText());
        Optional<String> currentUpload = firstUpload(document.path("urls"));
        if (current.isPresent() && current.get().isFinal() && !info.path("yanked").asBoolean(false) && currentUpload.isPresent()
                && finals.keySet().stream().noneMatch(v -> v.compareTo(current.get()) == 0)
                && !yanked.contains(current.get().text())) {
            finals.put(current.get(), new Release(current.get(), currentUpload.get()));
            if (newestAny == null || current.get().compareTo(newestAny) > 0) {
                newestAny = current.get();
            }
        }
        if (finals.isEmpty()) {
            notes.add("no final release that is not yanked on the index; release facts stay as they were");
            keep.addAll(List.of(FactNames.LATEST_VERSION, FactNames.RELEASED, FactNames.DEV_STATUS, FactNames.TYPING,
                    FactNames.LICENSE));
            hand.python().forEach(line -> keep.add(FactNames.pythonLine(line.release())));
            return SourceOutcome.of(Source.PYPI, facts, keep, problems, notes);
        }
        Release latest = finals.lastEntry().getValue();
        facts.put(FactNames.LATEST_VERSION, fact(TextNode.valueOf(latest.version().text()), url, fetched));
        facts.put(FactNames.RELEASED, fact(TextNode.valueOf(latest.month()), url, fetched));
        if (newestAny != null && newestAny.compareTo(latest.version()) > 0) {
            notes.add(newestAny.text() + " is a pre-release; the latest final release is " + latest.version().text());
        }
        yanked.stream().map(Pep440::parse).flatMap(Optional::stream)
                .filter(v -> v.compareTo(latest.version()) > 0).sorted().forEach(v ->
                        notes.add(v.text() + " was yanked; the latest release that is not is " + latest.version().text()));

        // The latest release's own metadata: info when it describes that release, else its own document.
        Metadata latestMetadata = null;
        Optional<Pep440> described = Pep440.parse(info.path("version").asText());
        if (described.isPresent() && described.get().compareTo(latest.version()) == 0) {
            latestMetadata = new Metadata(info, url, fetched);
        } else {
            try {
                latestMetadata = release(hand.id(), latest.version().text());
            } catch (FetchException e) {
                problems.add(latest.version().text() + ": " + e.getMessage());
            }
        }
        if (latestMetadata == null) {
            keep.addAll(List.of(FactNames.DEV_STATUS, FactNames.TYPING, FactNames.LICENSE));
        } else {
            described(hand, latestMetadata, facts, keep, notes);
        }
        lines(hand, finals, latest, latestMetadata, facts, keep, problems);
        return SourceOutcome.of(Source.PYPI, facts, keep, problems, notes);
    }

    /** A release's metadata (the {@code info} object) and where it was read. */
    private record Metadata(JsonNode info, String url, String fetched) {
    }

    private Metadata release(String id, String version) throws FetchException {
        String url = base + "/pypi/" + id + "/" + version + "/json";
        PoliteClient.Answer answer = client.get(url);
        return new Metadata(parse(answer).get("info"), url, answer.fetched().toString());
    }

    /** Development status, typing and licence, from the latest release's metadata. */
    private static void described(Library hand, Metadata metadata, Map<String, Overlay.Fact> facts, Set<String> keep,
                                  List<String> notes) {
        List<String> classifiers = classifiers(metadata.info());
        Optional<String> status = classifiers.stream().filter(c -> c.startsWith(CLASSIFIER_STATUS))
                .map(c -> c.substring(CLASSIFIER_STATUS.length())).map(PypiSource::devStatus).flatMap(Optional::stream)
                .findFirst();
        if (status.isPresent()) {
            facts.put(FactNames.DEV_STATUS, fact(TextNode.valueOf(status.get()), metadata.url(), metadata.fetched()));
        } else {
            keep.add(FactNames.DEV_STATUS);
        }
        // Only ever an upgrade: from no types or a separate stubs project to inline annotations,
        // never over typeshed's stubs (as good) or a deeper grade (checked).
        if (classifiers.contains("Typing :: Typed") && java.util.List.of("none", "stubs").contains(hand.typing())) {
            facts.put(FactNames.TYPING, fact(TextNode.valueOf("inline"), metadata.url(), metadata.fetched()));
        } else {
            keep.add(FactNames.TYPING);   // typing is only ever upgraded
        }
        String expression = metadata.info().path("license_expression").asText("").strip();
        if (!expression.isEmpty() && !metadata.info().path("license_expression").isNull()) {
            facts.put(FactNames.LICENSE, fact(TextNode.valueOf(expression), metadata.url(), metadata.fetched()));
            if (!expression.equals(hand.license())) {
                notes.add("license expression " + expression + " (the catalog says " + hand.license()
                        + "): check copyleft, a hand fact");
            }
        } else {
            keep.add(FactNames.LICENSE);
            String license = metadata.info().path("license").asText("").strip().replaceAll("\\s+", " ");
            if (!license.isEmpty() && !metadata.info().path("license").isNull() && !license.equals(hand.license())) {
                notes.add("license field says \"" + (license.length() > 60 ? license.substring(0, 60) + "..." : license)
                        + "\" and there is no license expression; the catalog keeps " + hand.license());
            }
        }
    }

    /** The Python versions of each maintained line the record keeps, and of a newer line. */
    private void lines(Library hand, TreeMap<Pep440, Release> finals, Release latest, Metadata latestMetadata,
                       Map<String, Overlay.Fact> facts, Set<String> keep, List<String> problems) {
        List<String> targets = new ArrayList<>();
        hand.python().stream().filter(line -> line.maintainedIn(month)).forEach(line -> targets.add(line.release()));
        int parts = hand.python().isEmpty() ? 2 : hand.python().get(0).release().split("\\.").length;
        String latestLine = latest.version().line(parts);
        Pep440 lineVersion = Pep440.parse(latestLine).orElseThrow();
        if (hand.python().stream().allMatch(line -> Pep440.parse(line.release()).map(v -> v.compareTo(lineVersion) < 0)
                .orElse(true))) {
            targets.add(0, latestLine);   // a line newer than every line the record keeps
        }
        for (String line : targets) {
            String name = FactNames.pythonLine(line);
            Optional<Pep440> newest = finals.descendingKeySet().stream().filter(v -> v.inLine(line)).findFirst();
            if (newest.isEmpty()) {
                keep.add(name);
                continue;
            }
            Metadata metadata = latestMetadata;
            if (metadata == null || newest.get().compareTo(latest.version()) != 0) {
                try {
                    metadata = release(hand.id(), newest.get().text());
                } catch (FetchException e) {
                    problems.add(newest.get().text() + " (line " + line + "): " + e.getMessage());
                    keep.add(name);
                    continue;
                }
            }
            List<String> versions = versions(metadata.info());
            if (versions.isEmpty()) {
                keep.add(name);   // no Python classifiers: the hand versions stand
            } else {
                var list = JsonNodeFactory.instance.arrayNode();
                versions.forEach(list::add);
                facts.put(name, fact(list, metadata.url(), metadata.fetched()));
            }
        }
    }

    /** The known Python versions a release declares in its classifiers and its requires_python allows. */
    private List<String> versions(JsonNode info) {
        Set<String> declared = new HashSet<>();
        for (String classifier : classifiers(info)) {
            if (classifier.startsWith(CLASSIFIER_PYTHON)) {
                declared.add(classifier.substring(CLASSIFIER_PYTHON.length()).strip());
            }
        }
        String requires = info.path("requires_python").isTextual() ? info.get("requires_python").asText() : null;
        return pythonVersions.stream().filter(declared::contains).filter(v -> RequiresPython.allows(requires, v)).toList();
    }

    /** {@code 5 - Production/Stable} and {@code 6 - Mature} are stable, {@code 4 - Beta} beta, 1 to 3 alpha. */
    static Optional<String> devStatus(String status) {
        return switch (status.isEmpty() ? ' ' : status.charAt(0)) {
            case '5', '6' -> Optional.of("stable");
            case '4' -> Optional.of("beta");
            case '1', '2', '3' -> Optional.of("alpha");
            default -> Optional.empty();
        };
    }

    private static List<String> classifiers(JsonNode info) {
        List<String> classifiers = new ArrayList<>();
        info.path("classifiers").forEach(c -> classifiers.add(c.asText()));
        return classifiers;
    }

    /** The month of the earliest upload among files that are not yanked; empty when every file is yanked. */
    private static Optional<String> firstUpload(JsonNode files) {
        String first = null;
        for (JsonNode file : files) {
            if (file.path("yanked").asBoolean(false)) {
                continue;
            }
            String time = file.path("upload_time_iso_8601").asText(file.path("upload_time").asText(""));
            if (time.matches("\\d{4}-\\d{2}.*") && (first == null || time.compareTo(first) < 0)) {
                first = time;
            }
        }
        return Optional.ofNullable(first).map(t -> t.substring(0, 7));
    }

    private static JsonNode parse(PoliteClient.Answer answer) throws FetchException {
        JsonNode document = Documents.read(answer);
        if (!document.path("info").isObject() || !document.path("info").path("version").isTextual()) {
            throw new FetchException(FetchException.Kind.MALFORMED, "not a project document of the JSON API (no info.version)");
        }
        return document;
    }

    private static Overlay.Fact fact(JsonNode value, String url, String fetched) {
        return new Overlay.Fact(value, url, fetched);
    }
}
