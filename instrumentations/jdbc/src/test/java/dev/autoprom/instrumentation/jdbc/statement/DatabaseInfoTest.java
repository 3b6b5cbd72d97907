package dev.autoprom.instrumentation.jdbc.statement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseInfoTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1                           | H2                   | h2                   | orders
            jdbc:h2:file:/var/data/shop                                    | H2                   | h2                   | shop
            jdbc:h2:tcp://localhost/~/test                                 | H2                   | h2                   | test
            jdbc:postgresql://127.0.0.1:5432/test?password=hunter2         | PostgreSQL           | postgresql           | test
            jdbc:postgresql:test                                           | PostgreSQL           | postgresql           | test
            jdbc:mariadb://127.0.0.1:3306/test?user=root&password=hunter2  | MariaDB              | mariadb              | test
            jdbc:mariadb://127.0.0.1:3306/test                             | MySQL                | mysql                | test
            jdbc:mysql://user:hunter2@db:3306/app                          | null                 | mysql                | app
            jdbc:mysql://db:3306                                           | MySQL                | mysql                | ''
            jdbc:sqlserver://db:1433;databaseName=sales;password=hunter2   | Microsoft SQL Server | microsoft.sql_server | sales
            jdbc:oracle:thin:@//db:1521/ORCLPDB1                           | Oracle               | oracle.db            | ORCLPDB1
            jdbc:oracle:thin:@db:1521:ORCL                                 | Oracle               | oracle.db            | ORCL
            jdbc:p6spy:postgresql://db/app                                 | PostgreSQL           | postgresql           | ''
            jdbc:unknown://db/app                                          | Frobnicator          | other_sql            | app
            null                                                           | null                 | other_sql            | ''
            """)
    void systemAndNamespace(String url, String product, String system, String namespace) {
        DatabaseInfo info = DatabaseInfo.of(url, product);
        assertThat(info.system).isEqualTo(system);
        assertThat(info.namespace).isEqualTo(namespace == null ? "" : namespace);
    }
}
