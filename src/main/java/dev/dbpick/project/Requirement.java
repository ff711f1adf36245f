package dev.dbpick.project;

import java.util.List;
import java.util.Locale;

/**
 * One dependency a project declares or locks.
 *
 * @param name    the distribution name, normalized as PEP 503 does ({@code Flask_SQLAlchemy} is
 *                {@code flask-sqlalchemy})
 * @param written how the file writes it, for messages
 * @param extras  the extras asked for, normalized ({@code sqlalchemy[asyncio]} has {@code asyncio})
 * @param marker  when it is installed; {@link Marker#ALWAYS} without a marker
 * @param group   the extra, dependency group or file it belongs to, or null for the main list
 * @param direct  false for what only a lock file or a compiled requirements file lists because
 *                something else needs it
 */
public record Requirement(String name, String written, List<String> extras, Marker marker, Location at, Scope scope,
                          String group, boolean direct) {

    public Requirement {
        extras = List.copyOf(extras);
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a requirement needs a name");
        }
    }

    /** PEP 503: lower case, runs of "-", "_" and "." as one "-". */
    public static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** The same requirement, found only through another one. */
    Requirement indirect() {
        return new Requirement(name, written, extras, marker, at, scope, group, false);
    }
}
