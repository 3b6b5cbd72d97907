package dev.autoprom.it.methods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import testapp.MethodsApp;

/**
 * With {@code autoprom.test.fault.injection=true} every advised method (annotated, configured, the executors'
 * hooks) also gets advice that throws on entry and exit: the application's calls still return what they return
 * and throw what they throw (the steps check both and answer 500 otherwise), and the faults are counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodsFaultInjectionIT {

    private ChildJvm app;
    private Control control;

    @BeforeAll
    void start() {
        app = ChildJvm.main(MethodsApp.class)
                .classpath(Control.classPathWithoutSpring())
                .agentArgs("port=0,host=127.0.0.1")
                .property("autoprom.test.fault.injection", "true")
                .start();
        control = new Control(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void resultsAndExceptionsAreTheApplicationsOwn() {
        assertThat(control.step("annotations")).isEqualTo("ok");
        assertThat(control.step("pool-run")).isEqualTo("ran 10");
        assertThat(control.step("pool-block")).isEqualTo("blocked, 1 rejected");
        assertThat(control.step("pool-release")).isEqualTo("completed 15");
        assertThat(control.step("forkjoin")).isEqualTo("sum 3");
        assertThat(control.scrape().sum("autoprom_agent_errors_total", "component", "advice"))
                .isGreaterThan(0);
        // the recording itself still works around the injected faults
        assertThat(control.scrape()
                        .value("issues_checked_total", "method", "check", "result", "success", "exception", "none"))
                .isEqualTo(6);
    }
}
