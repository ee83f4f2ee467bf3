package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.SetArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.convene.core.LayoutMismatchException;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data layout's version and its migration steps, on the embedded Redis: an empty store is stamped
 * with this code's layout, data without a version is layout 1, newer data is refused in one line, and
 * steps run once, one node at a time, resuming where an interrupted one stopped.
 */
class DataLayoutTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final RedisConnection redis = RedisTargets.embedded();
    private RedisCalls calls;

    @BeforeEach
    void emptyStore() {
        redis.flush(redis.dataDatabase());
        redis.flush(1);
        calls = new RedisCalls(redis, 1);
    }

    /** Ten items for the test steps to migrate: a sorted set of ids, each item a hash that counts its migrations. */
    private void tenItems() {
        for (int i = 1; i <= 10; i++) {
            calls.await(calls.commands.zadd("convene:{layout-test}:ids", i, Integer.toString(i)).toCompletableFuture());
            calls.await(calls.commands.hset("convene:{layout-test}:item:" + i, "name", "item " + i).toCompletableFuture());
        }
    }

    private int migrations(int item) {
        String count = calls.await(calls.commands.hget("convene:{layout-test}:item:" + item, "migrated").toCompletableFuture());
        return count == null ? 0 : Integer.parseInt(count);
    }

    /** A layout-2 step that migrates three items a batch, after {@code beforeBatch} has run. */
    private static LayoutStep counting(Runnable beforeBatch) {
        return new LayoutStep(2, "count-items", "counts each item's migrations", (calls, progress) -> {
            beforeBatch.run();
            String cursor = progress.cursor();
            List<String> ids = calls.await(calls.commands.zrangebyscore("convene:{layout-test}:ids",
                    Range.from(cursor.isEmpty() ? Range.Boundary.unbounded()
                            : Range.Boundary.excluding(Double.parseDouble(cursor)), Range.Boundary.unbounded()),
                    Limit.create(0, 3)).toCompletableFuture());
            for (String id : ids) {
                calls.await(calls.commands.hincrby("convene:{layout-test}:item:" + id, "migrated", 1).toCompletableFuture());
            }
            if (ids.isEmpty()) return false;
            progress.moveTo(ids.get(ids.size() - 1));
            return true;
        });
    }

    private DataLayout layout(List<LayoutStep> steps, int target) {
        return new DataLayout(calls, () -> new RedisMaintenance(calls, new UserRecords(calls), new InstanceLocator(calls),
                new LiveView(calls, new InstanceLocator(calls))).isEmpty(), steps, target);
    }

    @Test
    void anEmptyStoreIsStampedWithThisCodesLayout() {
        DataLayout layout = new RedisStore(redis, 1).layout();

        layout.bringUpToDate(WAIT);

        assertThat(layout.version()).isEqualTo(DataLayout.CURRENT);
    }

    @Test
    void dataWrittenBeforeLayoutsHadVersionsIsLayoutOne() {
        tenItems();

        layout(List.of(), 1).bringUpToDate(WAIT);

        assertThat(layout(List.of(), 1).version()).isEqualTo(1);
    }

    @Test
    void theStepsOfANewerLayoutRunOnEveryItemOnceAndMoveTheVersion() {
        tenItems();
        layout(List.of(), 1).bringUpToDate(WAIT);

        layout(List.of(counting(() -> { })), 2).bringUpToDate(WAIT);

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).allSatisfy(i -> assertThat(migrations(i)).isEqualTo(1));
        assertThat(layout(List.of(), 2).version()).isEqualTo(2);
    }

    @Test
    void aStepThatIsDoneDoesNotRunAgain() {
        tenItems();
        layout(List.of(), 1).bringUpToDate(WAIT);
        layout(List.of(counting(() -> { })), 2).bringUpToDate(WAIT);
        calls.await(calls.commands.set(DataLayout.VERSION, "1").toCompletableFuture());

        layout(List.of(counting(() -> { })), 2).bringUpToDate(WAIT);

        assertThat(migrations(1)).isEqualTo(1);
    }

    @Test
    void anInterruptedStepResumesWhereItStoppedAndMigratesNothingTwice() {
        tenItems();
        layout(List.of(), 1).bringUpToDate(WAIT);
        AtomicInteger batches = new AtomicInteger();
        LayoutStep dying = counting(() -> {
            if (batches.incrementAndGet() == 3) throw new IllegalStateException("the node died");
        });
        assertThatThrownBy(() -> layout(List.of(dying), 2).bringUpToDate(WAIT)).hasMessage("the node died");
        assertThat(layout(List.of(), 2).version()).isEqualTo(1);

        layout(List.of(counting(() -> { })), 2).bringUpToDate(WAIT);

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).allSatisfy(i -> assertThat(migrations(i)).isEqualTo(1));
        assertThat(layout(List.of(), 2).version()).isEqualTo(2);
    }

    @Test
    void twoNodesStartingAtOnceMigrateOnceAndBothGoOn() throws Exception {
        tenItems();
        layout(List.of(), 1).bringUpToDate(WAIT);
        CountDownLatch firstBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean holding = new AtomicBoolean(true);
        LayoutStep held = counting(() -> {
            if (holding.getAndSet(false)) {
                firstBatch.countDown();
                await(release);
            }
        });
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> layout(List.of(held), 2).bringUpToDate(WAIT));
        await(firstBatch);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> layout(List.of(held), 2).bringUpToDate(WAIT));

        assertThat(second).as("waits while the first node migrates").isNotDone();
        release.countDown();
        first.get();
        second.get();

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).allSatisfy(i -> assertThat(migrations(i)).isEqualTo(1));
    }

    @Test
    void aNodeWaitingForAnotherThatNeverFinishesGivesUpSayingWhy() {
        tenItems();
        layout(List.of(), 1).bringUpToDate(WAIT);
        calls.await(calls.commands.set(Keys.LAYOUT + ":lock", "node-b", SetArgs.Builder.px(60_000))
                .toCompletableFuture());

        assertThatThrownBy(() -> layout(List.of(counting(() -> { })), 2).bringUpToDate(Duration.ofSeconds(1)))
                .isInstanceOf(LayoutMismatchException.class)
                .hasMessage("Another Convene node (node-b) has been bringing the data from layout 1 to 2 for longer than 1 s;"
                        + " this one gave up waiting");
        assertThat(migrations(1)).isZero();
    }

    @Test
    void dataOfANewerLayoutIsRefusedInOneLineAndLeftAsItIs() {
        calls.await(calls.commands.set(DataLayout.VERSION, Integer.toString(DataLayout.CURRENT + 1)).toCompletableFuture());

        assertThatThrownBy(() -> new RedisStore(redis, 1).layout().bringUpToDate(WAIT))
                .isInstanceOf(LayoutMismatchException.class)
                .hasMessage("This Redis holds data layout " + (DataLayout.CURRENT + 1) + ", newer than this release of Convene"
                        + " knows (" + DataLayout.CURRENT + "): run a release that knows it, or restore a backup of this"
                        + " release's data");
        assertThat(layout(List.of(), DataLayout.CURRENT).version()).isEqualTo(DataLayout.CURRENT + 1);
    }

    @Test
    void aNodeOpeningDataOfANewerLayoutDoesNotStart() {
        calls.await(calls.commands.set(DataLayout.VERSION, "99").toCompletableFuture());
        StoreSettings settings = new StoreSettings(Optional.of(redis.description()), false, 1, Path.of("unused"),
                "everysec", new ReplicaWait(0, Duration.ofSeconds(1)));

        assertThatThrownBy(() -> StoreSession.open(settings)).isInstanceOf(LayoutMismatchException.class)
                .hasMessageStartingWith("This Redis holds data layout 99");
    }

    @Test
    void aWipeLeavesAnEmptyStoreInThisCodesLayout() {
        RedisStore store = new RedisStore(redis, 1);
        store.layout().bringUpToDate(WAIT);
        tenItems();

        store.maintenance().wipe();

        assertThat(store.layout().version()).isEqualTo(DataLayout.CURRENT);
        assertThat(store.maintenance().isEmpty()).isTrue();
        assertThat(redis.size(0)).as("the version alone").isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) throw new AssertionError("latch not reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
