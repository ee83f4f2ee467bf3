package org.convene.core.port;

import java.time.Instant;
import java.util.List;
import org.convene.model.InstanceAttendance;

/** Who was in which instance and when: segments kept by the same steps as the events log, after the end too. */
public interface AttendanceLog {

    /** Returns who was in an instance, with their segments, and the instance as of {@code now}; refuses an unknown one. */
    InstanceAttendance ofInstance(long instanceId, Instant now);

    /** Returns one user's attendance in every instance they were ever in, each with that user alone. */
    List<InstanceAttendance> ofUser(long userId, Instant now);
}
