package dev.autoprom.it.http;

/** {@link NettyIT}'s plain Netty server (built against 4.1) on Netty 4.2: the same hook, the same records. */
class Netty42IT extends NettyIT {

    @Override
    protected String nettyVersion() {
        return "Netty/Transport 4.2.9.Final";
    }
}
