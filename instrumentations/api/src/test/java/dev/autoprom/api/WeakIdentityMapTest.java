package dev.autoprom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WeakIdentityMapTest {

    @Test
    void keysCompareByIdentityAndAreRemovable() {
        WeakIdentityMap<String> map = new WeakIdentityMap<>();
        String a = new String("same");
        String b = new String("same");
        map.put(a, "A");
        map.put(b, "B");
        assertThat(map.get(a)).isEqualTo("A");
        assertThat(map.get(b)).isEqualTo("B");
        assertThat(map.get(new String("same"))).isNull();
        assertThat(map.remove(a)).isEqualTo("A");
        assertThat(map.get(a)).isNull();
        assertThat(map.size()).isEqualTo(1);
    }

    @Test
    void collectedKeysArePurged() throws InterruptedException {
        WeakIdentityMap<String> map = new WeakIdentityMap<>();
        for (int i = 0; i < 1000; i++) {
            map.put(new Object(), "v");
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (map.size() > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(map.size()).isZero();
    }

    @Test
    void putReplacesTheValueOfTheSameKeyAndGrowsPastManyEntries() {
        WeakIdentityMap<Integer> map = new WeakIdentityMap<>();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Object key = new Object();
            keys.add(key);
            map.put(key, i);
        }
        for (int i = 0; i < keys.size(); i += 2) {
            map.put(keys.get(i), -i);
        }
        for (int i = 1; i < keys.size(); i += 4) {
            assertThat(map.remove(keys.get(i))).isEqualTo(i);
        }
        assertThat(map.size()).isEqualTo(7_500);
        assertThat(map.values()).hasSize(7_500);
        for (int i = 0; i < keys.size(); i++) {
            Integer expected = i % 2 == 0 ? Integer.valueOf(-i) : i % 4 == 1 ? null : Integer.valueOf(i);
            assertThat(map.get(keys.get(i))).as("key %d", i).isEqualTo(expected);
        }
    }

    @Test
    void anObjectWithItsOwnEqualsIsNeverAskedAndNeverMatchesAnother() {
        WeakIdentityMap<String> map = new WeakIdentityMap<>();
        Object liar = new Object() {
            @Override
            public boolean equals(Object other) {
                throw new AssertionError("equals called");
            }

            @Override
            public int hashCode() {
                throw new AssertionError("hashCode called");
            }
        };
        map.put(liar, "v");
        assertThat(map.get(liar)).isEqualTo("v");
        assertThat(map.remove(liar)).isEqualTo("v");
        assertThat(map.get(liar)).isNull();
    }

    /** Readers never lose an entry that is in the map while writers on other keys insert, replace and remove. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentWritersNeverHideAnotherKeysEntryFromReaders() throws Exception {
        WeakIdentityMap<Object> map = new WeakIdentityMap<>();
        Object[] stable = new Object[512];
        for (int i = 0; i < stable.length; i++) {
            stable[i] = new Object();
            map.put(stable[i], stable[i]);
        }
        int writers = 4;
        int readers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger misses = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < 20_000; round++) {
                    Object churn = new Object();
                    map.put(churn, churn);
                    map.put(churn, "replaced");
                    map.remove(churn);
                }
                return null;
            }));
        }
        for (int r = 0; r < readers; r++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < 200; round++) {
                    for (Object key : stable) {
                        if (map.get(key) != key) {
                            misses.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        assertThat(misses).hasValue(0);
        assertThat(map.size()).isEqualTo(stable.length);
    }
}
