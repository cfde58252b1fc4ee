package io.photonfarm.coordinator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bearer tokens the farm accepts: one for API clients (people, scripts, the web UI) and one for
 * nodes. Each side has its own, so a leaked node token cannot cancel jobs; both may be the same
 * string (the embedded default uses one token for both).
 * Comparison takes constant time.
 */
public record Tokens(String clientToken, String nodeToken) {
    private static final int MIN_LENGTH = 16;

    public Tokens {
        check("client", clientToken);
        check("node", nodeToken);
    }

    /** One fresh random token (32 hex characters, 128 bits) for both clients and nodes. */
    public static Tokens generate() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String t = HexFormat.of().formatHex(bytes);
        return new Tokens(t, t);
    }

    public boolean isClient(String presented) {
        return matches(clientToken, presented);
    }

    public boolean isNode(String presented) {
        return matches(nodeToken, presented);
    }

    private static boolean matches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static void check(String role, String token) {
        if (token == null || token.length() < MIN_LENGTH || !token.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException(role + " token: at least " + MIN_LENGTH
                    + " printable ASCII characters without spaces");
        }
    }

    @Override
    public String toString() {
        return "Tokens[hidden]";
    }
}
