package dev.autoprom.api;

/**
 * What one model of one provider costs, in USD per million tokens, as a line of {@code autoprom.genai.prices.file}
 * says: input, output, and (optional) input read from the provider's prompt cache. Immutable.
 */
public final class TokenPrice {

    /** The {@code gen_ai_provider_name} it applies to ({@code openai}, {@code aws.bedrock}, ...). */
    public final String provider;
    /** The {@code gen_ai_request_model} it applies to, exactly as the application names it. */
    public final String model;

    public final double inputPerMillion;
    public final double outputPerMillion;
    /** {@link Double#NaN} when the file gives no cached-input price (cache reads are then priced as input). */
    public final double cachedInputPerMillion;
    /** The line of the file it came from, for messages and {@code /autoprom}. */
    public final int line;

    public TokenPrice(
            String provider,
            String model,
            double inputPerMillion,
            double outputPerMillion,
            double cachedInputPerMillion,
            int line) {
        this.provider = provider;
        this.model = model;
        this.inputPerMillion = inputPerMillion;
        this.outputPerMillion = outputPerMillion;
        this.cachedInputPerMillion = cachedInputPerMillion;
        this.line = line;
    }

    public boolean hasCachedInputPrice() {
        return !Double.isNaN(cachedInputPerMillion);
    }
}
