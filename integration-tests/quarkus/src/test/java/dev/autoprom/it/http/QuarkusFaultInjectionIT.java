package dev.autoprom.it.http;

import dev.autoprom.it.harness.ChildJvm;

class QuarkusFaultInjectionIT extends FaultInjectedServerCheck {

    @Override
    protected ChildJvm.Builder launch() {
        return new QuarkusIT().launch();
    }
}
