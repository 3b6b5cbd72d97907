package dev.autoprom.instrumentation.jdbc.statement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlKeywordTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SELECT * FROM users WHERE name = 'hunter2'                   | SELECT
            select 1                                                     | SELECT
            "   \t\\n  insert into t values (1)"                          | INSERT
            Update t set a = 1                                           | UPDATE
            DELETE FROM t                                                | DELETE
            MERGE INTO t USING s ON (t.id = s.id)                        | MERGE
            -- a comment\\nSELECT 1                                       | SELECT
            /* leading */ /* two */ UPDATE t SET a = 2                   | UPDATE
            /* outer /* nested */ still comment */ DELETE FROM t         | DELETE
            ((SELECT 1) UNION (SELECT 2))                                | SELECT
            {call my_proc(?, ?)}                                         | CALL
            { ? = call my_func(?) }                                      | CALL
            call my_proc()                                               | CALL
            WITH x AS (SELECT 1) SELECT * FROM x                         | SELECT
            WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r | SELECT
            "with a as (select ')' from t), b as materialized (select 2) delete from t"    | DELETE
            WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x           | INSERT
            WITH x AS NOT MATERIALIZED (SELECT 1) UPDATE t SET a = 1     | UPDATE
            WITH broken                                                  | WITH
            WITH x AS (SELECT 1                                          | WITH
            CREATE TABLE t (id INT)                                      | CREATE
            drop table t                                                 | DROP
            hunter2 SELECT                                               | _OTHER
            SELECTED                                                     | _OTHER
            42                                                           | _OTHER
            "   "                                                        | _OTHER
            "-- only a comment"                                          | _OTHER
            {fn now()}                                                   | _OTHER
            ;SELECT 1                                                    | SELECT
            """)
    void extractsTheKeyword(String sql, String keyword) {
        assertThat(SqlKeyword.of(sql.replace("\\n", "\n"))).isEqualTo(keyword);
    }

    @ParameterizedTest
    @CsvSource({"SELECT", "INSERT INTO t VALUES ('hunter2')", "nonsense 'hunter2'"})
    void neverReturnsPartOfTheText(String sql) {
        String keyword = SqlKeyword.of(sql);
        boolean isConstant = keyword == SqlKeyword.OTHER;
        for (String k : SqlKeyword.KEYWORDS) {
            isConstant |= keyword == k;
        }
        assertThat(isConstant).as("a constant, never a substring of the SQL").isTrue();
    }

    @org.junit.jupiter.api.Test
    void nullIsOther() {
        assertThat(SqlKeyword.of(null)).isEqualTo(SqlKeyword.OTHER);
    }
}
