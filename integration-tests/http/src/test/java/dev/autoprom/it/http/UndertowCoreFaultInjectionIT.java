package dev.autoprom.it.http;

import dev.autoprom.it.harness.ChildJvm;
import testapp.UndertowCoreApp;

class UndertowCoreFaultInjectionIT extends FaultInjectedServerCheck {

    @Override
    protected ChildJvm.Builder launch() {
        return ChildJvm.main(UndertowCoreApp.class);
    }
}
