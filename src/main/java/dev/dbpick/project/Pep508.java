package dev.dbpick.project;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one dependency specification (PEP 508): {@code name[extra,...] versions ; marker} or
 * {@code name[extra] @ url ; marker}. The versions are checked but only the name, the extras and
 * the marker are kept: dbpick asks what a project uses, not which release.
 */
final class Pep508 {

    private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)");
    private static final Pattern EXTRAS = Pattern.compile("^\\[([^\\]]*)\\]");
    private static final Pattern EXTRA = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");

    /** The parts that matter. */
    record Parsed(String name, List<String> extras, Marker marker) {
    }

    private Pep508() {
    }

    /**
     * Parses a specification.
     *
     * @throws IllegalArgumentException saying what is wrong, without the file and line
     */
    static Parsed parse(String text) {
        String rest = text.strip();
        Matcher name = NAME.matcher(rest);
        if (!name.find()) {
            throw new IllegalArgumentException("not a requirement: \"" + shorten(text) + "\" (expected a package name first)");
        }
        String found = name.group(1);
        rest = rest.substring(name.end()).stripLeading();
        List<String> extras = new ArrayList<>();
        Matcher bracket = EXTRAS.matcher(rest);
        if (rest.startsWith("[")) {
            if (!bracket.find()) {
                throw new IllegalArgumentException("an unclosed '[' in \"" + shorten(text) + "\"");
            }
            for (String extra : bracket.group(1).split(",")) {
                String e = extra.strip();
                if (e.isEmpty()) {
                    continue;
                }
                if (!EXTRA.matcher(e).matches()) {
                    throw new IllegalArgumentException("not an extra: \"" + shorten(e) + "\" in \"" + shorten(text) + "\"");
                }
                extras.add(Requirement.normalize(e));
            }
            rest = rest.substring(bracket.end()).stripLeading();
        }
        Marker marker = Marker.ALWAYS;
        if (rest.startsWith("@")) {
            // A direct reference: the URL ends at whitespace before ';'.
            Matcher semicolon = Pattern.compile("\\s;").matcher(rest);
            if (semicolon.find()) {
                marker = marker(rest.substring(semicolon.end()), text);
            }
            return new Parsed(Requirement.normalize(found), extras, marker);
        }
        int semicolon = rest.indexOf(';');
        String versions = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (semicolon >= 0) {
            marker = marker(rest.substring(semicolon + 1), text);
        }
        versions = versions.strip();
        if (versions.startsWith("(") && versions.endsWith(")")) {
            versions = versions.substring(1, versions.length() - 1);
        }
        if (!versions.isEmpty()) {
            if (!"<>=!~".contains(versions.substring(0, 1))) {
                throw new IllegalArgumentException("not a requirement: \"" + shorten(text)
                        + "\" (expected a version comparison such as >=1.0 after the name)");
            }
            try {
                VersionRange.parse(versions);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " in \"" + shorten(text) + "\"");
            }
        }
        return new Parsed(Requirement.normalize(found), extras, marker);
    }

    private static Marker marker(String text, String whole) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("an empty marker after ';' in \"" + shorten(whole) + "\"");
        }
        return Marker.parse(text);
    }

    static String shorten(String text) {
        String printable = text.strip().replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
    }
}
