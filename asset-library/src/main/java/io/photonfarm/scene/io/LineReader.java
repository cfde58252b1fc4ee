package io.photonfarm.scene.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the logical lines of a line-based text scene file (OBJ, MTL) in a streaming way, so a
 * file of gigabytes never sits in memory whole. Accepts LF, CRLF and lone CR line ends, joins a
 * line that ends with a backslash to the next one, and refuses what a text file cannot contain:
 * a line longer than {@link #MAX_LINE_CHARS} (a hostile file without line breaks would otherwise
 * grow one buffer until the heap runs out) and NUL characters (binary data).
 *
 * <p>Text is UTF-8; undecodable bytes become U+FFFD rather than failing, because comments in old
 * files are often Latin-1 and must not make the file unreadable. The caller closes the stream.
 */
final class LineReader {
    /** Longest logical line accepted, in characters. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private final Path file;
    private final Reader in;
    private final char[] chunk = new char[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private boolean eof;
    private boolean skipLf;
    private char[] line = new char[256];
    private int length;
    private int physicalLines;
    private int lineNumber;

    LineReader(Path file, InputStream in) {
        this.file = file;
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Advances to the next logical line; false at the end of the file. */
    boolean next() throws SceneFormatException {
        length = 0;
        lineNumber = physicalLines + 1;
        boolean first = true;
        while (true) {
            boolean any = readPhysicalLine();
            if (!any) {
                return !first;
            }
            physicalLines++;
            first = false;
            if (length > 0 && line[length - 1] == '\\') {
                // Continuation: the backslash becomes a separator and the next line is appended.
                line[length - 1] = ' ';
                continue;
            }
            return true;
        }
    }

    /** The current line's characters; only the first {@link #length()} are valid. */
    char[] chars() {
        return line;
    }

    int length() {
        return length;
    }

    /** Number (1-based) of the physical line on which the current logical line starts. */
    int lineNumber() {
        return lineNumber;
    }

    Path file() {
        return file;
    }

    /** An error about the current line, naming the file and the line number. */
    SceneFormatException fail(String problem) {
        return new SceneFormatException(file, "line " + lineNumber + ": " + problem);
    }

    /** Appends one physical line to {@link #line}; false when the file had nothing left. */
    private boolean readPhysicalLine() throws SceneFormatException {
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd && !fill()) {
                return any;
            }
            char c = chunk[chunkPos++];
            if (skipLf) {
                skipLf = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n') {
                return true;
            }
            if (c == '\r') {
                skipLf = true;
                return true;
            }
            if (c == 0) {
                throw fail("contains a NUL character; this is a binary file, not a text scene file");
            }
            if (c == '\uFEFF' && physicalLines == 0 && length == 0) {
                continue; // byte order mark
            }
            if (length == line.length) {
                if (length >= MAX_LINE_CHARS) {
                    throw new SceneFormatException(file, "line " + lineNumber + " is longer than " + MAX_LINE_CHARS
                            + " characters; this is no text scene file");
                }
                line = Arrays.copyOf(line, Math.min(MAX_LINE_CHARS, line.length * 2));
            }
            line[length++] = c;
        }
    }

    private boolean fill() throws SceneFormatException {
        if (eof) {
            return false;
        }
        try {
            int n = in.read(chunk, 0, chunk.length);
            if (n <= 0) { // a Reader returns 0 only for an empty request, so <= 0 is the end
                eof = true;
                return false;
            }
            chunkPos = 0;
            chunkEnd = n;
            return true;
        } catch (IOException e) {
            throw new SceneFormatException(file, "reading after line " + physicalLines + ": " + e.getMessage(), e);
        }
    }
}
