package dev.dbpick.refresh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python package version (PEP 440), ordered as pip orders them: {@code 2.1.0.dev1 < 2.1.0a1 <
 * 2.1.0rc1 < 2.1.0 < 2.1.0.post1}. A local label ({@code +abc}) is ignored.
 */
record Pep440(int epoch, List<Long> release, int preKind, long pre, long post, long dev, String text)
        implements Comparable<Pep440> {

    private static final Pattern VERSION = Pattern.compile(
            "v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)"
                    + "(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\\d+)?)?"
                    + "(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d+)?)?"
                    + "(?:[-_.]?(dev)[-_.]?(\\d+)?)?"
                    + "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?");
    /** No pre-release: sorts after every pre-release of the same release. */
    private static final int FINAL = 3;
    private static final long NONE = -1;

    /** Parses a version; empty for one that does not follow PEP 440 (legacy versions are skipped). */
    static Optional<Pep440> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            List<Long> release = new ArrayList<>();
            for (String part : m.group(2).split("\\.")) {
                release.add(Long.parseLong(part));
            }
            int preKind = FINAL;
            long pre = 0;
            if (m.group(3) != null) {
                preKind = switch (m.group(3)) {
                    case "alpha", "a" -> 0;
                    case "beta", "b" -> 1;
                    default -> 2;
                };
                pre = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
            }
            long post = m.group(5) != null ? Long.parseLong(m.group(5))
                    : m.group(6) != null ? (m.group(7) == null ? 0 : Long.parseLong(m.group(7))) : NONE;
            long dev = m.group(8) != null ? (m.group(9) == null ? 0 : Long.parseLong(m.group(9))) : NONE;
            int epoch = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            return Optional.of(new Pep440(epoch, List.copyOf(release), preKind, pre, post, dev, text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A final release: neither a pre-release nor a development release (post-releases are final). */
    boolean isFinal() {
        return preKind == FINAL && dev == NONE;
    }

    /** The first {@code parts} numbers of the release, e.g. 2 for the release line "6.1" of 6.1.3. */
    String line(int parts) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            numbers.add(String.valueOf(i < release.size() ? release.get(i) : 0));
        }
        return String.join(".", numbers);
    }

    /** True when the release begins with the numbers of {@code line} ("6.1" holds 6.1, 6.1.0 and 6.1.3). */
    boolean inLine(String line) {
        String[] parts = line.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            long have = i < release.size() ? release.get(i) : 0;
            if (!parts[i].matches("\\d{1,18}") || have != Long.parseLong(parts[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Pep440 other) {
        int c = Integer.compare(epoch, other.epoch);
        if (c != 0) {
            return c;
        }
        for (int i = 0; i < Math.max(release.size(), other.release.size()); i++) {
            c = Long.compare(i < release.size() ? release.get(i) : 0, i < other.release.size() ? other.release.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        c = Long.compare(preKey(), other.preKey());
        if (c == 0) {
            c = Long.compare(post, other.post);
        }
        if (c == 0) {
            c = Long.compare(devKey(), other.devKey());
        }
        return c;
    }

    /** A development release of a final sorts before its pre-releases; a final after them. */
    private long preKey() {
        if (preKind == FINAL && post == NONE && dev != NONE) {
            return Long.MIN_VALUE;
        }
        return preKind == FINAL ? Long.MAX_VALUE : preKind * (1L << 40) + pre;
    }

    private long devKey() {
        return dev == NONE ? Long.MAX_VALUE : dev;
    }

    @Override
    public String toString() {
        return text;
    }
}
