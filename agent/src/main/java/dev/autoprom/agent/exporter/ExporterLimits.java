package dev.autoprom.agent.exporter;

/**
 * The bounds that keep the exporter port answering whatever its clients do (DESIGN.md, "Never break the host",
 * item 6). The port faces the network: a port scanner, a health probe that never finishes its request or a
 * half-dead connection through a proxy must not be able to stop a scrape, nor grow the agent's threads or
 * memory. Fixed, not configurable: each is generous for Prometheus (one request every few seconds, answered in
 * milliseconds) and tight enough that the worst case stays small.
 */
final class ExporterLimits {

    /**
     * Open connections. One more is always accepted: it takes the place of the connection that has done least,
     * so a flood of idle or half-sent connections cannot lock the scraper out.
     */
    static final int MAX_CONNECTIONS = 256;

    /** A request head (request line and header fields) larger than this is answered 431 and closed. */
    static final int MAX_HEAD_BYTES = 16 * 1024;

    static final int MAX_HEADER_FIELDS = 100;

    /** From a request's first byte (or TLS handshake's) to the end of its head; then the connection is closed. */
    static final long HEAD_TIMEOUT_MILLIS = 10_000;

    /** A connection that sends nothing this long, new or kept alive between scrapes, is closed. */
    static final long IDLE_TIMEOUT_MILLIS = 30_000;

    /** A response the client has not taken any of for this long is dropped with its connection. */
    static final long WRITE_STALL_MILLIS = 10_000;

    /**
     * Requests accepted for a worker and not yet written out. Past it, a request is answered 503 at once. With
     * {@link #WRITE_STALL_MILLIS} this bounds the memory held by responses: at most this many scrape bodies.
     */
    static final int MAX_PENDING_REQUESTS = 64;

    /** Threads that build responses; scrapes are short and CPU-bound, and I/O never happens on these. */
    static final int WORKER_THREADS = 2;

    /** How often deadlines are checked: a timeout fires at most this much late. */
    static final long SWEEP_MILLIS = 250;

    private ExporterLimits() {}
}
