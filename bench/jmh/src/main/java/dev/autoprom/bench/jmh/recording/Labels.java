package dev.autoprom.bench.jmh.recording;

/** Label names, values and buckets from the metric catalog in shared/DESIGN.md, for the recording benchmarks. */
final class Labels {

    /** Distinct label sets the benchmarks rotate over; a power of two. */
    static final int COMBOS = 16;

    static final String[] HTTP_LABELS = {
        "http_request_method", "http_response_status_code", "http_route", "url_scheme", "error_type"
    };
    static final double[] HTTP_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};

    static final String[] HTTP_CLIENT_LABELS = {
        "http_request_method",
        "http_response_status_code",
        "server_address",
        "server_port",
        "url_scheme",
        "url_template",
        "error_type"
    };
    static final String[] HTTP_CLIENT_ACTIVE_LABELS = {
        "http_request_method", "server_address", "server_port", "url_scheme"
    };

    static final String[] DB_LABELS = {"db_system_name", "db_operation_name", "db_namespace", "error_type"};
    static final double[] DB_BUCKETS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10};

    static final String[] WS_MESSAGE_LABELS = {
        "websocket_library", "server_address", "direction", "websocket_message_type"
    };
    /** Message size buckets are not in the catalog yet; bytes, times four from 16 to 16 MiB as a stand-in. */
    static final double[] WS_SIZE_BUCKETS = {16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216};

    static final String[] GENAI_LABELS = {
        "gen_ai_operation_name", "gen_ai_provider_name", "gen_ai_request_model", "gen_ai_response_model", "error_type"
    };
    static final String[] GENAI_TOKEN_LABELS = {
        "gen_ai_operation_name",
        "gen_ai_provider_name",
        "gen_ai_request_model",
        "gen_ai_response_model",
        "error_type",
        "gen_ai_token_type"
    };
    static final double[] GENAI_DURATION_BUCKETS = doubling(0.01, 14); // 0.01 .. 81.92
    static final double[] GENAI_TOKEN_BUCKETS = timesFour(1, 14); // 1 .. 67108864

    private Labels() {}

    static String[][] httpLabelSets() {
        String[] methods = {"GET", "POST"};
        String[] statuses = {"200", "404"};
        String[] routes = {"/users/{id}", "/orders/{id}", "/ping", "/api/v1/items/{itemId}/reviews"};
        String[][] sets = new String[COMBOS][];
        for (int i = 0; i < COMBOS; i++) {
            sets[i] = new String[] {methods[i & 1], statuses[(i >> 1) & 1], routes[(i >> 2) & 3], "http", ""};
        }
        return sets;
    }

    /** method, status, server_address, server_port, url_scheme, url_template, error_type. */
    static String[][] httpClientLabelSets() {
        String[] methods = {"GET", "POST"};
        String[] statuses = {"200", "404"};
        String[] servers = {"api.payments.example", "users.internal", "api.openai.com", "search.example.org"};
        String[] templates = {"/v1/charges/{id}", "", "", "/search/{index}"};
        String[][] sets = new String[COMBOS][];
        for (int i = 0; i < COMBOS; i++) {
            int server = (i >> 2) & 3;
            sets[i] = new String[] {
                methods[i & 1], statuses[(i >> 1) & 1], servers[server], "443", "https", templates[server], ""
            };
        }
        return sets;
    }

    static String[][] dbLabelSets() {
        String[] ops = {"SELECT", "INSERT", "UPDATE", "DELETE"};
        String[] ns = {"orders", "users", "inventory", "billing"};
        String[][] sets = new String[COMBOS][];
        for (int i = 0; i < COMBOS; i++) {
            sets[i] = new String[] {"h2", ops[i & 3], ns[(i >> 2) & 3], ""};
        }
        return sets;
    }

    static String[][] wsMessageLabelSets() {
        String[] libraries = {"jdk", "okhttp"};
        String[] servers = {"stream.example.com", "ws.example.org"};
        String[] directions = {"sent", "received"};
        String[] types = {"text", "binary"};
        String[][] sets = new String[COMBOS][];
        for (int i = 0; i < COMBOS; i++) {
            sets[i] =
                    new String[] {libraries[i & 1], servers[(i >> 1) & 1], directions[(i >> 2) & 1], types[(i >> 3) & 1]
                    };
        }
        return sets;
    }

    static String[][] genAiLabelSets() {
        String[] ops = {"chat", "embeddings"};
        String[] providers = {"openai", "anthropic"};
        String[] models = {"gpt-4o-mini", "claude-sonnet-4-5", "gemini-2.5-flash", "text-embedding-3-small"};
        String[][] sets = new String[COMBOS][];
        for (int i = 0; i < COMBOS; i++) {
            String model = models[(i >> 2) & 3];
            sets[i] = new String[] {ops[i & 1], providers[(i >> 1) & 1], model, model, ""};
        }
        return sets;
    }

    private static double[] doubling(double first, int n) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = first * (1L << i);
        }
        return b;
    }

    private static double[] timesFour(double first, int n) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = first * Math.pow(4, i);
        }
        return b;
    }
}
