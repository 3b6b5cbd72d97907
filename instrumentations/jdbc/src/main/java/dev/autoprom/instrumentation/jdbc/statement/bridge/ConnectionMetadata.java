package dev.autoprom.instrumentation.jdbc.statement.bridge;

import dev.autoprom.instrumentation.jdbc.statement.DatabaseInfo;
import dev.autoprom.instrumentation.jdbc.statement.DatabaseInfoReader;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

/**
 * The JDBC calls the bootstrap-loaded recorder cannot make itself ({@code java.sql} is a platform module): the
 * URL and product name of a connection, read once per connection. Both are local to every driver known (no
 * round trip to the server).
 */
public final class ConnectionMetadata implements DatabaseInfoReader {

    @Override
    public DatabaseInfo read(Object connection) {
        try {
            DatabaseMetaData metaData = ((Connection) connection).getMetaData();
            return DatabaseInfo.of(metaData.getURL(), metaData.getDatabaseProductName());
        } catch (Exception e) {
            return DatabaseInfo.of(null, null);
        }
    }
}
