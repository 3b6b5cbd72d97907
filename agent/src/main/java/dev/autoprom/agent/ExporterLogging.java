package dev.autoprom.agent;

import dev.autoprom.api.AgentLog;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The {@link System.Logger} given to the exporter's private copy of the JDK HTTP server: warnings and errors go
 * to the agent's log, INFO only at {@code autoprom.log.level=debug}, the JDK's per-exchange DEBUG/TRACE never. Public because the rewritten JDK class,
 * defined in another loader, calls it.
 */
public final class ExporterLogging implements System.Logger {

    private final String name;

    private ExporterLogging(String name) {
        this.name = name;
    }

    public static System.Logger getLogger(String name) {
        return new ExporterLogging(name);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        // the JDK server logs every exchange at DEBUG/TRACE: far too much even for autoprom's debug level
        return level.getSeverity() >= Level.WARNING.getSeverity()
                || (level == Level.INFO && AgentLog.isDebugEnabled());
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            write(level, "exporter HTTP server: " + msg + (thrown == null ? "" : ": " + thrown));
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            String msg = params == null || params.length == 0 ? format : MessageFormat.format(format, params);
            write(level, "exporter HTTP server: " + msg);
        }
    }

    private static void write(Level level, String msg) {
        if (level.getSeverity() >= Level.WARNING.getSeverity()) {
            AgentLog.warn(msg);
        } else {
            AgentLog.debug(msg);
        }
    }
}
