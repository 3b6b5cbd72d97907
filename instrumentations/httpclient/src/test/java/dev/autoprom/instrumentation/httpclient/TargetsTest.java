package dev.autoprom.instrumentation.httpclient;

import dev.autoprom.api.FamilyTargetsTest;

/**
 * This family's modules' targets, proven on the real library classes of its test class path (the JDK's for the
 * JDK clients). Each hook's match on every tested version is checked by the integration tests' hook coverage.
 */
class TargetsTest extends FamilyTargetsTest {

    @Override
    protected String family() {
        return "httpclient";
    }
}
