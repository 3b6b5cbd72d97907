package dev.autoprom.instrumentation.websocket.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class TomcatHooksTest {

    @Test
    void aRefusedUpgradeIsLabelledWithTheStatusInTomcatsMessage() {
        assertThat(TomcatHooks.errorType(new IOException(
                        "The HTTP response from the server [404] did not permit the HTTP upgrade to WebSocket")))
                .isEqualTo("404");
        assertThat(TomcatHooks.errorType(new IOException("La r\u00e9ponse [x] du serveur [503] refuse")))
                .isEqualTo("503");
    }

    @Test
    void otherFailuresAreLabelledWithTheirCause() {
        assertThat(TomcatHooks.errorType(new IOException("no status [here]", new ConnectException("refused"))))
                .isEqualTo("java.io.IOException");
        assertThat(TomcatHooks.errorType(new ConnectException("Connection refused")))
                .isEqualTo("java.net.ConnectException");
    }
}
