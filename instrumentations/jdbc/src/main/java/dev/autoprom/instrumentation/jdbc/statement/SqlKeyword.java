package dev.autoprom.instrumentation.jdbc.statement;

/**
 * Reduces SQL text to its operation keyword ({@code SELECT}, {@code INSERT}, ...), the only part of a statement
 * that may reach a label. A pure function that allocates nothing: it scans the first token and returns one of the
 * constants of {@link #KEYWORDS}, never a substring of the SQL, so no literal, table name or comment can leak.
 *
 * <ul>
 *   <li>Leading whitespace, {@code -- line} and (nested) {@code /* block *}{@code /} comments and opening
 *       parentheses are skipped: {@code (SELECT 1) UNION (SELECT 2)} is a {@code SELECT}.</li>
 *   <li>JDBC call escapes {@code {call p(?)}} and {@code {? = call p(?)}} are {@code CALL}.</li>
 *   <li>A common table expression {@code WITH [RECURSIVE] a AS (...), b AS (...) <main>} gets the keyword of its
 *       main statement ({@code WITH x AS (...) DELETE ...} is a {@code DELETE}); when the CTE list cannot be
 *       followed it is {@code WITH}.</li>
 *   <li>Anything else (empty, null, a first word that is not a known keyword) is {@value #OTHER}.</li>
 * </ul>
 * Batches are named by the caller: {@code BATCH} plus the prepared keyword, or {@code BATCH} alone.
 */
public final class SqlKeyword {

    public static final String OTHER = "_OTHER";
    public static final String WITH = "WITH";
    public static final String CALL = "CALL";

    /** Every keyword a label can show; anything else is {@value #OTHER}. Upper case, as returned. */
    static final String[] KEYWORDS = {
        "SELECT",
        "INSERT",
        "UPDATE",
        "DELETE",
        "MERGE",
        "UPSERT",
        "REPLACE",
        CALL,
        "EXEC",
        "EXECUTE",
        "VALUES",
        "TABLE",
        "CREATE",
        "ALTER",
        "DROP",
        "TRUNCATE",
        "RENAME",
        "COMMENT",
        "GRANT",
        "REVOKE",
        "BEGIN",
        "START",
        "COMMIT",
        "ROLLBACK",
        "SAVEPOINT",
        "RELEASE",
        "SET",
        "SHOW",
        "DESCRIBE",
        "DESC",
        "EXPLAIN",
        "ANALYZE",
        "VACUUM",
        "COPY",
        "LOCK",
        "UNLOCK",
        "USE",
        "DECLARE",
        "FETCH",
        "MOVE",
        "CLOSE",
        "PREPARE",
        "DEALLOCATE",
        "LISTEN",
        "NOTIFY",
        "UNLISTEN",
        "REFRESH",
        "REINDEX",
        "CLUSTER",
        "CHECKPOINT",
        "DO",
        "LOAD",
        "OPTIMIZE",
        "REPAIR",
        "FLUSH",
        "KILL",
        "RESET",
        "DISCARD",
        "SCRIPT",
        "RUNSCRIPT",
        "BACKUP",
        "SHUTDOWN",
        "HELP",
        WITH,
    };

    private SqlKeyword() {}

    /** The operation keyword of {@code sql}, one of {@link #KEYWORDS} or {@value #OTHER}. */
    public static String of(String sql) {
        if (sql == null) {
            return OTHER;
        }
        int n = sql.length();
        int i = skipNoise(sql, 0, true);
        if (i < n && sql.charAt(i) == '{') {
            return callEscape(sql, i + 1);
        }
        int end = wordEnd(sql, i);
        String keyword = keyword(sql, i, end);
        if (keyword == WITH) {
            String main = afterCommonTableExpressions(sql, end);
            return main == null ? WITH : main;
        }
        return keyword == null ? OTHER : keyword;
    }

    /** {@code {call p(?)}} or {@code {? = call p(?)}}; anything else in braces is unknown. */
    private static String callEscape(String sql, int i) {
        i = skipNoise(sql, i, false);
        if (i < sql.length() && sql.charAt(i) == '?') {
            i = skipNoise(sql, i + 1, false);
            if (i < sql.length() && sql.charAt(i) == '=') {
                i = skipNoise(sql, i + 1, false);
            }
        }
        return keyword(sql, i, wordEnd(sql, i)) == CALL ? CALL : OTHER;
    }

    /**
     * Follows {@code [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (body) [, ...]} and returns the main
     * statement's keyword, or null when the text does not have that shape.
     */
    private static String afterCommonTableExpressions(String sql, int i) {
        int n = sql.length();
        i = skipNoise(sql, i, false);
        int end = wordEnd(sql, i);
        if (is(sql, i, end, "RECURSIVE")) {
            i = skipNoise(sql, end, false);
        }
        for (int guard = 0; guard < 1000; guard++) {
            i = identifierEnd(sql, i);
            if (i < 0) {
                return null;
            }
            i = skipNoise(sql, i, false);
            if (i < n && sql.charAt(i) == '(') {
                i = skipNoise(sql, balancedEnd(sql, i), false);
            }
            end = wordEnd(sql, i);
            if (!is(sql, i, end, "AS")) {
                return null;
            }
            i = skipNoise(sql, end, false);
            end = wordEnd(sql, i);
            if (is(sql, i, end, "NOT")) {
                i = skipNoise(sql, end, false);
                end = wordEnd(sql, i);
            }
            if (is(sql, i, end, "MATERIALIZED")) {
                i = skipNoise(sql, end, false);
            }
            if (i >= n || sql.charAt(i) != '(') {
                return null;
            }
            i = skipNoise(sql, balancedEnd(sql, i), true);
            if (i < n && sql.charAt(i) == ',') {
                i = skipNoise(sql, i + 1, false);
                continue;
            }
            String main = keyword(sql, i, wordEnd(sql, i));
            return main == WITH ? null : main;
        }
        return null;
    }

    /** Index after the parenthesis group opening at {@code i}, honouring quotes and comments; n if unbalanced. */
    private static int balancedEnd(String sql, int i) {
        int n = sql.length();
        int depth = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                i++;
                if (--depth == 0) {
                    return i;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                i = quotedEnd(sql, i);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-'
                    || c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = commentEnd(sql, i);
            } else {
                i++;
            }
        }
        return n;
    }

    /** Index after the quoted text opening at {@code i}; a doubled quote is an escaped one. */
    private static int quotedEnd(String sql, int i) {
        int n = sql.length();
        char quote = sql.charAt(i++);
        while (i < n) {
            if (sql.charAt(i++) == quote) {
                if (i < n && sql.charAt(i) == quote) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return n;
    }

    /** Index after a CTE name: a word or a quoted identifier; -1 if there is none. */
    private static int identifierEnd(String sql, int i) {
        if (i >= sql.length()) {
            return -1;
        }
        char c = sql.charAt(i);
        if (c == '"' || c == '`') {
            return quotedEnd(sql, i);
        }
        int end = wordEnd(sql, i);
        return end == i ? -1 : end;
    }

    /** Skips whitespace, comments and (if {@code parens}) opening parentheses. */
    private static int skipNoise(String sql, int i, boolean parens) {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || parens && c == '(' || c == ';') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-'
                    || c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = commentEnd(sql, i);
            } else {
                return i;
            }
        }
        return n;
    }

    /** Index after the comment starting at {@code i} ({@code --} to end of line, or nested block comments). */
    private static int commentEnd(String sql, int i) {
        int n = sql.length();
        if (sql.charAt(i) == '-') {
            while (i < n && sql.charAt(i) != '\n') {
                i++;
            }
            return i;
        }
        int depth = 0;
        while (i < n) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** Index after the word (a letter or underscore, then letters, digits, underscores) starting at {@code i}. */
    private static int wordEnd(String sql, int start) {
        int n = sql.length();
        int i = start;
        while (i < n) {
            char c = sql.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > start && c >= '0' && c <= '9') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** The constant of {@link #KEYWORDS} equal (ignoring case) to {@code sql[start, end)}, or null. */
    private static String keyword(String sql, int start, int end) {
        int length = end - start;
        if (length <= 0) {
            return null;
        }
        for (String keyword : KEYWORDS) {
            if (keyword.length() == length && sql.regionMatches(true, start, keyword, 0, length)) {
                return keyword;
            }
        }
        return null;
    }

    private static boolean is(String sql, int start, int end, String word) {
        return end - start == word.length() && sql.regionMatches(true, start, word, 0, word.length());
    }
}
