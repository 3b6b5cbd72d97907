package testapp;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A custom system class loader ({@code -Djava.system.class.loader}): the JVM creates it before any agent's
 * premain runs, and it uses a ThreadPoolExecutor, so that class is loaded before the agent is.
 */
public final class EarlyLoader extends URLClassLoader {

    static {
        new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>()).shutdown();
    }

    public EarlyLoader(ClassLoader parent) {
        super(new URL[0], parent);
    }

    /** What the JVM calls to put a {@code -javaagent} jar on a custom system class loader's path. */
    void appendToClassPathForInstrumentation(String path) throws MalformedURLException {
        addURL(new File(path).toURI().toURL());
    }
}
