package dev.autoprom.instrumentation.jdbc.statement;

/**
 * The role of the {@code java.sql} bridge ({@code bridge.ConnectionMetadata}): what a connection says about its
 * database. The hooks live on the bootstrap class path, where {@code java.sql} (a platform module) is invisible.
 */
public interface DatabaseInfoReader {

    /** What a JDBC installation whose bridge cannot be made gets: an unknown database. */
    DatabaseInfoReader UNKNOWN = connection -> DatabaseInfo.of(null, null);

    /** Read once per connection. */
    DatabaseInfo read(Object connection);
}
