package dev.autoprom.agent.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeadTest {

    private static RequestHead parse(String text) throws RequestHead.Rejected {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        int length = RequestHead.headLength(bytes, 0, bytes.length);
        assertThat(length).as("complete head").isPositive();
        return RequestHead.parse(bytes, length);
    }

    private static int status(String text) {
        try {
            parse(text);
            throw new AssertionError("accepted: " + text);
        } catch (RequestHead.Rejected e) {
            return e.status;
        }
    }

    @Test
    void parsesAScrape() throws Exception {
        RequestHead head = parse("GET /metrics?name[]=up HTTP/1.1\r\nHost: x\r\nAccept: a\r\naccept: b\r\n\r\n");
        assertThat(head.method).isEqualTo("GET");
        assertThat(head.path).isEqualTo("/metrics");
        assertThat(head.query).isEqualTo("name[]=up");
        assertThat(head.headers("ACCEPT")).containsExactly("a", "b");
        assertThat(head.closeAfterResponse).isFalse();
    }

    @Test
    void findsTheEndOfAHeadWithCrlfOrBareLf() {
        byte[] crlf = "GET / HTTP/1.1\r\nHost: x\r\n\r\nNEXT".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(RequestHead.headLength(crlf, 0, crlf.length)).isEqualTo(crlf.length - 4);
        byte[] lf = "GET / HTTP/1.1\nHost: x\n\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(RequestHead.headLength(lf, 0, lf.length)).isEqualTo(lf.length);
        byte[] partial = "GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(RequestHead.headLength(partial, 0, partial.length)).isEqualTo(-1);
    }

    @Test
    void http10AndConnectionCloseCloseAfterTheResponse() throws Exception {
        assertThat(parse("GET / HTTP/1.0\r\n\r\n").closeAfterResponse).isTrue();
        assertThat(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").closeAfterResponse)
                .isFalse();
        assertThat(parse("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").closeAfterResponse)
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GARBAGE\r\n\r\n",
                "GET /metrics\r\n\r\n",
                "GET  /metrics HTTP/1.1\r\n\r\n",
                "GET /metrics HTTP/9.9\r\n\r\n",
                "PRI * HTTP/2.0\r\n\r\n",
                "GET http://x/metrics HTTP/1.1\r\n\r\n",
                "G(T /metrics HTTP/1.1\r\n\r\n",
                "GET /metrics HTTP/1.1\r\nHost x\r\n\r\n",
                "GET /metrics HTTP/1.1\r\nHost : x\r\n\r\n",
                "GET /metrics HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
                "GET /metrics HTTP/1.1\r\nHost: x\ry\r\n\r\n",
                "GET /metrics HTTP/1.1\r\nContent-Length: 5\r\n\r\n",
                "GET /metrics HTTP/1.1\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n",
                "GET /metrics HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                "GET /metrics HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
            })
    void refusesWhatCouldDesynchroniseAProxy(String request) {
        assertThat(status(request)).isEqualTo(400);
    }

    @Test
    void anEmptyBodyIsFine() throws Exception {
        assertThat(parse("GET /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n").path)
                .isEqualTo("/metrics");
    }

    @Test
    void tooManyHeaderFields() {
        StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i <= ExporterLimits.MAX_HEADER_FIELDS; i++) {
            request.append("X-").append(i).append(": y\r\n");
        }
        assertThat(status(request.append("\r\n").toString())).isEqualTo(431);
    }

    @Test
    void rejectionsCarryNoStackTrace() {
        assertThatThrownBy(() -> parse("GARBAGE\r\n\r\n"))
                .isInstanceOf(RequestHead.Rejected.class)
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }
}
