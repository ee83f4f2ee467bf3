package org.convene.core.port;

/** The one fact the access rules need from storage: whom a meeting is open to. */
public interface Audiences {

    /**
     * Returns whether the instance's meeting is public or has this e-mail in its audience: the fact
     * that {@link org.convene.core.Access} decides on; refuses with "Invalid meeting instance ID".
     */
    boolean openTo(long instanceId, String email);
}
