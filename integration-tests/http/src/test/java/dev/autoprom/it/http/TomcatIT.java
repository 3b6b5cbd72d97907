package dev.autoprom.it.http;

import testapp.TomcatApp;

class TomcatIT extends ServletContainerContract {

    @Override
    Class<?> appMain() {
        return TomcatApp.class;
    }

    @Override
    int[] load() {
        return new int[] {16, 500};
    }
}
