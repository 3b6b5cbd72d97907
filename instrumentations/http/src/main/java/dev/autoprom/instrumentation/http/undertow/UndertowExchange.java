package dev.autoprom.instrumentation.http.undertow;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * The exchange in flight on one Undertow connection (HTTP/1.x: one at a time, the next is read once the previous
 * completed; HTTP/2: each stream is its own connection object). Reused for every exchange of the connection.
 *
 * <p>It is counted as active only once its root handler returned without entering Undertow's servlet layer (whose
 * own instrumentation records it), or when it completes first; {@link #phase} makes exactly one of those count it.
 */
final class UndertowExchange {

    static final int BEGUN = 0;
    static final int COUNTED = 1;
    static final int DONE = 2;

    private static final AtomicReferenceFieldUpdater<UndertowExchange, Object> EXCHANGE =
            AtomicReferenceFieldUpdater.newUpdater(UndertowExchange.class, Object.class, "exchange");
    private static final AtomicIntegerFieldUpdater<UndertowExchange> PHASE =
            AtomicIntegerFieldUpdater.newUpdater(UndertowExchange.class, "phase");

    volatile Object exchange;
    volatile int phase;
    /** The servlet layer took the exchange: its instrumentation records, this one stays out. */
    volatile boolean servlet;

    long start;
    int method;
    boolean https;

    void begin(Object exchange, long start, int method, boolean https) {
        this.start = start;
        this.method = method;
        this.https = https;
        this.servlet = false;
        this.phase = BEGUN;
        this.exchange = exchange;
    }

    boolean advance(int from, int to) {
        return PHASE.compareAndSet(this, from, to);
    }

    /** True for exactly one caller per exchange: the one that ends it. */
    boolean end(Object exchange) {
        return exchange != null && EXCHANGE.compareAndSet(this, exchange, null);
    }
}
