package okhttp3;

/**
 * Not OkHttp: a class with OkHttp's name but another shape, standing for a library version the agent does not
 * support. The agent's OkHttp matcher matches the name, but its method matchers (name, arity, argument types) do
 * not match this {@code newWebSocket}, so nothing is instrumented and the class behaves as written.
 */
public class OkHttpClient {

    public String newWebSocket(String url) {
        return "fake socket to " + url;
    }
}
