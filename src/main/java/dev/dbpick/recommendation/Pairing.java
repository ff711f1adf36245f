package dev.dbpick.recommendation;

/**
 * A candidate pairing from the catalog's {@code runsOn}: {@code library} can run on
 * {@code driver} for {@code database}, in synchronous code or under its asyncio API
 * ({@code async}); {@code preference} is the driver's place in the library's documented list (0
 * for its default). Inserted by Java with the catalog, so rules can weigh pairings
 * ({@code rules/pairing.drl}) for a whole data layer.
 */
public record Pairing(String library, String database, String driver, boolean async, int preference) {
}
