package dev.autoprom.agent.exporter;

import dev.autoprom.api.AgentLog;
import dev.autoprom.api.SelfMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * The exporter's HTTP/1.1 server: one I/O thread with a selector does all reading and writing without ever
 * blocking, and {@link ExporterLimits#WORKER_THREADS} workers build responses. A client can therefore hold at
 * most a connection slot and its buffers, never a thread: a half-sent request, an idle socket, a TLS handshake
 * that stops half-way or a client that does not read its response all wait in the selector until their deadline,
 * while the next scrape is read, served and written beside them.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}, which the Prometheus client's exporter uses: it reads
 * each request head with a blocking read on an executor thread, so every client that stops mid-head holds a
 * thread, and no bounded pool survives a hundred of them. The servers that read heads without blocking (Netty,
 * Jetty, Undertow) are each larger than the whole agent.
 */
final class ExporterServer implements Connection.Server {

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final SSLContext tls;
    private final Function<RequestHead, Response> endpoints;
    private final ThreadPoolExecutor workers;
    private final Set<Connection> connections = new LinkedHashSet<>();
    private final Queue<Runnable> fromWorkers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(ExporterLimits.MAX_HEAD_BYTES);
    private final Thread ioThread;
    /** For tests and the status page: the open client connections, written by the I/O thread only. */
    private volatile int openConnections;

    private volatile boolean running = true;
    private long lastSweep;

    private ExporterServer(
            ServerSocketChannel listener,
            Selector selector,
            SSLContext tls,
            Function<RequestHead, Response> endpoints) {
        this.listener = listener;
        this.selector = selector;
        this.tls = tls;
        this.endpoints = endpoints;
        this.workers = workerPool();
        this.ioThread = new Thread(this::run, "autoprom-exporter");
        ioThread.setDaemon(true);
    }

    /** Binds (a {@link java.net.BindException} when the port is taken) and starts serving. */
    static ExporterServer start(InetSocketAddress address, SSLContext tls, Function<RequestHead, Response> endpoints)
            throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        Selector selector = null;
        try {
            listener.bind(address, 128);
            listener.configureBlocking(false);
            selector = Selector.open();
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            listener.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        ExporterServer server = new ExporterServer(listener, selector, tls, endpoints);
        server.ioThread.start();
        return server;
    }

    int port() {
        return ((InetSocketAddress) listener.socket().getLocalSocketAddress()).getPort();
    }

    int openConnections() {
        return openConnections;
    }

    void close() {
        running = false;
        selector.wakeup();
        workers.shutdownNow();
        try {
            ioThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                loopOnce();
            }
        } finally {
            for (Connection connection : new ArrayList<>(connections)) {
                connection.close();
            }
            closeQuietly(listener);
            closeQuietly(selector);
        }
    }

    private void loopOnce() {
        try {
            selector.select(ExporterLimits.SWEEP_MILLIS);
            long now = millis();
            Iterator<SelectionKey> selected = selector.selectedKeys().iterator();
            while (selected.hasNext()) {
                SelectionKey key = selected.next();
                selected.remove();
                if (!key.isValid()) {
                    continue;
                }
                if (key.isAcceptable()) {
                    acceptAll(now);
                } else {
                    ready((Connection) key.attachment(), now);
                }
            }
            Runnable fromWorker;
            while ((fromWorker = fromWorkers.poll()) != null) {
                fromWorker.run();
            }
            if (now - lastSweep >= ExporterLimits.SWEEP_MILLIS) {
                lastSweep = now;
                closeExpired(now);
            }
        } catch (ClosedSelectorException e) {
            running = false;
        } catch (Throwable t) {
            // one bad turn must not end the exporter; the connection involved was closed where it failed
            SelfMetrics.recordError("exporter", t);
            AgentLog.debug("exporter I/O loop: " + t);
        }
    }

    private void ready(Connection connection, long now) {
        try {
            connection.onReady(readBuffer, now);
        } catch (IOException | RuntimeException e) {
            // a reset, a broken pipe, a TLS alert: that client's problem, closed without a log line
            connection.close();
        }
    }

    private void acceptAll(long now) throws IOException {
        SocketChannel channel;
        while ((channel = listener.accept()) != null) {
            if (connections.size() >= ExporterLimits.MAX_CONNECTIONS && !evictOne()) {
                closeQuietly(channel); // every slot is serving a request: the newcomer waits for none
                continue;
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                Transport transport = tls != null ? new TlsTransport(channel, tls) : new PlainTransport(channel);
                Connection connection = new Connection(key, transport, this, now);
                key.attach(connection);
                connections.add(connection);
                openConnections = connections.size();
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
            }
        }
    }

    /** Closes the reading connection that has done least for longest; false if every one is being served. */
    private boolean evictOne() {
        Connection oldest = null;
        for (Connection connection : connections) {
            if (connection.state() == Connection.State.READING
                    && (oldest == null || connection.lastActivity() < oldest.lastActivity())) {
                oldest = connection;
            }
        }
        if (oldest == null) {
            return false;
        }
        oldest.close();
        return true;
    }

    private void closeExpired(long now) {
        List<Connection> expired = null;
        for (Connection connection : connections) {
            if (connection.expired(now)) {
                if (expired == null) {
                    expired = new ArrayList<>();
                }
                expired.add(connection);
            }
        }
        if (expired != null) {
            expired.forEach(Connection::close);
        }
    }

    @Override
    public void dispatch(Connection connection, RequestHead head) {
        long now = millis();
        if (pending.incrementAndGet() > ExporterLimits.MAX_PENDING_REQUESTS) {
            pending.decrementAndGet();
            respond(connection, Response.refusal(503, "too many requests in flight"), head, now);
            return;
        }
        connection.holdsSlot = true;
        try {
            workers.execute(() -> {
                Response response;
                try {
                    response = endpoints.apply(head);
                } catch (Throwable t) {
                    SelfMetrics.recordError("exporter", t);
                    response = Response.refusal(500, "internal error");
                }
                Response answer = response;
                fromWorkers.add(() -> respond(connection, answer, head, millis()));
                selector.wakeup();
            });
        } catch (RejectedExecutionException e) {
            connection.close(); // shutting down
        }
    }

    private void respond(Connection connection, Response response, RequestHead head, long now) {
        try {
            connection.respond(response, head.isHead(), head.closeAfterResponse, now);
        } catch (IOException | RuntimeException e) {
            connection.close();
        }
    }

    @Override
    public void responded(Connection connection) {
        releaseSlot(connection);
    }

    @Override
    public void closed(Connection connection) {
        connections.remove(connection);
        openConnections = connections.size();
        releaseSlot(connection);
    }

    private void releaseSlot(Connection connection) {
        if (connection.holdsSlot) {
            connection.holdsSlot = false;
            pending.decrementAndGet();
        }
    }

    private static ThreadPoolExecutor workerPool() {
        AtomicInteger count = new AtomicInteger();
        // the queue is bounded by the pending-request count, checked before anything is queued
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                ExporterLimits.WORKER_THREADS,
                ExporterLimits.WORKER_THREADS,
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "autoprom-exporter-worker-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static long millis() {
        return System.nanoTime() / 1_000_000;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
