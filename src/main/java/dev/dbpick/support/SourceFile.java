package dev.dbpick.support;

import java.nio.charset.StandardCharsets;

/**
 * One knowledge file read into memory.
 *
 * @param name    how messages name the file, e.g. {@code rules/async.drl} or {@code /srv/kb/data/catalog/orm.yaml}
 * @param path    the path inside its folder, with forward slashes, e.g. {@code catalog/orm.yaml}
 * @param content the bytes read
 */
public record SourceFile(String name, String path, byte[] content) {

    /** What the path of a file of a team's layer starts with ({@code dbpick --team DIR}). */
    public static final String TEAM = "team/";

    /** The same file as part of a team's layer: its path starts with {@code team/}. */
    public SourceFile inTeam() {
        return new SourceFile(name, TEAM + path, content);
    }

    /** Whether the file is part of a team's layer. */
    public boolean team() {
        return path.startsWith(TEAM);
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
