package io.vertx.fake;

import io.netty.channel.ChannelHandlerAdapter;

/** Stands for any Vert.x handler in a pipeline (the metrics handler only looks at the class's package). */
public final class FakeVertxHandler extends ChannelHandlerAdapter {}
