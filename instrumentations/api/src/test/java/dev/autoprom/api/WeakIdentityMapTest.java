package dev.autoprom.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
