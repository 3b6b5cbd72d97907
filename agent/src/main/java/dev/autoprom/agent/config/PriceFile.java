package dev.autoprom.agent.config;

import dev.autoprom.api.TokenPrice;
import dev.autoprom.api.TokenPrices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code autoprom.genai.prices.file}: one model per line, whitespace-separated,
 *
 * <pre>
 * # provider    model         input   output  [cached_input]     (USD per million tokens)
 * openai        gpt-4o-mini   0.15    0.60    0.075
 * aws.bedrock   anthropic.claude-3-5-haiku-20241022-v1:0   0.80   4.00   0.08
 * </pre>
 *
 * {@code #} starts a comment line; blank lines are ignored. The provider and model are the
 * {@code gen_ai_provider_name} and {@code gen_ai_request_model} label values. A line that does not fit (a field
 * missing or too many, a price that is not a plain non-negative decimal, a provider and model priced twice) is
 * reported once, with the file and its line number, and skipped; the other lines apply. Models without a line get
 * no cost: a price is never guessed.
 */
final class PriceFile {

    static final String FORMAT = "\"provider model input output [cached_input]\" (USD per million tokens)";
    /** A plain decimal: no sign, no exponent, no thousands separator, so "1e3", "-1" and "1,5" are all refused. */
    private static final Pattern PRICE = Pattern.compile("[0-9]+(\\.[0-9]+)?|\\.[0-9]+");

    private static final String[] COLUMNS = {"input", "output", "cached_input"};

    private PriceFile() {}

    /**
     * The table in {@code fileName}; each problem is added to {@code problems} as well as kept in the table's
     * {@link TokenPrices#skippedLines()}. Never throws: an unreadable file is one problem and an empty table.
     */
    static TokenPrices read(String fileName, List<String> problems) {
        String shown = ConfigKeys.GENAI_PRICES_FILE + " " + fileName;
        List<String> lines;
        try {
            Path path = Paths.get(fileName);
            lines = split(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            problems.add("cannot read " + shown + " (" + e + "): expected a readable text file of prices, "
                    + "one model per line as " + FORMAT + "; no cost is recorded");
            return TokenPrices.NONE;
        }
        List<TokenPrice> prices = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String problem = null;
            String[] fields = line.split("\\s+");
            if (fields.length < 4 || fields.length > 5) {
                problem =
                        "expected " + FORMAT + ", found " + fields.length + (fields.length == 1 ? " field" : " fields");
            } else {
                for (int f = 2; f < fields.length && problem == null; f++) {
                    if (!PRICE.matcher(fields[f]).matches()) {
                        problem = COLUMNS[f - 2] + " price \"" + fields[f] + "\" is not a plain non-negative decimal "
                                + "of USD per million tokens (such as 2.50)";
                    }
                }
                String key = fields[0] + ' ' + fields[1];
                if (problem == null && firstLine.containsKey(key)) {
                    problem = fields[0] + " " + fields[1] + " is priced already on line " + firstLine.get(key);
                }
                if (problem == null) {
                    firstLine.put(key, number);
                    prices.add(new TokenPrice(
                            fields[0],
                            fields[1],
                            Double.parseDouble(fields[2]),
                            Double.parseDouble(fields[3]),
                            fields.length == 5 ? Double.parseDouble(fields[4]) : Double.NaN,
                            number));
                }
            }
            if (problem != null) {
                String message = shown + " line " + number + ": " + problem + "; line skipped";
                skipped.add(message);
                problems.add(message);
            }
        }
        return TokenPrices.of(fileName, prices, skipped);
    }

    /** Lines on \n, \r\n or \r (a file edited anywhere). */
    private static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
