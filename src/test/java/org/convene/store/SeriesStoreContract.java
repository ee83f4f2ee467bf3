package org.convene.store;

import java.util.List;
import org.convene.model.MeetingDetails;
import org.convene.series.Recurrences;
import org.junit.jupiter.api.BeforeEach;

/** What the series contracts start from: the seed world, a meeting of their own and recurring series on the store. */
abstract class SeriesStoreContract extends StoreContract {
    static final String TUESDAYS = "FREQ=WEEKLY;BYDAY=TU";
    Recurrences recurrences;
    long meeting;

    @BeforeEach
    void aMeetingOfItsOwn() {
        recurrences = new Recurrences(store.series(), clock);
        meeting = convene.createMeeting(new MeetingDetails("Weekly review", "Plans, risks", true,
                List.of())).id();
    }
}
