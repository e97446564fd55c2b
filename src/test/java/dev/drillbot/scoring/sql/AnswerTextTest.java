package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Answers pasted into chat are reduced to the query")
class AnswerTextTest {
    @Test
    @DisplayName("a ```sql block is taken, the prose around it ignored")
    void fencedBlock() {
        String msg = "Here is my go:\n```sql\nSELECT 1;\n```\nI think it handles ties.";
        assertThat(AnswerText.extract(msg)).isEqualTo("SELECT 1");
    }

    @Test
    @DisplayName("a sql block wins over an earlier unlabelled block")
    void sqlBlockPreferred() {
        String msg = "```\nsome output\n```\n```sql\nSELECT 2\n```";
        assertThat(AnswerText.extract(msg)).isEqualTo("SELECT 2");
    }

    @Test
    @DisplayName("leading lines of explanation are dropped")
    void leadingProse() {
        String msg = "My answer, using a CTE:\nwith t as (select 1 as x)\nselect x from t;;  ";
        assertThat(AnswerText.extract(msg)).isEqualTo("with t as (select 1 as x)\nselect x from t");
    }

    @Test
    @DisplayName("'Answer: SELECT ...' on one line keeps the query")
    void inlineAfterColon() {
        assertThat(AnswerText.extract("Answer: SELECT name FROM t")).isEqualTo("SELECT name FROM t");
    }

    @Test
    @DisplayName("a semicolon inside a string is not stripped, the trailing ones are")
    void semicolonInString() {
        assertThat(AnswerText.extract("SELECT ';' AS s ;")).isEqualTo("SELECT ';' AS s");
    }

    @Test
    @DisplayName("curly quotes and Slack's &lt; &gt; escapes are undone")
    void chatEscapes() {
        assertThat(AnswerText.extract("SELECT \u2018a\u2019 WHERE x &lt;&gt; 1 AND y &gt;= 2"))
                .isEqualTo("SELECT 'a' WHERE x <> 1 AND y >= 2");
    }

    @Test
    @DisplayName("inline code in single backticks")
    void inlineCode() {
        assertThat(AnswerText.extract("`SELECT 3`")).isEqualTo("SELECT 3");
    }

    @Test
    @DisplayName("prose after the closing semicolon is dropped, a second statement is not")
    void trailingProse() {
        assertThat(AnswerText.extract("SELECT a FROM t;\nThis should handle ties too."))
                .isEqualTo("SELECT a FROM t");
        assertThat(AnswerText.extract("SELECT a FROM t; DELETE FROM t")).isEqualTo("SELECT a FROM t; DELETE FROM t");
        assertThat(AnswerText.extract("SELECT a FROM t;\n  pragma query_only = 0"))
                .isEqualTo("SELECT a FROM t;\n  pragma query_only = 0");
    }

    @Test
    @DisplayName("a comment after the final semicolon is not a second statement")
    void commentAfterSemicolon() {
        assertThat(AnswerText.extract("SELECT 1; -- done\n")).isEqualTo("SELECT 1");
        String sql = "SELECT 1; /* done */ ;";
        assertThat(SqlGate.reject(sql, SqlLexer.lex(sql))).isEmpty();
    }
}
