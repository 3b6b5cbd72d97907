package dev.autoprom.it.genai;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * AWS event-stream framing ({@code application/vnd.amazon.eventstream}), as Bedrock sends its streams: per
 * message a 12-byte prelude (total length, headers length, CRC32 of those 8 bytes), the headers (name length,
 * name, value type 7 = string, value length, value), the payload, and a CRC32 of everything before it. The SDK
 * checks both checksums, so a mistake here fails the stream.
 */
final class EventStreamEncoder {

    private static final byte STRING = 7;

    private EventStreamEncoder() {}

    /** An event message, e.g. {@code event("contentBlockDelta", "{...}")}. */
    static byte[] event(String eventType, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        return message(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** An exception message in the stream, e.g. {@code exception("throttlingException", "{...}")}. */
    static byte[] exception(String exceptionType, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":exception-type", exceptionType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "exception");
        return message(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] message(Map<String, String> headers, byte[] payload) {
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            byte[] name = header.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = header.getValue().getBytes(StandardCharsets.UTF_8);
            headerBytes.write(name.length);
            headerBytes.writeBytes(name);
            headerBytes.write(STRING);
            headerBytes.write((value.length >>> 8) & 0xff);
            headerBytes.write(value.length & 0xff);
            headerBytes.writeBytes(value);
        }
        int headersLength = headerBytes.size();
        int total = 12 + headersLength + payload.length + 4;
        ByteBuffer buffer = ByteBuffer.allocate(total);
        buffer.putInt(total).putInt(headersLength);
        buffer.putInt((int) crc(buffer.array(), 0, 8));
        buffer.put(headerBytes.toByteArray()).put(payload);
        buffer.putInt((int) crc(buffer.array(), 0, total - 4));
        return buffer.array();
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
