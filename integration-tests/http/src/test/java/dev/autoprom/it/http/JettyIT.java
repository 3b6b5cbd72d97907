package dev.autoprom.it.http;

import testapp.JettyApp;

class JettyIT extends ServletContainerContract {

    @Override
    Class<?> appMain() {
        return JettyApp.class;
    }

    @Override
    int[] load() {
        return new int[] {8, 100};
    }
}
