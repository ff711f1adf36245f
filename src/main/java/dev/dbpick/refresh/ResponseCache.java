package dev.dbpick.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.support.CacheFolder;
import dev.dbpick.support.Mappers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The answers of the refresh's sources, kept in {@code refresh/} under dbpick's owner-only cache
 * folder: one file per request (method, URL and body), holding the URL, the ETag, the date it
 * was fetched and the body. The ETag makes the next request conditional; {@code --offline}
 * answers from here alone. Nothing is read from a folder another user could write.
 */
final class ResponseCache {

    /** A cached answer: what was asked, its ETag (may be null), when it was fetched, and the body. */
    record Entry(String url, String etag, LocalDate fetched, byte[] body) {
    }

    private final Path folder;

    private ResponseCache(Path folder) {
        this.folder = folder;
    }

    static ResponseCache forUser() {
        return CacheFolder.forUser().map(root -> new ResponseCache(root.resolve("refresh"))).orElseGet(ResponseCache::disabled);
    }

    static ResponseCache in(Path folder) {
        return new ResponseCache(folder);
    }

    static ResponseCache disabled() {
        return new ResponseCache(null);
    }

    Optional<Entry> find(String request) {
        Path file = file(request);
        if (file == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !CacheFolder.trusted(folder) || !CacheFolder.trusted(file)) {
            return Optional.empty();
        }
        try {
            byte[] all = Files.readAllBytes(file);
            int newline = indexOf(all, (byte) '\n');
            if (newline < 0) {
                return Optional.empty();
            }
            JsonNode header = Mappers.json().readTree(new String(all, 0, newline, StandardCharsets.UTF_8));
            byte[] body = java.util.Arrays.copyOfRange(all, newline + 1, all.length);
            String etag = header.path("etag").isTextual() ? header.get("etag").asText() : null;
            return Optional.of(new Entry(header.path("url").asText(), etag, LocalDate.parse(header.path("fetched").asText()), body));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // unreadable: a miss
        }
    }

    void store(String request, Entry entry) {
        Path file = file(request);
        if (file == null) {
            return;
        }
        try {
            CacheFolder.createOwnerOnly(folder);
            ObjectNode header = Mappers.json().createObjectNode()
                    .put("url", entry.url()).put("etag", entry.etag()).put("fetched", entry.fetched().toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream(entry.body().length + 200);
            out.write(header.toString().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.write(entry.body());
            Path temporary = Files.createTempFile(folder, "answer-", ".tmp");
            Files.setPosixFilePermissions(temporary, CacheFolder.OWNER_ONLY_FILE);
            Files.write(temporary, out.toByteArray());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written costs the next run a full download, nothing more.
        }
    }

    private Path file(String request) {
        if (folder == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest).substring(0, 40) + ".answer");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
