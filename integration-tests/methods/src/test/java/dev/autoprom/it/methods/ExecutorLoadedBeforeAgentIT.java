package dev.autoprom.it.methods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import testapp.EarlyLoader;
import testapp.MethodsApp;

/**
 * {@code ThreadPoolExecutor} loaded before the agent's premain (by a custom system class loader): the agent
 * retransforms it at start-up, and pools are recorded as usual.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutorLoadedBeforeAgentIT {

    private ChildJvm app;
    private Control control;

    @BeforeAll
    void start() {
        app = ChildJvm.main(MethodsApp.class)
                .classpath(Control.classPathWithoutSpring())
                .agentArgs("port=0,host=127.0.0.1,log.level=debug")
                .property("java.system.class.loader", EarlyLoader.class.getName())
                .start();
        control = new Control(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aPoolClassLoadedBeforePremainIsRetransformedAndRecorded() {
        assertThat(control.step("pool-run")).isEqualTo("ran 10");
        assertThat(app.output())
                .contains("retransformed java.util.concurrent.ThreadPoolExecutor, loaded before the agent");
        control.awaitScrape("10 tasks", x -> x.sum("executor_completed_tasks_total", "name", "orders-worker") == 10);
    }
}
