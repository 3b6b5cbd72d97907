package hardeningapp;

/**
 * Runs a fixed workload over every family once and prints what the application saw, one {@code RESULT} line per
 * operation (statuses, bodies, rows, exception classes and messages, echoes, completions), then
 * {@code WORKLOAD DONE}, and waits to be scraped. The workload carries secrets (SQL literals, URL tokens and user
 * info, API key, custom header, prompt) that must never reach the agent's endpoints.
 *
 * <p>Counts, which the tests assert exactly: HTTP {@code /hello} 6 (2 via raw request lines with user info and
 * query strings), {@code /items/} 3, {@code /missing} 1, {@code /boom} 1, fake OpenAI {@code /v1/} 4; SQL see
 * below; WebSocket 1 connection, 3 text messages each way; OpenAI chat 4 (1 stream, 1 rate-limited).
 */
public final class WorkloadApp {

    public static void main(String[] args) throws Exception {
        try (Stack stack = new Stack("workload")) {
            run(stack);
            System.out.println("WORKLOAD DONE");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    static void print(String name, Object value) {
        System.out.println("RESULT " + name + " = " + String.valueOf(value).replace('\n', ' '));
    }

    static void run(Stack s) throws Exception {
        // HTTP: 6 × /hello, 3 × /items/, /missing, /boom
        print("http hello", s.get("/hello"));
        print("http hello query", s.get("/hello/there?token=" + Stack.URL_TOKEN + "&x=1"));
        print("http hello encoded", s.get("/hello/%E2%82%AC?q=a%20b"));
        print(
                "http hello raw userinfo",
                s.rawGet(
                        "GET",
                        "http://alice:" + Stack.USER_INFO_PASSWORD + "@127.0.0.1:" + s.httpPort() + "/hello/u?token="
                                + Stack.URL_TOKEN));
        print("http hello raw", s.rawGet("GET", "/hello/raw?token=" + Stack.URL_TOKEN));
        print("http hello post", s.rawGet("POST", "/hello/post"));
        for (int i = 0; i < 3; i++) {
            print("http items " + i, s.get("/items/" + i + "?id=" + i));
        }
        print("http missing", s.get("/missing"));
        // raw: java.net.http would retry the GET once when the server drops the connection
        print("http boom", s.rawGet("GET", "/boom?token=" + Stack.URL_TOKEN));

        // JDBC (through Hikari): CREATE 1, INSERT 3 + 1 prepared, SELECT 3 (+1 failing), UPDATE 1, DELETE 1
        print("sql create", s.sql("CREATE TABLE users(id INT PRIMARY KEY, name VARCHAR(50), secret VARCHAR(50))"));
        print("sql insert 1", s.sql("INSERT INTO users VALUES (1, 'ann', '" + Stack.SQL_SECRET + "')"));
        print("sql insert 2", s.sql("INSERT INTO users VALUES (2, 'bob', '" + Stack.SQL_SECRET + "-2')"));
        print("sql insert dup", s.sql("INSERT INTO users VALUES (2, 'bob', 'dup')"));
        print("sql insert prepared", s.prepared("INSERT INTO users VALUES (?, ?, ?)", 3, "cid", Stack.SQL_SECRET));
        print("sql select", s.sql("SELECT id, name FROM users WHERE secret = '" + Stack.SQL_SECRET + "' ORDER BY id"));
        print("sql select prepared", s.prepared("SELECT count(*) FROM users WHERE id > ?", 1));
        print("sql select all", s.sql("SELECT id, name, secret FROM users ORDER BY id"));
        print("sql update", s.sql("UPDATE users SET name = 'dan' WHERE secret LIKE '" + Stack.SQL_SECRET + "%'"));
        print("sql delete", s.sql("DELETE FROM users WHERE id = 3"));
        print("sql failing", s.sql("SELECT * FROM no_such_table WHERE pw = '" + Stack.SQL_SECRET + "'"));

        // WebSocket: one connection with user info and a query string, 3 echoes, a clean close
        Stack.WsClient ws = s.ws("/echo?token=" + Stack.URL_TOKEN);
        for (int i = 0; i < 3; i++) {
            print("ws echo " + i, ws.echo("message-" + i + "-" + Stack.PROMPT));
        }
        print("ws close", ws.close());
        String badUri;
        try {
            Stack.WsClient withUserInfo = s.ws("alice:" + Stack.USER_INFO_PASSWORD + "@127.0.0.1", "/echo");
            badUri = "connected " + withUserInfo.echo("hi") + " " + withUserInfo.close();
        } catch (Exception e) {
            badUri = "failed " + e.getClass().getName() + " " + e.getMessage();
        }
        print("ws user info", badUri.replace(Stack.USER_INFO_PASSWORD, "***"));

        // OpenAI: 2 chats, 1 stream, 1 rate-limited
        print("ai chat 1", s.chatCall("gpt-hardening"));
        print("ai chat 2", s.chatCall("gpt-hardening"));
        print("ai stream", s.streamCall("gpt-hardening"));
        print("ai ratelimit", s.chatCall("gpt-hardening-ratelimit"));
    }
}
