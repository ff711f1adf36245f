package dev.dbpick.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dbpick.catalog.FactNames;
import dev.dbpick.catalog.Library;
import dev.dbpick.catalog.Provenance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a refresh changed in one library: every refreshable fact whose value in use differs
 * between the catalog before and after, advisory by advisory (an advisory is the same one when
 * the ids or aliases meet, so a hand CVE id that OSV files under a GHSA id is a change of id, not
 * a removal and an addition).
 */
final class FactDiff {

    private FactDiff() {
    }

    static List<Change> changes(Library before, Provenance beforeOrigin, Library after, Provenance afterOrigin) {
        List<Change> changes = new ArrayList<>();
        String id = after.id();
        for (String fact : FactNames.FIXED) {
            add(changes, id, fact, value(before, fact), value(after, fact), afterOrigin);
        }
        Set<String> releases = new TreeSet<>((a, b) -> FactNames.ORDER.compare(FactNames.pythonLine(a), FactNames.pythonLine(b)));
        before.python().forEach(line -> releases.add(line.release()));
        after.python().forEach(line -> releases.add(line.release()));
        for (String release : releases) {
            add(changes, id, FactNames.pythonLine(release), versions(before, release), versions(after, release), afterOrigin);
        }
        advisories(changes, before, beforeOrigin, after, afterOrigin);
        return changes;
    }

    private static void add(List<Change> changes, String id, String fact, JsonNode before, JsonNode after, Provenance origin) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(id, fact, before, after, origin.origin(fact).map(Provenance.Origin::source).orElse(null)));
        }
    }

    static JsonNode value(Library library, String fact) {
        Library.Maintenance m = library.maintenance();
        return switch (fact) {
            case FactNames.LATEST_VERSION -> text(m.latestVersion());
            case FactNames.RELEASED -> text(m.released());
            case FactNames.DEV_STATUS -> text(m.devStatus());
            case FactNames.DOWNLOAD_RANK -> m.downloadRank() == null ? NullNode.instance : IntNode.valueOf(m.downloadRank());
            case FactNames.TYPING -> text(library.typing());
            case FactNames.LICENSE -> text(library.license());
            default -> throw new IllegalArgumentException(fact);
        };
    }

    private static JsonNode versions(Library library, String release) {
        return library.python().stream().filter(line -> line.release().equals(release)).findFirst()
                .<JsonNode>map(line -> {
                    ArrayNode list = JsonNodeFactory.instance.arrayNode();
                    line.versions().forEach(list::add);
                    return list;
                }).orElse(NullNode.instance);
    }

    private static void advisories(List<Change> changes, Library before, Provenance beforeOrigin, Library after,
                                   Provenance afterOrigin) {
        String source = afterOrigin.origin(FactNames.ADVISORIES).map(Provenance.Origin::source).orElse(null);
        Set<String> matched = new HashSet<>();
        for (Library.Advisory now : after.advisories()) {
            Set<String> names = names(now, afterOrigin);
            Library.Advisory was = before.advisories().stream()
                    .filter(a -> !matched.contains(a.id()))
                    .filter(a -> names.contains(a.id()) || beforeOrigin.aliasesOf(a.id()).stream().anyMatch(names::contains))
                    .findFirst().orElse(null);
            if (was == null) {
                changes.add(new Change(after.id(), FactNames.ADVISORIES, NullNode.instance, advisory(now), source));
                continue;
            }
            matched.add(was.id());
            if (!was.id().equals(now.id()) || !Objects.equals(was.fixedIn(), now.fixedIn())) {
                changes.add(new Change(after.id(), FactNames.ADVISORIES, advisory(was), advisory(now), source));
            }
        }
        before.advisories().stream().filter(a -> !matched.contains(a.id())).forEach(gone ->
                changes.add(new Change(after.id(), FactNames.ADVISORIES, advisory(gone), NullNode.instance, source)));
    }

    private static Set<String> names(Library.Advisory advisory, Provenance origin) {
        Set<String> names = new HashSet<>(origin.aliasesOf(advisory.id()));
        names.add(advisory.id());
        return names;
    }

    private static JsonNode advisory(Library.Advisory advisory) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", advisory.id());
        node.put("fixedIn", advisory.fixedIn());
        return node;
    }

    private static JsonNode text(String value) {
        return value == null ? NullNode.instance : TextNode.valueOf(value);
    }
}
