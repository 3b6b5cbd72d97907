package dev.autoprom.it.http;

import dev.autoprom.it.harness.ChildJvm;
import testapp.vertx.VertxApp;

class VertxFaultInjectionIT extends FaultInjectedServerCheck {

    @Override
    protected ChildJvm.Builder launch() {
        return ChildJvm.main(VertxApp.class);
    }
}
