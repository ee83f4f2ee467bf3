package org.convene.model;

/** An entry of a live feed: an instance's activity, or a change in the lifecycle of all instances. */
public sealed interface FeedEntry permits InstanceActivity, LifecycleChange {

    /** Where the entry is in its feed: what a reader sends back to resume after it. */
    StreamPosition position();

    FeedKind kind();

    long instanceId();

    long meetingId();
}
