package dev.autoprom.demo;

/**
 * A small service that keeps itself busy, so that every autoprom family has data within seconds:
 *
 * <pre>
 * java -javaagent:agent/target/autoprom-agent.jar -jar examples/demo-app/target/autoprom-demo.jar
 * curl localhost:9464/metrics
 * </pre>
 *
 * Ports (system properties, 0 picks a free one): {@code demo.http.port} (8080, the user API),
 * {@code demo.ws.port} (8081, WebSocket echo), {@code demo.ai.port} (8082, fake OpenAI) and
 * {@code demo.bedrock.port} (8083, fake Bedrock Runtime).
 */
public final class DemoApp {

    private DemoApp() {}

    public static void main(String[] args) throws Exception {
        Database database = Database.start();
        UserApi api = UserApi.start(Integer.getInteger("demo.http.port", 8080), database);
        EchoServer echo = EchoServer.start(Integer.getInteger("demo.ws.port", 8081));
        FakeOpenAi openAi = FakeOpenAi.start(Integer.getInteger("demo.ai.port", 8082));
        FakeBedrock bedrock = FakeBedrock.start(Integer.getInteger("demo.bedrock.port", 8083));
        TrafficGenerator traffic =
                new TrafficGenerator(api.port(), echo.port(), openAi.port(), bedrock.port(), database);
        traffic.start();
        System.out.println("demo: user API on http://127.0.0.1:" + api.port() + "/users/{id}, WebSocket echo on "
                + "ws://127.0.0.1:" + echo.port() + "/echo, fake OpenAI on http://127.0.0.1:" + openAi.port()
                + "/v1, fake Bedrock on http://127.0.0.1:" + bedrock.port() + "; generating traffic (Ctrl-C to stop)");
        Thread.currentThread().join();
    }
}
