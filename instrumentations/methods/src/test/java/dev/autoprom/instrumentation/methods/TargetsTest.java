package dev.autoprom.instrumentation.methods;

import dev.autoprom.api.FamilyTargetsTest;

/**
 * This family's targets on real classes: the JDK's executors, Tomcat's, and an annotated fixture (the
 * annotations' own jars are on the test class path). The integration tests prove every hook on a running JVM.
 */
class TargetsTest extends FamilyTargetsTest {

    @Override
    protected String family() {
        return "methods";
    }
}
