package dev.autoprom.it.core;

import static dev.autoprom.it.core.HostileClients.ascii;

import dev.autoprom.it.core.ExporterUnderTest.Mode;
import dev.autoprom.it.core.HostileClients.Reply;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, item 3, and the slow reader of DESIGN.md "Never break the host" item 6: bad requests, each on a fresh
 * connection in the mode's protocol, get a 4xx status line or a close within 5 s, never a hang and never metrics
 * (with auth on they are sent without credentials, and again with them: a bad request stays bad when it is
 * authenticated); and a client that never reads its responses does not stop another client's scrape. One child
 * JVM per mode.
 */
class HostileRequestsIT {

    /** A second request hidden in the body of the smuggling attempts: metrics, without credentials. */
    static final String SMUGGLED = "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n";

    /** Requests the exporter must refuse. Each is sent whole, on its own connection, in the mode's protocol. */
    enum BadRequest {
        MALFORMED_REQUEST_LINE("GARBAGE\r\n\r\n"),
        UNKNOWN_METHOD("BREW /metrics HTTP/1.1\r\nHost: x\r\n\r\n"),
        BODY_ON_GET("GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"),
        /** CL.TE: by Content-Length the smuggled GET is body; by chunked encoding it is a second request. */
        SMUGGLING_CONTENT_LENGTH_AND_CHUNKED("GET /-/healthy HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + ("0\r\n\r\n" + SMUGGLED).length() + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED),
        /** TE.CL: by Content-Length (4) the smuggled GET follows the body; by chunked encoding it is chunk data. */
        SMUGGLING_CHUNKED_AND_CONTENT_LENGTH("POST /-/healthy HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Length: 4\r\n\r\n" + Integer.toHexString(SMUGGLED.length()) + "\r\n" + SMUGGLED
                + "\r\n0\r\n\r\n"),
        HEADER_LINE_WITHOUT_COLON("GET /metrics HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n"),
        HTTP_9_9("GET /metrics HTTP/9.9\r\nHost: x\r\n\r\n");

        final String request;

        BadRequest(String request) {
            this.request = request;
        }
    }

    @Nested
    class Plain extends Requests {
        Plain() {
            super(Mode.PLAIN);
        }
    }

    @Nested
    class BasicAuth extends Requests {
        BasicAuth() {
            super(Mode.AUTH);
        }
    }

    @Nested
    class Tls extends Requests {
        Tls() {
            super(Mode.TLS);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    abstract static class Requests {

        private static final Duration READ_LIMIT = Duration.ofSeconds(5);

        private final Mode mode;
        private ExporterUnderTest exporter;

        Requests(Mode mode) {
            this.mode = mode;
        }

        @BeforeAll
        void start() throws Exception {
            exporter = ExporterUnderTest.start(mode);
        }

        @AfterAll
        void stop() {
            if (exporter != null) {
                exporter.close();
            }
        }

        /** Each bad request without credentials; with auth on, also with them (they must still be refused). */
        Stream<Arguments> badRequests() {
            return Stream.of(BadRequest.values())
                    .flatMap(bad -> mode == Mode.AUTH
                            ? Stream.of(Arguments.of(bad, false), Arguments.of(bad, true))
                            : Stream.of(Arguments.of(bad, false)));
        }

        @ParameterizedTest(name = "{0}, credentials={1}")
        @MethodSource("badRequests")
        @Order(1)
        void badRequestGetsA4xxOrACloseWithin5sAndNeverMetrics(BadRequest bad, boolean credentials) throws Exception {
            String what = mode + " exporter, " + bad + (credentials ? " with credentials" : "");
            int afterFirstLine = bad.request.indexOf("\r\n") + 2;
            String request = credentials
                    ? bad.request.substring(0, afterFirstLine)
                            + exporter.authorizationLine()
                            + bad.request.substring(afterFirstLine)
                    : bad.request;
            Reply reply;
            try (Socket socket = exporter.connect(HostileClients.CONNECT)) {
                reply = HostileClients.exchange(socket, ascii(request), READ_LIMIT);
            }
            System.out.println(what + ": " + reply);
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(reply.refused())
                    .as(
                            "%s: expected a 4xx status line or a close within %d s, but it %s",
                            what, READ_LIMIT.toSeconds(), reply)
                    .isTrue();
            soft.assertThat(reply.text().contains(ExporterUnderTest.METRICS_TEXT))
                    .as("%s: the answer has metrics text (%s)", what, ExporterUnderTest.METRICS_TEXT)
                    .isFalse();
            soft.assertAll();
            exporter.assertProbesAnswerInTime(what + ", after the bad request");
        }

        @Test
        @Order(2)
        void clientThatNeverReadsDoesNotStopAnotherScrape() throws Exception {
            try (Socket slow = HostileClients.slowReader(exporter, 200)) {
                // three rounds over a few seconds: a writer that blocks may take a moment to fill the buffers
                for (int round = 1; round <= 3; round++) {
                    Thread.sleep(1000);
                    exporter.assertProbesAnswerInTime(mode + " exporter, round " + round + " with a client that sent"
                            + " 200 pipelined GET /metrics and reads nothing");
                }
            }
        }
    }
}
