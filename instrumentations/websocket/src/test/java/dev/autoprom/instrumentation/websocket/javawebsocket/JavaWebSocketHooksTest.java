package dev.autoprom.instrumentation.websocket.javawebsocket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaWebSocketHooksTest {

    @Test
    void theStatusOfARefusedUpgradeComesFromJavaWebSocketsMessage() {
        assertThat(JavaWebSocketHooks.handshakeErrorType(
                        "Invalid status code received: 404 Status line: HTTP/1.1 404 Not Found"))
                .isEqualTo("404");
        assertThat(JavaWebSocketHooks.handshakeErrorType("draft refuses handshake"))
                .isEqualTo("handshake_failed");
        assertThat(JavaWebSocketHooks.handshakeErrorType(null)).isEqualTo("handshake_failed");
    }
}
