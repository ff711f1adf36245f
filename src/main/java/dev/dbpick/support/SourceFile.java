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

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
