package dev.dbpick.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.dbpick.catalog.FactNames;
import dev.dbpick.catalog.Library;
import dev.dbpick.catalog.Overlay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monthly ranking of the most downloaded packages (the top-pypi-packages dataset:
 * {@code {"last_update": ..., "rows": [{"project": ..., "download_count": ...}, ...]}}, sorted by
 * downloads): a package's rank is its position, from 1; a package the listing leaves out is
 * outside the ranking, and its rank is null, never a guess. The listing is fetched once per run.
 */
final class DownloadsSource {

    private final PoliteClient client;
    private final String url;
    private Ranking ranking;
    private FetchException failure;

    DownloadsSource(PoliteClient client, String url) {
        this.client = client;
        this.url = url;
    }

    String url() {
        return url;
    }

    /** The listing: rank by normalized name, how many it ranks, and its date. */
    record Ranking(Map<String, Integer> ranks, int size, String lastUpdate, String fetched) {
    }

    /** Fetches the listing once; the failure, when it fails, is kept for every library. */
    void load() {
        if (ranking != null || failure != null) {
            return;
        }
        try {
            PoliteClient.Answer answer = client.get(url);
            JsonNode document = Documents.read(answer);
            JsonNode rows = document.path("rows");
            if (!rows.isArray() || rows.isEmpty()) {
                throw new FetchException(FetchException.Kind.MALFORMED,
                        "not a ranking (expected {\"rows\": [{\"project\": ..., \"download_count\": ...}, ...]})");
            }
            Map<String, Integer> ranks = new HashMap<>();
            int position = 0;
            for (JsonNode row : rows) {
                position++;
                if (!row.path("project").isTextual()) {
                    throw new FetchException(FetchException.Kind.MALFORMED, "row " + position + " names no project");
                }
                ranks.putIfAbsent(Documents.normalize(row.get("project").asText()), position);
            }
            ranking = new Ranking(Map.copyOf(ranks), position, document.path("last_update").asText(""), answer.fetched().toString());
        } catch (FetchException e) {
            failure = e;
        }
    }

    /** Why the listing could not be read, or null. */
    String failure() {
        return failure == null ? null : failure.getMessage();
    }

    SourceOutcome refresh(Library hand) {
        load();
        if (ranking == null) {
            return SourceOutcome.failed(Source.DOWNLOADS, failure);
        }
        Integer rank = ranking.ranks().get(Documents.normalize(hand.id()));
        JsonNode value = rank == null ? NullNode.instance : IntNode.valueOf(rank);
        List<String> notes = rank == null && hand.maintenance().downloadRank() != null
                ? List.of("not among the " + ranking.size() + " most downloaded packages of the listing"
                        + (ranking.lastUpdate().isEmpty() ? "" : " of " + ranking.lastUpdate()) + ": outside the ranking")
                : List.of();
        return SourceOutcome.of(Source.DOWNLOADS,
                Map.of(FactNames.DOWNLOAD_RANK, new Overlay.Fact(value, url, ranking.fetched())), Set.of(), List.of(), notes);
    }
}
