package dev.autoprom.agent.exporter;

import dev.autoprom.agent.config.AgentConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** HTTP basic authentication against the configured user and password (or the password's SHA-256). */
final class BasicAuth {

    private final byte[] expectedUser;
    private final byte[] expectedPasswordDigest;

    private BasicAuth(byte[] expectedUser, byte[] expectedPasswordDigest) {
        this.expectedUser = expectedUser;
        this.expectedPasswordDigest = expectedPasswordDigest;
    }

    /** {@code null} when no user is configured: the endpoints are open. */
    static BasicAuth of(AgentConfig config) {
        String user = config.authUsername();
        if (user == null || user.isEmpty()) {
            return null;
        }
        byte[] digest = config.authPasswordSha256() != null
                ? hexToBytes(config.authPasswordSha256())
                : sha256(config.authPassword() == null ? "" : config.authPassword());
        return new BasicAuth(user.getBytes(StandardCharsets.UTF_8), digest);
    }

    /** Whether an {@code Authorization} header value carries the right credentials. */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // digests compared in constant time, so the answer's timing reveals nothing
        boolean userOk =
                MessageDigest.isEqual(expectedUser, decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(expectedPasswordDigest, sha256(decoded.substring(colon + 1)));
        return userOk & passwordOk;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static byte[] hexToBytes(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
