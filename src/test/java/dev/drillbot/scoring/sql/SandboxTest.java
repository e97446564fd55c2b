package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("One grade's connection stays locked down while datasets are swapped in")
class SandboxTest {
    @Test
    @DisplayName("after loading the next dataset: its rows, query_only still on, limits and functions still there")
    void reloadKeepsLockdown() throws Exception {
        byte[] first = Sandbox.image("CREATE TABLE t (x);", "INSERT INTO t VALUES (1);");
        byte[] second = Sandbox.image("CREATE TABLE t (x);", "INSERT INTO t VALUES (2), (3);");
        try (Sandbox.Session s = new Sandbox.Session(new Deadline(2000))) {
            assertThat(rows(s.run(first, "SELECT count(*) FROM t", 10))).isEqualTo("[[1]]");
            assertThat(rows(s.run(second, "SELECT count(*) FROM t", 10))).isEqualTo("[[2]]");
            assertThat(rows(s.run(second, "SELECT query_only FROM pragma_query_only", 10))).isEqualTo("[[1]]");
            assertThat(rows(s.run(second, "SELECT NVL(NULL, 'ok')", 10))).isEqualTo("[[ok]]");
            assertThat(s.run(second, "SELECT length(zeroblob(200000))", 10)).isInstanceOfSatisfying(
                    Sandbox.Failed.class, f -> assertThat(f.why()).isEqualTo(Sandbox.Why.TOO_BIG));
        }
    }

    private static String rows(Sandbox.Outcome o) {
        assertThat(o).isInstanceOf(Sandbox.Rows.class);
        return ((Sandbox.Rows) o).table().rows().toString();
    }
}
