package dev.autoprom.it.http;

import testapp.UndertowApp;

class UndertowIT extends ServletContainerContract {

    @Override
    Class<?> appMain() {
        return UndertowApp.class;
    }

    @Override
    int[] load() {
        return new int[] {8, 100};
    }
}
