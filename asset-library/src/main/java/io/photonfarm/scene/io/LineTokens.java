package io.photonfarm.scene.io;

import java.util.Locale;

/**
 * A cursor over the whitespace-separated tokens of the current line of a {@link LineReader}.
 * Works on the reader's character buffer so that the hot path (millions of {@code v} and
 * {@code f} lines) creates no arrays and no regular expressions; only numbers become short
 * strings for {@link Float#parseFloat}.
 *
 * <p>A {@code #} at the start of a line or after whitespace starts a comment that runs to the end
 * of the line.
 */
final class LineTokens {
    private final LineReader reader;
    private char[] s;
    private int end;
    private int pos;
    private int tokenStart;
    private int tokenEnd;

    LineTokens(LineReader reader) {
        this.reader = reader;
    }

    /** Points the cursor at the reader's current line, with its comment cut off. */
    void reset() {
        s = reader.chars();
        end = reader.length();
        pos = 0;
        tokenStart = 0;
        tokenEnd = 0;
        for (int i = 0; i < end; i++) {
            if (s[i] == '#' && (i == 0 || isSpace(s[i - 1]))) {
                end = i;
                break;
            }
        }
    }

    /** Moves to the next token; false when the line has no more. */
    boolean next() {
        while (pos < end && isSpace(s[pos])) {
            pos++;
        }
        if (pos == end) {
            tokenStart = tokenEnd = end;
            return false;
        }
        tokenStart = pos;
        while (pos < end && !isSpace(s[pos])) {
            pos++;
        }
        tokenEnd = pos;
        return true;
    }

    /** The next token as a string, or null at the end of the line. */
    String nextString() {
        return next() ? token() : null;
    }

    String token() {
        return new String(s, tokenStart, tokenEnd - tokenStart);
    }

    int tokenStart() {
        return tokenStart;
    }

    int tokenEnd() {
        return tokenEnd;
    }

    char charAt(int i) {
        return s[i];
    }

    /** Position to return to with {@link #rewind(int)}, e.g. after peeking at a token. */
    int mark() {
        return pos;
    }

    void rewind(int mark) {
        pos = mark;
    }

    /** The rest of the line after the current token, without surrounding whitespace ("" if none). */
    String rest() {
        int a = pos;
        int b = end;
        while (a < b && isSpace(s[a])) {
            a++;
        }
        while (b > a && isSpace(s[b - 1])) {
            b--;
        }
        pos = end;
        return new String(s, a, b - a);
    }

    /** The next token as a finite float; {@code what} names the value in messages. */
    float nextFloat(String what) throws SceneFormatException {
        if (!next()) {
            throw reader.fail(what + " is missing");
        }
        return tokenFloat(what);
    }

    /** The current token as a finite float. */
    float tokenFloat(String what) throws SceneFormatException {
        if (!tokenIsNumber()) {
            String t = token();
            String word = t.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
            if (word.equals("nan") || word.startsWith("inf")) {
                throw reader.fail(what + " is '" + clip(t) + "', not a finite number");
            }
            throw reader.fail(what + " is '" + clip(t) + "', not a number");
        }
        float f;
        try {
            f = Float.parseFloat(token());
        } catch (NumberFormatException e) {
            throw reader.fail(what + " is '" + clip(token()) + "', not a number");
        }
        if (!Float.isFinite(f)) {
            throw reader.fail(what + " is '" + clip(token()) + "', not a finite single-precision number");
        }
        return f;
    }

    /**
     * Whether the current token looks like a decimal number. Checked before
     * {@link Float#parseFloat} because Java also accepts forms no scene file means ("1f", "0x1p3").
     */
    boolean tokenIsNumber() {
        boolean digit = false;
        for (int i = tokenStart; i < tokenEnd; i++) {
            char c = s[i];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digit;
    }

    /** The next token as an int; {@code what} names the value in messages. */
    int nextInt(String what) throws SceneFormatException {
        if (!next()) {
            throw reader.fail(what + " is missing");
        }
        try {
            return Integer.parseInt(token());
        } catch (NumberFormatException e) {
            throw reader.fail(what + " is '" + clip(token()) + "', not an integer");
        }
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
    }

    /** Shortens a token quoted in a message: a hostile line may be a megabyte long. */
    static String clip(String t) {
        return t.length() <= 40 ? t : t.substring(0, 40) + "...";
    }
}
