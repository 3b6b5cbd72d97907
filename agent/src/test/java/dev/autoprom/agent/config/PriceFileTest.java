package dev.autoprom.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.TokenPrice;
import dev.autoprom.api.TokenPrices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceFileTest {

    @TempDir
    Path tmp;

    private Path file(String text) throws Exception {
        Path path = tmp.resolve("prices.txt");
        Files.write(path, text.getBytes(StandardCharsets.UTF_8));
        return path;
    }

    @Test
    void goodLinesApplyAndEachBadLineIsReportedWithFileAndLineThenSkipped() throws Exception {
        Path path = file("# provider model input output [cached_input]\n"
                + "\n"
                + "openai gpt-4o-mini 0.15 0.60 0.075\r\n"
                + "  aws.bedrock\tanthropic.claude-3-5-haiku-20241022-v1:0   0.80  4.00  \n"
                + "openai gpt-4o 2.50\n"
                + "openai gpt-4o 2.50 ten\n"
                + "openai gpt-4o -1 10\n"
                + "openai gpt-4o 1e3 10\n"
                + "openai gpt-4o-mini 9 9\n"
                + "openai gpt-4o 2.50 10.00 1.25 extra\n"
                + "openai o3 2 8 .5");
        List<String> problems = new ArrayList<>();
        TokenPrices prices = PriceFile.read(path.toString(), problems);

        assertThat(prices.file()).isEqualTo(path.toString());
        assertThat(prices.entries())
                .extracting(p -> p.provider + " " + p.model + " " + p.line)
                .containsExactly(
                        "openai gpt-4o-mini 3",
                        "aws.bedrock anthropic.claude-3-5-haiku-20241022-v1:0 4",
                        "openai o3 11");
        TokenPrice mini = prices.find("openai", "gpt-4o-mini");
        assertThat(mini.inputPerMillion).isEqualTo(0.15);
        assertThat(mini.outputPerMillion).isEqualTo(0.60);
        assertThat(mini.cachedInputPerMillion).isEqualTo(0.075);
        TokenPrice haiku = prices.find("aws.bedrock", "anthropic.claude-3-5-haiku-20241022-v1:0");
        assertThat(haiku.hasCachedInputPrice()).isFalse();
        assertThat(prices.find("openai", "o3").cachedInputPerMillion).isEqualTo(0.5);
        assertThat(prices.find("openai", "gpt-4o"))
                .as("never priced by a bad line")
                .isNull();
        assertThat(prices.find("anthropic", "gpt-4o-mini")).as("per provider").isNull();

        String at = "autoprom.genai.prices.file " + path + " line ";
        String format = "\"provider model input output [cached_input]\" (USD per million tokens)";
        List<String> expected = List.of(
                at + "5: expected " + format + ", found 3 fields; line skipped",
                at + "6: output price \"ten\" is not a plain non-negative decimal of USD per million tokens "
                        + "(such as 2.50); line skipped",
                at + "7: input price \"-1\" is not a plain non-negative decimal of USD per million tokens "
                        + "(such as 2.50); line skipped",
                at + "8: input price \"1e3\" is not a plain non-negative decimal of USD per million tokens "
                        + "(such as 2.50); line skipped",
                at + "9: openai gpt-4o-mini is priced already on line 3; line skipped",
                at + "10: expected " + format + ", found 6 fields; line skipped");
        assertThat(problems).containsExactlyElementsOf(expected);
        assertThat(prices.skippedLines()).containsExactlyElementsOf(expected);
    }

    @Test
    void anUnreadableFileIsOneProblemAndNoPrices() {
        List<String> problems = new ArrayList<>();
        TokenPrices prices = PriceFile.read(tmp.resolve("missing.txt").toString(), problems);
        assertThat(prices.isEmpty()).isTrue();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0))
                .startsWith("cannot read autoprom.genai.prices.file " + tmp.resolve("missing.txt"))
                .contains("NoSuchFileException")
                .endsWith("; no cost is recorded");
    }

    @Test
    void theConfigurationReadsTheFileAndCountsItsProblems() throws Exception {
        Path path = file("openai gpt-4o 2.50 10.00\nbroken\n");
        AgentConfig config = AgentConfig.load("genai.prices.file=" + path, Map.of(), Map.of(), Set.of("genai"));
        assertThat(config.tokenPrices().find("openai", "gpt-4o").outputPerMillion)
                .isEqualTo(10.0);
        assertThat(config.problems())
                .containsExactly("autoprom.genai.prices.file " + path
                        + " line 2: expected \"provider model input output [cached_input]\" (USD per million tokens), "
                        + "found 1 field; line skipped");
        assertThat(config.effective().get("autoprom.genai.prices.file").get("value"))
                .isEqualTo(path.toString());
        AgentConfig none = AgentConfig.load("", Map.of(), Map.of(), Set.of("genai"));
        assertThat(none.tokenPrices()).isSameAs(TokenPrices.NONE);
        assertThat(none.problems()).isEmpty();
    }
}
