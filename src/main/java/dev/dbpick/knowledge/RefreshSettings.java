package dev.dbpick.knowledge;

/**
 * The {@code refresh:} block of {@code data/settings.yaml}: where {@code dbpick catalog refresh}
 * reads the machine-checkable facts, and how politely.
 *
 * @param pypi              the Python Package Index; {@code GET {pypi}/pypi/{id}/json}
 * @param osv               the OSV service; {@code POST {osv}/v1/query}
 * @param downloads         the monthly ranking of the most downloaded packages (a JSON document)
 * @param projectUrl        the project URL the User-Agent names, so index operators know who asks
 * @param timeoutSeconds    how long one request may take
 * @param requestsPerSecond at most this many requests start per second (they run one after another)
 */
public record RefreshSettings(String pypi, String osv, String downloads, String projectUrl, int timeoutSeconds,
                             double requestsPerSecond) implements java.io.Serializable {

    /** What a settings file without a {@code refresh:} block gets. */
    public static final RefreshSettings DEFAULTS = new RefreshSettings("https://pypi.org", "https://api.osv.dev",
            "https://hugovk.github.io/top-pypi-packages/top-pypi-packages.min.json",
            "https://github.com/dbpick/dbpick", 20, 4);

    public RefreshSettings {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("\"refresh.timeoutSeconds\" must be 1 or more, got " + timeoutSeconds);
        }
        if (!(requestsPerSecond > 0) || requestsPerSecond > 1000) {
            throw new IllegalArgumentException("\"refresh.requestsPerSecond\" must be above 0 and at most 1000, got "
                    + requestsPerSecond);
        }
        for (String url : new String[] {pypi, osv, downloads, projectUrl}) {
            if (url == null || !url.matches("https?://\\S+")) {
                throw new IllegalArgumentException("\"refresh\": every URL must start with http:// or https://, got \""
                        + url + "\"");
            }
        }
    }
}
