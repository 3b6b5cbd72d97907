package dev.autoprom.instrumentation.methods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.instrumentation.methods.executors.PoolNames;
import org.junit.jupiter.api.Test;

class PoolNamesTest {

    @Test
    void threadPoolsLoseTheThreadNumberAndItsSeparators() {
        assertThat(PoolNames.ofThreadPool("http-nio-8080-exec-3")).isEqualTo("http-nio-8080-exec");
        assertThat(PoolNames.ofThreadPool("pool-2-thread-17")).isEqualTo("pool-2-thread");
        assertThat(PoolNames.ofThreadPool("task-1")).isEqualTo("task");
        assertThat(PoolNames.ofThreadPool("worker_#12")).isEqualTo("worker");
        assertThat(PoolNames.ofThreadPool("scheduler")).isEqualTo("scheduler");
        assertThat(PoolNames.ofThreadPool("42")).isEqualTo("unnamed");
        assertThat(PoolNames.ofThreadPool(null)).isEqualTo("unnamed");
    }

    @Test
    void forkJoinPoolsAlsoLoseWorker() {
        assertThat(PoolNames.ofForkJoinPool("ForkJoinPool.commonPool-worker-1")).isEqualTo("ForkJoinPool.commonPool");
        assertThat(PoolNames.ofForkJoinPool("ForkJoinPool-3-worker-12")).isEqualTo("ForkJoinPool");
        assertThat(PoolNames.ofForkJoinPool("search-7")).isEqualTo("search");
        assertThat(PoolNames.ofForkJoinPool("coworker-1")).isEqualTo("coworker");
    }
}
