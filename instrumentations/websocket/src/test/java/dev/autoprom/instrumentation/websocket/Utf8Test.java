package dev.autoprom.instrumentation.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void countsUtf8BytesLikeTheEncoder() {
        for (String text : new String[] {
            "", "plain ascii", "caf\u00e9", "\u20ac100", "\ud83d\ude00 smile", "mixed \u00e9\u20ac\ud83d\ude00x"
        }) {
            assertThat(Utf8.length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void aSurrogatePairSplitAcrossFragmentsStillCountsFour() {
        String pair = "\ud83d\ude00";
        assertThat(Utf8.length(pair.substring(0, 1)) + Utf8.length(pair.substring(1)))
                .isEqualTo(4);
    }

    @Test
    void nullIsEmpty() {
        assertThat(Utf8.length(null)).isZero();
    }
}
