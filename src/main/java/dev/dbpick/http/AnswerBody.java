package dev.dbpick.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.dbpick.advice.Result;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A JSON answer as the response's body: written by the service's mapper (Micronaut's, with its
 * settings) into a buffer of Netty's allocator that is sized for it, which Netty sends as it is.
 * Handed the answer itself, Micronaut writes it into a 256-byte buffer that doubles seven times
 * on the way to a default answer's 20 to 40 KB, copying what it holds each time. The buffer
 * starts at a little more than the last answer written (at most 64 KB), so most answers fit the
 * first one. The lines most answers repeat are written from bytes encoded once ({@link EncodedLines}).
 */
@Singleton
public final class AnswerBody {

    private static final int SMALLEST = 4096;
    /** The largest first buffer: an answer with every explanation can run to hundreds of KB, and grows from here. */
    private static final int LARGEST = 64 * 1024;

    private final EncodedLines lines;
    private final ObjectWriter writer;
    private final ByteBufAllocator allocator;
    private volatile int lastLength = 32 * 1024;

    @Inject
    public AnswerBody(ObjectMapper mapper) {
        this(mapper, ByteBufAllocator.DEFAULT);
    }

    AnswerBody(ObjectMapper mapper, ByteBufAllocator allocator) {
        this.lines = new EncodedLines(mapper);
        this.writer = lines.writer();
        this.allocator = allocator;
    }

    /** How many lines are written from kept bytes now. */
    int keptLines() {
        return lines.size();
    }

    /** The answer's JSON in a buffer the caller owns: a response releases it once sent. */
    public ByteBuf write(Result result) {
        ByteBuf buffer = allocator.buffer(Math.min(LARGEST, Math.max(SMALLEST, lastLength + lastLength / 8)));
        boolean written = false;
        try (OutputStream out = new ByteBufOutputStream(buffer)) {
            writer.writeValue(out, result);
            written = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!written) {
                buffer.release();
            }
        }
        lastLength = buffer.readableBytes();
        return buffer;
    }

    /** Writes the answer as a response's body is written and releases the buffer: what a warm-up or a benchmark needs. */
    public int length(Result result) {
        ByteBuf buffer = write(result);
        try {
            return buffer.readableBytes();
        } finally {
            buffer.release();
        }
    }
}
