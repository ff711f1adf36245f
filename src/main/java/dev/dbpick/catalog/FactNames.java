package dev.dbpick.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the catalog facts a refresh may set, as they appear in
 * {@code data/refreshed/ID.yaml}, in {@code data/pinned.yaml} and in the refresh's report:
 * the path of the field in a catalog record, and {@code python[RELEASE].versions} for the
 * Python versions of one release line.
 */
public final class FactNames {

    public static final String LATEST_VERSION = "maintenance.latestVersion";
    public static final String RELEASED = "maintenance.released";
    public static final String DEV_STATUS = "maintenance.devStatus";
    public static final String DOWNLOAD_RANK = "maintenance.downloadRank";
    public static final String TYPING = "typing";
    public static final String LICENSE = "license";
    public static final String ADVISORIES = "advisories";
    /** In {@code pinned.yaml} only: every release line's Python versions. */
    public static final String PYTHON = "python";

    /** The facts with a fixed name, in the order overlays and reports list them. */
    public static final List<String> FIXED = List.of(LATEST_VERSION, RELEASED, DEV_STATUS, DOWNLOAD_RANK, TYPING, LICENSE);

    private static final Pattern PYTHON_LINE = Pattern.compile("python\\[([0-9]+(?:\\.[0-9]+)*)\\]\\.versions");

    /** Overlay and report order: the fixed facts, the release lines newest first, then the advisories. */
    public static final Comparator<String> ORDER = Comparator.comparingInt(FactNames::group)
            .thenComparing((a, b) -> group(a) == 100 ? compareReleases(release(b).orElse(""), release(a).orElse("")) : 0)
            .thenComparing(Comparator.naturalOrder());

    private FactNames() {
    }

    /** The fact holding the Python versions of release line {@code release}, e.g. {@code python[6.1].versions}. */
    public static String pythonLine(String release) {
        return "python[" + release + "].versions";
    }

    /** The release line a {@code python[RELEASE].versions} fact is about. */
    public static Optional<String> release(String fact) {
        Matcher m = PYTHON_LINE.matcher(fact);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** True for a name a refresh can write into an overlay. */
    public static boolean known(String fact) {
        return FIXED.contains(fact) || ADVISORIES.equals(fact) || release(fact).isPresent();
    }

    /** True for a name {@code pinned.yaml} accepts: every overlay fact, and {@code python} for all lines. */
    public static boolean pinnable(String fact) {
        return known(fact) || PYTHON.equals(fact);
    }

    /** The names to offer when one is misspelt. */
    public static List<String> examples() {
        List<String> names = new java.util.ArrayList<>(FIXED);
        names.add(ADVISORIES);
        names.add(PYTHON);
        names.add("python[6.1].versions");
        return List.copyOf(names);
    }

    /** The fixed facts in their order (0 to 5), then the release lines (100), the advisories (200), anything else. */
    private static int group(String fact) {
        int fixed = FIXED.indexOf(fact);
        if (fixed >= 0) {
            return fixed;
        }
        return release(fact).isPresent() ? 100 : ADVISORIES.equals(fact) ? 200 : 300;
    }

    /** Compares dotted release numbers numerically: 6.10 after 6.9. */
    static int compareReleases(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? number(x[i]) : 0;
            long q = i < y.length ? number(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long number(String part) {
        return part.matches("[0-9]{1,18}") ? Long.parseLong(part) : -1;
    }
}
