package dev.autoprom.instrumentation.jdbc.statement;

import java.util.Locale;

/**
 * {@code db_system_name} and {@code db_namespace} of a connection, worked out once per connection from its
 * metadata: the JDBC URL and the product name the driver reports. A pure function of those two strings.
 *
 * <p>System names are the OpenTelemetry {@code db.system.name} values. The product name wins over the URL's
 * sub-protocol, because it names the server actually reached (the MariaDB driver talking to MySQL says
 * {@code MySQL}; a {@code jdbc:p6spy:} URL says nothing). The namespace is the database named in the URL (the
 * path after the host, H2's database name, SQL Server's {@code databaseName}, Oracle's service or SID); never
 * the query string, so no user name or password in a URL can reach a label.
 */
public final class DatabaseInfo {

    public static final String OTHER_SQL = "other_sql";

    public final String system;
    public final String namespace;

    DatabaseInfo(String system, String namespace) {
        this.system = system;
        this.namespace = namespace;
    }

    public static DatabaseInfo of(String url, String productName) {
        String system = systemOfProduct(productName);
        if (system == null) {
            system = systemOfUrl(url);
        }
        return new DatabaseInfo(system, namespaceOf(url));
    }

    static String systemOfProduct(String productName) {
        if (productName == null) {
            return null;
        }
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return "postgresql";
        } else if (p.contains("mariadb")) {
            return "mariadb";
        } else if (p.contains("mysql")) {
            return "mysql";
        } else if (p.equals("h2")) {
            return "h2";
        } else if (p.contains("oracle")) {
            return "oracle.db";
        } else if (p.contains("sql server")) {
            return "microsoft.sql_server";
        } else if (p.contains("db2")) {
            return "ibm.db2";
        } else if (p.contains("derby")) {
            return "derby";
        } else if (p.contains("hsql")) {
            return "hsqldb";
        } else if (p.contains("sqlite")) {
            return "sqlite";
        } else if (p.contains("clickhouse")) {
            return "clickhouse";
        } else if (p.contains("cockroach")) {
            return "cockroachdb";
        }
        return null;
    }

    static String systemOfUrl(String url) {
        String scheme = subProtocol(url);
        switch (scheme) {
            case "postgresql":
            case "pgsql":
                return "postgresql";
            case "mariadb":
                return "mariadb";
            case "mysql":
                return "mysql";
            case "h2":
                return "h2";
            case "oracle":
                return "oracle.db";
            case "sqlserver":
            case "jtds":
                return "microsoft.sql_server";
            case "db2":
                return "ibm.db2";
            case "derby":
                return "derby";
            case "hsqldb":
                return "hsqldb";
            case "sqlite":
                return "sqlite";
            case "clickhouse":
            case "ch":
                return "clickhouse";
            default:
                return OTHER_SQL;
        }
    }

    /** {@code postgresql} of {@code jdbc:postgresql://...}; empty when the URL is not a JDBC URL. */
    static String subProtocol(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return "";
        }
        int end = url.indexOf(':', 5);
        return end < 0 ? "" : url.substring(5, end).toLowerCase(Locale.ROOT);
    }

    static String namespaceOf(String url) {
        String scheme = subProtocol(url);
        if (scheme.isEmpty()) {
            return "";
        }
        String rest = url.substring(5 + scheme.length() + 1);
        switch (scheme) {
            case "h2":
                return h2Database(rest);
            case "sqlserver":
                return property(rest, "databasename");
            case "oracle":
                return oracleService(rest);
            default:
                return pathDatabase(rest);
        }
    }

    /** {@code //host:port/db?x} or {@code db} (PostgreSQL's short form) → {@code db}. */
    private static String pathDatabase(String rest) {
        String path = rest;
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            if (slash < 0) {
                return "";
            }
            path = rest.substring(slash + 1);
        } else if (rest.indexOf(':') >= 0 || rest.indexOf('@') >= 0) {
            return "";
        }
        return cut(path, "?;");
    }

    /** {@code mem:test;X=1}, {@code file:/data/test}, {@code ~/test}, {@code tcp://host/~/test} → {@code test}. */
    private static String h2Database(String rest) {
        String path = cut(rest, ";");
        if (path.startsWith("mem:")) {
            return path.substring(4);
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        int colon = path.lastIndexOf(':');
        return path.substring(Math.max(slash, colon) + 1);
    }

    /** {@code thin:@host:1521:SID}, {@code thin:@//host:1521/service} → SID or service. */
    private static String oracleService(String rest) {
        int at = rest.indexOf('@');
        if (at < 0) {
            return "";
        }
        String target = cut(rest.substring(at + 1), "?");
        if (target.startsWith("(")) {
            return ""; // a TNS descriptor: too much to parse for a label
        }
        int slash = target.lastIndexOf('/');
        if (slash >= 0) {
            return target.substring(slash + 1);
        }
        int colon = target.lastIndexOf(':');
        return colon >= 0 ? target.substring(colon + 1) : "";
    }

    /** The value of {@code ;name=value} (case-insensitive name) in SQL Server style URLs. */
    private static String property(String rest, String name) {
        for (String part : rest.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
                return part.substring(eq + 1).trim();
            }
        }
        return "";
    }

    private static String cut(String text, String stopChars) {
        for (int i = 0; i < text.length(); i++) {
            if (stopChars.indexOf(text.charAt(i)) >= 0) {
                return text.substring(0, i);
            }
        }
        return text;
    }
}
