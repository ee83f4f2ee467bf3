package org.convene.http.live;

import org.convene.model.FeedEntry;
import org.convene.model.StreamPosition;

/** Something fed by channels: one SSE client on one feed, or the merge of several feeds for one client. */
interface Sink {

    /** Takes an entry of the channel; returns false once the sink no longer wants this channel. */
    boolean accept(Channel channel, FeedEntry entry);

    /** The last position this sink has taken from the channel. */
    StreamPosition position(Channel channel);

    /** The feed of an instance this sink takes is gone (the instance was deleted). */
    void feedGone(long instanceId);

    boolean closed();

    void close();
}
