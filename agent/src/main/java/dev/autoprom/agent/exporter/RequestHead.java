package dev.autoprom.agent.exporter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One parsed HTTP/1.x request head: the request line and the header fields, nothing else. Parsing is strict
 * where leniency has been a request-smuggling vector (whitespace before a colon, folded lines, a bare CR, two
 * Content-Length fields, any Transfer-Encoding) and rejects every request body: the exporter's endpoints take
 * none, so a body is either a mistake or an attempt to desynchronise a proxy in front of the port.
 */
final class RequestHead {

    /** A request the exporter refuses: answered with {@link #status} and the connection closed. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Rejected(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }

    final String method;
    final String path;
    /** The raw query after {@code ?}, or {@code null}. */
    final String query;
    /** HTTP/1.0, or an explicit {@code Connection: close}: the connection closes after the response. */
    final boolean closeAfterResponse;

    private final List<String[]> headers;

    private RequestHead(String method, String path, String query, boolean closeAfterResponse, List<String[]> headers) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.closeAfterResponse = closeAfterResponse;
        this.headers = headers;
    }

    boolean isHead() {
        return "HEAD".equals(method);
    }

    /** The values of a header field, matched without regard to case. */
    List<String> headers(String name) {
        List<String> values = null;
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name)) {
                if (values == null) {
                    values = new ArrayList<>(1);
                }
                values.add(header[1]);
            }
        }
        return values == null ? Collections.emptyList() : values;
    }

    String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * The length of the head in {@code bytes[0..length)} including its terminating empty line, or {@code -1}
     * while it is incomplete. Lines end with CRLF or, as many servers accept, a bare LF. The search starts at
     * {@code from}, so a head that arrives a byte at a time is scanned once, not once per byte.
     */
    static int headLength(byte[] bytes, int from, int length) {
        for (int i = Math.max(0, from); i < length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            if (i + 1 < length && bytes[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < length && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /** Parses a complete head, {@code bytes[0..length)} as found by {@link #headLength}. */
    static RequestHead parse(byte[] bytes, int length) throws Rejected {
        // ISO-8859-1 maps every byte to one char, so offsets stay offsets and no byte is lost
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        List<String> lines = lines(text);
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new Rejected(400, "empty request line");
        }
        String[] requestLine = lines.get(0).split(" ", -1);
        if (requestLine.length != 3) {
            throw new Rejected(400, "malformed request line");
        }
        String method = requestLine[0];
        String target = requestLine[1];
        String version = requestLine[2];
        if (!isToken(method)) {
            throw new Rejected(400, "malformed method");
        }
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new Rejected(400, "only HTTP/1.0 and HTTP/1.1 are served");
        }
        if (!target.startsWith("/") || !isVisibleAscii(target)) {
            throw new Rejected(400, "malformed request target");
        }
        List<String[]> headers = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            headers.add(headerField(lines.get(i)));
        }
        if (headers.size() > ExporterLimits.MAX_HEADER_FIELDS) {
            throw new Rejected(431, "too many header fields");
        }
        int query = target.indexOf('?');
        RequestHead head = new RequestHead(
                method,
                query < 0 ? target : target.substring(0, query),
                query < 0 ? null : target.substring(query + 1),
                closes(version, headers),
                headers);
        rejectBodies(head);
        return head;
    }

    /** The lines before the empty one; a CR is allowed only right before its LF. */
    private static List<String> lines(String text) throws Rejected {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (true) {
            int lf = text.indexOf('\n', start);
            int end = lf > start && text.charAt(lf - 1) == '\r' ? lf - 1 : lf;
            String line = text.substring(start, end);
            if (line.indexOf('\r') >= 0) {
                throw new Rejected(400, "bare CR in the request head");
            }
            if (line.isEmpty()) {
                return lines;
            }
            lines.add(line);
            start = lf + 1;
        }
    }

    private static String[] headerField(String line) throws Rejected {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw new Rejected(400, "folded header lines are not accepted");
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.substring(0, colon))) {
            throw new Rejected(400, "malformed header field");
        }
        return new String[] {line.substring(0, colon), line.substring(colon + 1).trim()};
    }

    private static boolean closes(String version, List<String[]> headers) {
        boolean close = version.equals("HTTP/1.0");
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase("Connection")) {
                String value = header[1].toLowerCase(Locale.ROOT);
                if (value.contains("close")) {
                    close = true;
                } else if (value.contains("keep-alive")) {
                    close = false;
                }
            }
        }
        return close;
    }

    private static void rejectBodies(RequestHead head) throws Rejected {
        if (!head.headers("Transfer-Encoding").isEmpty()) {
            throw new Rejected(400, "request bodies are not accepted (Transfer-Encoding)");
        }
        List<String> lengths = head.headers("Content-Length");
        if (lengths.size() > 1) {
            throw new Rejected(400, "more than one Content-Length");
        }
        if (lengths.size() == 1 && !lengths.get(0).equals("0")) {
            throw new Rejected(400, "request bodies are not accepted (Content-Length)");
        }
    }

    /** RFC 9110 token characters. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisibleAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
