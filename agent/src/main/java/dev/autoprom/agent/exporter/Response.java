package dev.autoprom.agent.exporter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A complete response, built in memory and then written by the I/O thread without blocking. */
final class Response {

    private static final String TEXT = "text/plain; charset=utf-8";

    private final int status;
    private final List<String[]> headers = new ArrayList<>(4);
    private byte[] body = new byte[0];
    private boolean close;

    Response(int status) {
        this.status = status;
    }

    static Response text(int status, String body) {
        return new Response(status).header("Content-Type", TEXT).body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A refusal: the connection closes after it, since what follows the refused head cannot be trusted. */
    static Response refusal(int status, String reason) {
        return text(status, reason + "\n").closeConnection();
    }

    Response header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    Response body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    Response closeConnection() {
        this.close = true;
        return this;
    }

    boolean closesConnection() {
        return close;
    }

    int status() {
        return status;
    }

    /** The bytes on the wire; for HEAD the same head without the body. */
    ByteBuffer encode(boolean head) {
        StringBuilder text = new StringBuilder(128)
                .append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason(status))
                .append("\r\n");
        for (String[] header : headers) {
            text.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        text.append("Content-Length: ").append(body.length).append("\r\n");
        if (close) {
            text.append("Connection: close\r\n");
        }
        text.append("\r\n");
        byte[] headBytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer wire = ByteBuffer.allocate(headBytes.length + (head ? 0 : body.length));
        wire.put(headBytes);
        if (!head) {
            wire.put(body);
        }
        wire.flip();
        return wire;
    }

    private static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 406:
                return "Not Acceptable";
            case 431:
                return "Request Header Fields Too Large";
            case 500:
                return "Internal Server Error";
            case 503:
                return "Service Unavailable";
            default:
                return "Status";
        }
    }
}
