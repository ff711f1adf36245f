package dev.dbpick.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A project file read as UTF-8 text, whole, within {@link #MAX_BYTES}; {@code name} is its path
 * relative to the project folder, as messages and provenance show it.
 */
record TextFile(Path path, String name, String text, List<String> lines) {

    /** The largest file read: a large application's uv.lock or poetry.lock is about 1 MiB. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    TextFile {
        lines = List.copyOf(lines);
    }

    static TextFile read(Path path, String name) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ProjectException(name + ": no such file");
        } catch (IOException e) {
            throw new ProjectException(name + ": cannot read it: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new ProjectException(name + ": larger than " + MAX_BYTES / (1024 * 1024) + " MiB; not a project file");
        }
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                throw new ProjectException(name + ": a binary file, not a project file");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProjectException(name + ": not UTF-8 text; a binary file, not a project file");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new TextFile(path, name, text, List.of(text.split("\\r?\\n|\\r", -1)));
    }

    Location at(int line) {
        return new Location(name, Math.max(1, Math.min(line, lines.size())));
    }

    /** An error at a line of this file: "requirements.txt:7: ...". */
    ProjectException error(int line, String problem) {
        return new ProjectException(at(line) + ": " + problem);
    }
}
