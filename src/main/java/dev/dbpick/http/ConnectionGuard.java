package dev.dbpick.http;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Guards each HTTP/1 connection below Micronaut, where requests that never become requests are
 * decided: a request line over the limit answers 414, headers over the limit 431, another
 * malformed request 400, and a request that has not arrived whole within the time limit (a slow
 * drip of headers or body) 408, each as problem details with the connection closed.
 */
@Singleton
public class ConnectionGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final long deadlineMillis;

    public ConnectionGuard(ServiceSettings settings) {
        this.deadlineMillis = settings.requestTimeout().toMillis();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {

        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            for (Map.Entry<String, ChannelHandler> entry : pipeline) {
                if (entry.getValue() instanceof HttpServerCodec && pipeline.get(Deadline.class) == null) {
                    Deadline deadline = new Deadline(deadlineMillis);
                    pipeline.addBefore(entry.getKey(), "dbpick-request-deadline", deadline);
                    pipeline.addAfter(entry.getKey(), "dbpick-decoder-failures", new DecoderFailures(deadline));
                    return;
                }
            }
        }
    }

    /**
     * Answers a request the decoder could not read, and drops whatever follows it on the
     * connection; stops the deadline's clock when a request has arrived whole.
     */
    static final class DecoderFailures extends ChannelInboundHandlerAdapter {

        private final Deadline deadline;
        private boolean failed;

        DecoderFailures(Deadline deadline) {
            this.deadline = deadline;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof LastHttpContent) {
                deadline.cancel();
            }
            if (failed) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                failed = true;
                Throwable cause = request.decoderResult().cause();
                ReferenceCountUtil.release(msg);
                if (cause instanceof TooLongHttpLineException) {
                    answer(ctx, 414, "URI Too Long", "The request line is longer than the service accepts (4 KiB)");
                } else if (cause instanceof TooLongHttpHeaderException) {
                    answer(ctx, 431, "Request Header Fields Too Large", "The request headers are larger than the service accepts (8 KiB)");
                } else if (cause instanceof TooLongFrameException) {
                    answer(ctx, 413, "Content Too Large", "A part of the request is larger than the service accepts");
                } else {
                    answer(ctx, 400, "Bad Request", "The request is not well-formed HTTP");
                }
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * Starts a clock at a request's first bytes and stops it when the request has arrived whole;
     * when the clock runs out first, answers 408 and closes the connection. It sits before the
     * decoder, so it writes its answer as bytes.
     */
    static final class Deadline extends ChannelDuplexHandler {

        private final long millis;
        private ScheduledFuture<?> timer;

        Deadline(long millis) {
            this.millis = millis;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (timer == null && millis > 0) {
                timer = ctx.executor().schedule(() -> expire(ctx), millis, TimeUnit.MILLISECONDS);
            }
            ctx.fireChannelRead(msg);
        }

        void cancel() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private void expire(ChannelHandlerContext ctx) {
            timer = null;
            if (ctx.channel().isActive()) {
                String body = problem(408, "Request Timeout", "The request did not arrive whole within "
                        + (millis / 1000) + " s");
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                ByteBuf head = Unpooled.copiedBuffer("HTTP/1.1 408 Request Timeout\r\nContent-Type: " + Problem.MEDIA_TYPE
                        + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n", StandardCharsets.US_ASCII);
                ctx.writeAndFlush(Unpooled.wrappedBuffer(head, Unpooled.wrappedBuffer(bytes))).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            cancel();
            super.channelInactive(ctx);
        }
    }

    private static void answer(ChannelHandlerContext ctx, int status, String reason, String detail) {
        byte[] bytes = problem(status, reason, detail).getBytes(StandardCharsets.UTF_8);
        var response = new io.netty.handler.codec.http.DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                io.netty.handler.codec.http.HttpResponseStatus.valueOf(status, reason), Unpooled.wrappedBuffer(bytes));
        response.headers().set("Content-Type", Problem.MEDIA_TYPE);
        response.headers().setInt("Content-Length", bytes.length);
        response.headers().set("Connection", "close");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }
}
