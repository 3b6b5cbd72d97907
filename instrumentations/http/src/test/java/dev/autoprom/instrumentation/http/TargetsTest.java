package dev.autoprom.instrumentation.http;

import dev.autoprom.api.FamilyTargetsTest;

/** This family's modules' targets, proven on the real library classes of its test class path. */
class TargetsTest extends FamilyTargetsTest {

    @Override
    protected String family() {
        return "http";
    }
}
