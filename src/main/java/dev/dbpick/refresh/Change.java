package dev.dbpick.refresh;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One fact of one library that a refresh changed, as {@code --format json} gives it.
 *
 * @param id     the library
 * @param fact   the fact's name ({@code maintenance.latestVersion}, {@code python[6.1].versions}, {@code advisories})
 * @param before the value in use before (null when there was none); an advisory is {@code {id, fixedIn}}
 * @param after  the value in use after (null when there is none, or outside the download ranking)
 * @param source the URL the new value came from
 */
public record Change(String id, String fact, @JsonProperty("old") JsonNode before, @JsonProperty("new") JsonNode after,
                     String source) {
}
