package dev.dbpick.cli;

import dev.dbpick.profile.ProfileException;
import dev.dbpick.profile.ProfileReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a profile document from a file or, for "-", from standard input. */
final class ProfileInput {

    private ProfileInput() {
    }

    static String read(String source) {
        try (InputStream in = "-".equals(source) ? StandardInput.open("--profile - reads the profile from it") : Files.newInputStream(Path.of(source))) {
            byte[] bytes = in.readNBytes(ProfileReader.MAX_LENGTH + 1);
            if (bytes.length > ProfileReader.MAX_LENGTH) {
                throw new ProfileException("invalid profile: " + describe(source) + " is larger than "
                        + ProfileReader.MAX_LENGTH / 1024 + " KiB");
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ProfileException("cannot read profile " + source + ": no such file");
        } catch (CharacterCodingException e) {
            throw new ProfileException("invalid profile: " + describe(source) + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ProfileException("cannot read profile " + source + ": " + e.getMessage());
        }
    }

    private static String describe(String source) {
        return "-".equals(source) ? "standard input" : source;
    }
}
