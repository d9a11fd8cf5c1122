package io.patchbay.kernel.infra.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What the transport itself refuses is answered like everything else, on each connection's Netty pipeline:
 * <ul>
 *   <li>The hard body limit ({@code micronaut.server.max-request-size}) answers with the same problem+json 413 as
 *       {@link BodySizeFilter}. With {@code server-type: full_content} Netty's {@link HttpObjectAggregator} collects each
 *       body before Micronaut sees the request; past the limit it wrote a bare 413 with no body and no content type (for
 *       a chunked body, a declared one, and an {@code Expect: 100-continue} refusal). The aggregator is replaced by one
 *       that writes the problem instead; after a body was cut off the connection is closed, as Netty does.</li>
 *   <li>A request Netty could not decode (a request line or header over Netty's limits, a malformed header) is answered
 *       by Micronaut, but Netty's decoder then discards everything that follows on the connection: a client that kept the
 *       connection alive waited for an answer that never came. That answer now says {@code Connection: close} and the
 *       connection is closed after it.</li>
 * </ul>
 */
@Singleton
@Requires(classes = NettyServerCustomizer.class)
public class TransportLimits implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    static final String AGGREGATOR = "http-aggregator";
    static final String CLOSER = "patchbay-close-after-undecodable-request";
    static final int LINGER_SECONDS = 2;

    private final byte[] problem;
    private final boolean closeOnExpectationFailed;

    public TransportLimits(JsonMapper json, @Value("${patchbay.http.max-body-bytes:1048576}") long maxBytes,
                           @Value("${micronaut.server.netty.close-on-expectation-failed:false}") boolean closeOnExpectationFailed) {
        try {
            this.problem = json.writeValueAsBytes(BodySizeFilter.tooLarge(-1, maxBytes).body());
        } catch (IOException e) {
            throw new IllegalStateException("the 413 problem could not be written", e);
        }
        this.closeOnExpectationFailed = closeOnExpectationFailed;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {
        @Nullable
        private final Channel channel;

        Customizer(@Nullable Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION || role == ChannelRole.REQUEST_STREAM ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            ChannelHandler current = pipeline.get(AGGREGATOR);
            if (current instanceof HttpObjectAggregator aggregator && !(current instanceof ProblemAggregator)) {
                pipeline.replace(AGGREGATOR, AGGREGATOR, new ProblemAggregator(aggregator.maxContentLength(), closeOnExpectationFailed));
                pipeline.addBefore(AGGREGATOR, CLOSER, new CloseAfterUndecodableRequest());
            }
        }
    }

    /** Netty's aggregator, answering a body over the limit with the 413 problem. */
    final class ProblemAggregator extends HttpObjectAggregator {
        ProblemAggregator(int maxContentLength, boolean closeOnExpectationFailed) {
            super(maxContentLength, closeOnExpectationFailed);
        }

        @Override
        protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
            Object response = super.newContinueResponse(start, maxContentLength, pipeline);
            if (response instanceof HttpResponse r && r.status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()) {
                ReferenceCountUtil.release(response);
                return tooLarge(false);
            }
            return response;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
            if (oversized instanceof HttpRequest) {
                // part of the body may be on its way already: answer, then close, as Netty's own aggregator does
                closeAfter(ctx.writeAndFlush(tooLarge(true)));
            } else {
                super.handleOversizedMessage(ctx, oversized);
            }
        }
    }

    /**
     * Marks the connection when a request could not be decoded; the answer to it closes the connection, gracefully. Netty
     * hands such a request on as HTTP/1.0, so Micronaut closes the channel as soon as the answer is written, with the rest
     * of the request still arriving: that close is held back here and done as {@link #closeAfter} does.
     */
    static final class CloseAfterUndecodableRequest extends ChannelDuplexHandler {
        private boolean undecodable;
        private boolean lingering;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                undecodable = true;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (!undecodable) {
                ctx.write(msg, promise);
                return;
            }
            if (msg instanceof HttpResponse response) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            if (msg instanceof LastHttpContent) {
                ctx.write(msg, promise.unvoid()).addListener(written -> close(ctx, ctx.newPromise()));
            } else {
                ctx.write(msg, promise);
            }
        }

        @Override
        public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
            if (!undecodable) {
                ctx.close(promise);
            } else if (lingering) {
                ctx.channel().closeFuture().addListener(closed -> promise.trySuccess());
            } else {
                lingering = true;
                linger(ctx.channel(), () -> ctx.close(promise));
            }
        }
    }

    /**
     * Closes the connection once {@code written} is out, the way HTTP servers close with a request still arriving: the
     * sending side first, then, after {@value #LINGER_SECONDS} s of reading and discarding what the client still sends,
     * the rest. Closing at once with unread bytes makes the kernel reset the connection, and the client may lose the
     * answer it was about to read.
     */
    static void closeAfter(ChannelFuture written) {
        written.addListener(done -> {
            if (done.isSuccess()) {
                linger(written.channel(), written.channel()::close);
            } else {
                written.channel().close();
            }
        });
    }

    private static void linger(Channel channel, Runnable close) {
        if (channel.isActive() && channel instanceof DuplexChannel duplex && !duplex.isOutputShutdown()) {
            channel.config().setAutoRead(true);
            duplex.shutdownOutput().addListener(shut -> channel.eventLoop().schedule(close, LINGER_SECONDS, TimeUnit.SECONDS));
        } else {
            close.run();
        }
    }

    private FullHttpResponse tooLarge(boolean close) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                Unpooled.wrappedBuffer(problem));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, ProblemBody.MEDIA_TYPE)
                .set(HttpHeaderNames.CONTENT_LENGTH, problem.length)
                .set(RequestIdFilter.HEADER, UUID.randomUUID().toString());
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }
}
