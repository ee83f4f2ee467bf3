package org.convene.http.live;

import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One server-sent-events response, written without ever blocking: events are queued and written as
 * fast as the client's connection takes them (servlet non-blocking output), so the thread that fans
 * out a feed hands each client its copy and moves on. A client that falls behind, more than
 * {@code maxQueuedBytes} waiting or the oldest waiting for longer than {@code maxLag}, is cut off;
 * it reconnects with the id of the last event it received and resumes exactly there, so a slow
 * client costs only itself.
 */
public final class SseStream implements WriteListener, AsyncListener {
    private final AsyncContext async;
    private final CompletableFuture<Void> done;
    private final ServletOutputStream out;
    private final long maxQueuedBytes;
    private final long maxLagNanos;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    private long queuedBytes;
    private boolean unflushed;
    private volatile boolean closed;
    private boolean finished;

    private record Queued(byte[] bytes, long at) {}

    private SseStream(AsyncContext async, CompletableFuture<Void> done, ServletOutputStream out, long maxQueuedBytes,
                      Duration maxLag) {
        this.async = async;
        this.done = done;
        this.out = out;
        this.maxQueuedBytes = maxQueuedBytes;
        this.maxLagNanos = maxLag.toNanos();
    }

    /**
     * Turns the request into an open event stream and hands it to {@code subscribe}; from then on
     * nothing written to it blocks. The request stays open, through Javalin's own asynchronous
     * handling, until the stream is closed; a subscription that fails closes it.
     */
    public static void open(Context ctx, long maxQueuedBytes, Duration maxLag, Consumer<SseStream> subscribe) {
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Accel-Buffering", "no");
        CompletableFuture<Void> done = new CompletableFuture<>();
        ctx.future(() -> {
            AsyncContext async = ctx.req().getAsyncContext();
            async.setTimeout(0);
            SseStream stream;
            try {
                stream = new SseStream(async, done, res.getOutputStream(), maxQueuedBytes, maxLag);
            } catch (IOException e) {
                done.complete(null);
                return done;
            }
            async.addListener(stream);
            stream.out.setWriteListener(stream);
            try {
                subscribe.accept(stream);
            } catch (RuntimeException e) {
                stream.close();
            }
            return done;
        });
    }

    /** Queues one event; its {@code id} is what the client sends back as {@code Last-Event-ID}. */
    public void sendEvent(String name, String data, String id) {
        enqueue(frame(name, data.getBytes(StandardCharsets.UTF_8), id));
    }

    /**
     * Queues one event whose data is already UTF-8 (the same entry's JSON goes to many clients), framed straight
     * into one array: names and ids are ASCII.
     */
    public void sendEvent(String name, byte[] data, String id) {
        enqueue(frame(name, data, id));
    }

    private static byte[] frame(String name, byte[] data, String id) {
        byte[] frame = new byte[7 + name.length() + 5 + id.length() + 7 + data.length + 2];
        int at = ascii(frame, 0, "event: ");
        at = ascii(frame, at, name);
        at = ascii(frame, at, "\nid: ");
        at = ascii(frame, at, id);
        at = ascii(frame, at, "\ndata: ");
        System.arraycopy(data, 0, frame, at, data.length);
        at += data.length;
        frame[at] = '\n';
        frame[at + 1] = '\n';
        return frame;
    }

    private static int ascii(byte[] into, int at, String text) {
        for (int i = 0; i < text.length(); i++) into[at + i] = (byte) text.charAt(i);
        return at + text.length();
    }

    /** Queues a comment line: a heartbeat, or word that the subscription is in place. */
    public void sendComment(String comment) {
        enqueue(": " + comment + "\n\n");
    }

    /** Runs {@code action} once the stream has ended, whichever side ended it. */
    public void onClose(Runnable action) {
        boolean already;
        synchronized (this) {
            onClose.add(action);
            already = finished;
        }
        if (already) action.run();
    }

    /** Whether the stream has ended, or the client fell too far behind and is about to be cut off. */
    public boolean terminated() {
        if (!closed && tooFarBehind()) close();
        return closed;
    }

    private synchronized boolean tooFarBehind() {
        Queued oldest = queue.peekFirst();
        return queuedBytes > maxQueuedBytes || (oldest != null && System.nanoTime() - oldest.at() > maxLagNanos);
    }

    private void enqueue(String text) {
        enqueue(text.getBytes(StandardCharsets.UTF_8));
    }

    private void enqueue(byte[] bytes) {
        if (closed) return;
        boolean cutOff;
        synchronized (this) {
            queue.addLast(new Queued(bytes, System.nanoTime()));
            queuedBytes += bytes.length;
            cutOff = tooFarBehind();
            if (!cutOff) drain();
        }
        if (cutOff || closed) close();
    }

    /** Writes what is queued while the connection takes it; the container calls back when it can take more. */
    private synchronized void drain() {
        try {
            while (out.isReady()) {
                Queued next = queue.pollFirst();
                if (next == null) {
                    if (unflushed) {
                        unflushed = false;
                        out.flush();
                        continue;
                    }
                    return;
                }
                queuedBytes -= next.bytes().length;
                out.write(next.bytes());
                unflushed = true;
            }
        } catch (IOException | IllegalStateException gone) {
            closed = true;
        }
    }

    @Override
    public void onWritePossible() {
        if (!closed) drain();
        if (closed) close();
    }

    @Override
    public void onError(Throwable t) {
        close();
    }

    /** Ends the stream, once; the client reconnects with its last event id. */
    public void close() {
        synchronized (this) {
            if (finished) return;
            finished = true;
            closed = true;
            queue.clear();
            queuedBytes = 0;
        }
        // Javalin completes the response once this future does.
        done.complete(null);
        onClose.forEach(Runnable::run);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // nothing to do: the stream is already set up
    }
}
