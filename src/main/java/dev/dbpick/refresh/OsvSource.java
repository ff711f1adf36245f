package dev.dbpick.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.catalog.FactNames;
import dev.dbpick.catalog.Library;
import dev.dbpick.catalog.Overlay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * OSV ({@code POST {osv}/v1/query} with the package's name and the PyPI ecosystem, following
 * {@code next_page_token}): every advisory that is not withdrawn, with its id, its aliases, a
 * summary and the version that fixes it (the highest {@code fixed} event of its ECOSYSTEM ranges
 * for this package, the first release that has every fix; null when there is none). Advisories
 * that name each other (a GHSA and a PYSEC record of one CVE) are one advisory, under the
 * smallest id, the others becoming aliases.
 */
final class OsvSource {

    /** More pages than this and the paging is taken to be broken. */
    static final int MAX_PAGES = 50;

    private final PoliteClient client;
    private final String base;

    OsvSource(PoliteClient client, String base) {
        this.client = client;
        this.base = base;
    }

    String queryUrl() {
        return base + "/v1/query";
    }

    SourceOutcome refresh(Library hand) {
        String url = queryUrl();
        List<JsonNode> vulns = new ArrayList<>();
        String fetched = null;
        String token = null;
        Set<String> tokens = new HashSet<>();
        try {
            for (int page = 0; ; page++) {
                ObjectNode query = JsonNodeFactory.instance.objectNode();
                query.putObject("package").put("name", hand.id()).put("ecosystem", "PyPI");
                if (token != null) {
                    query.put("page_token", token);
                }
                PoliteClient.Answer answer = client.post(url, query.toString());
                fetched = fetched == null || answer.fetched().toString().compareTo(fetched) < 0 ? answer.fetched().toString() : fetched;
                JsonNode document = Documents.read(answer);
                if (!document.isObject() || document.has("vulns") && !document.get("vulns").isArray()) {
                    throw new FetchException(FetchException.Kind.MALFORMED, "not a query answer (expected {\"vulns\": [...]})");
                }
                document.path("vulns").forEach(vulns::add);
                token = document.path("next_page_token").asText("");
                if (token.isEmpty()) {
                    break;
                }
                if (!tokens.add(token) || page + 1 >= MAX_PAGES) {
                    throw new FetchException(FetchException.Kind.MALFORMED, "the answer's pages do not end (" + (page + 1) + " pages)");
                }
            }
        } catch (FetchException e) {
            return SourceOutcome.failed(Source.OSV, e);
        }
        List<String> notes = new ArrayList<>();
        List<Advisory> advisories = new ArrayList<>();
        int withdrawn = 0;
        for (JsonNode vuln : vulns) {
            if (!vuln.path("id").isTextual() || vuln.get("id").asText().isBlank()) {
                return SourceOutcome.failed(Source.OSV, "an advisory without an id in the answer");
            }
            if (vuln.hasNonNull("withdrawn")) {
                withdrawn++;
                continue;
            }
            advisories.add(advisory(vuln, hand.id()));
        }
        if (withdrawn > 0) {
            notes.add(withdrawn + " withdrawn advisor" + (withdrawn == 1 ? "y" : "ies") + " ignored");
        }
        ArrayNode value = JsonNodeFactory.instance.arrayNode();
        merge(advisories).forEach(a -> {
            ObjectNode node = value.addObject().put("id", a.id());
            ArrayNode aliases = node.putArray("aliases");
            a.aliases().forEach(aliases::add);
            node.put("fixedIn", a.fixedIn());
            node.put("summary", a.summary());
        });
        Map<String, Overlay.Fact> facts = Map.of(FactNames.ADVISORIES, new Overlay.Fact(value, url, fetched));
        return SourceOutcome.of(Source.OSV, facts, Set.of(), List.of(), notes);
    }

    /** One advisory as the catalog keeps it. */
    record Advisory(String id, List<String> aliases, String fixedIn, String summary) {
    }

    private static Advisory advisory(JsonNode vuln, String id) {
        List<String> aliases = new ArrayList<>();
        vuln.path("aliases").forEach(a -> aliases.add(a.asText()));
        List<JsonNode> affected = new ArrayList<>();
        vuln.path("affected").forEach(a -> {
            if ("PyPI".equalsIgnoreCase(a.path("package").path("ecosystem").asText())
                    && Documents.normalize(a.path("package").path("name").asText()).equals(Documents.normalize(id))) {
                affected.add(a);
            }
        });
        if (affected.isEmpty()) {
            vuln.path("affected").forEach(affected::add);
        }
        String fixed = null;
        Pep440 highest = null;
        for (JsonNode entry : affected) {
            for (JsonNode range : entry.path("ranges")) {
                if (!"ECOSYSTEM".equals(range.path("type").asText())) {
                    continue;
                }
                for (JsonNode event : range.path("events")) {
                    if (!event.path("fixed").isTextual()) {
                        continue;
                    }
                    String text = event.get("fixed").asText();
                    Optional<Pep440> version = Pep440.parse(text);
                    if (version.isPresent() && (highest == null || version.get().compareTo(highest) > 0)) {
                        highest = version.get();
                        fixed = text;
                    } else if (version.isEmpty() && highest == null) {
                        fixed = text;
                    }
                }
            }
        }
        return new Advisory(vuln.get("id").asText(), aliases, fixed, summary(vuln));
    }

    /** The advisory's summary, else the first sentence of its details, on one line. */
    private static String summary(JsonNode vuln) {
        String text = vuln.path("summary").asText("").strip();
        if (text.isEmpty()) {
            String details = vuln.path("details").asText("").strip().replaceAll("\\s+", " ");
            int end = details.indexOf(". ");
            text = end > 0 ? details.substring(0, end + 1) : details;
        }
        text = text.replaceAll("\\s+", " ");
        if (text.length() > 240) {
            text = text.substring(0, 237) + "...";
        }
        return text.isEmpty() ? "Advisory " + vuln.get("id").asText() + " (no summary given)." : text;
    }

    /** Advisories that name each other as one, under the smallest id; sorted by id. */
    static List<Advisory> merge(List<Advisory> advisories) {
        Map<String, Integer> group = new HashMap<>();
        int[] parent = new int[advisories.size()];
        for (int i = 0; i < advisories.size(); i++) {
            parent[i] = i;
            Advisory a = advisories.get(i);
            List<String> names = new ArrayList<>(a.aliases());
            names.add(a.id());
            for (String name : names) {
                Integer other = group.putIfAbsent(name, i);
                if (other != null) {
                    parent[find(parent, i)] = find(parent, other);
                }
            }
        }
        Map<Integer, List<Advisory>> groups = new LinkedHashMap<>();
        for (int i = 0; i < advisories.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(advisories.get(i));
        }
        List<Advisory> merged = new ArrayList<>();
        for (List<Advisory> members : groups.values()) {
            Advisory first = members.stream().min((a, b) -> a.id().compareTo(b.id())).orElseThrow();
            Set<String> aliases = new TreeSet<>();
            String fixed = null;
            Pep440 highest = null;
            for (Advisory member : members) {
                aliases.add(member.id());
                aliases.addAll(member.aliases());
                Optional<Pep440> version = Pep440.parse(member.fixedIn());
                if (version.isPresent() && (highest == null || version.get().compareTo(highest) > 0)) {
                    highest = version.get();
                    fixed = member.fixedIn();
                } else if (fixed == null) {
                    fixed = member.fixedIn();
                }
            }
            aliases.remove(first.id());
            merged.add(new Advisory(first.id(), List.copyOf(aliases), fixed, first.summary()));
        }
        merged.sort((a, b) -> a.id().compareTo(b.id()));
        return merged;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
