/**
 * Keeping the catalog's machine-checkable facts current: {@code dbpick catalog refresh} reads the
 * Python Package Index's JSON API, OSV and the monthly top-packages ranking ({@link PypiSource},
 * {@link OsvSource}, {@link DownloadsSource}) through one polite client ({@link PoliteClient}:
 * requests in series, a User-Agent, a timeout, retries that honour Retry-After, an ETag cache),
 * writes the facts to the machine-owned overlays {@code data/refreshed/ID.yaml}
 * ({@link OverlayWriter}), never to the hand-written catalog, says what changed
 * ({@link FactDiff}) and re-runs the scenarios on the refreshed knowledge ({@link ScenarioReplay}).
 * A source that fails leaves its facts as they were.
 */
package dev.dbpick.refresh;
