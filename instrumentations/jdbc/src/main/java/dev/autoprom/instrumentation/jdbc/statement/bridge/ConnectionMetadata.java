package dev.autoprom.instrumentation.jdbc.statement.bridge;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.function.Function;

/**
 * The JDBC calls the bootstrap-loaded recorder cannot make itself ({@code java.sql} is a platform module): the
 * URL and product name of a connection, read once per connection. Both are local to every driver known (no
 * round trip to the server).
 */
public final class ConnectionMetadata implements Function<Object, String[]> {

    @Override
    public String[] apply(Object connection) {
        try {
            DatabaseMetaData metaData = ((Connection) connection).getMetaData();
            return new String[] {metaData.getURL(), metaData.getDatabaseProductName()};
        } catch (Exception e) {
            return new String[] {null, null};
        }
    }
}
