package dev.autoprom.instrumentation.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerAddressesTest {

    @Test
    void theHostIsTheLabelAsWritten() {
        assertThat(ServerAddresses.label("api.example.com")).isEqualTo("api.example.com");
        assertThat(ServerAddresses.label("[::1]")).isEqualTo("::1");
        assertThat(ServerAddresses.label(null)).isEmpty();
    }

    @Test
    void userInfoAClientLeftInTheHostNeverReachesTheLabel() {
        assertThat(ServerAddresses.label("alice:s3cr3t@127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(ServerAddresses.label("a@b@[::1]")).isEqualTo("::1");
    }
}
