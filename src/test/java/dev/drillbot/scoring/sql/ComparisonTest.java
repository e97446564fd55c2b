package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.scoring.sql.Comparison.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rows are compared as bags, with order, columns and numbers handled as a fair grader would")
class ComparisonTest {
    private static ResultTable table(List<String> cols, Object[]... rows) {
        List<List<Object>> rs = new ArrayList<>();
        for (Object[] r : rows) {
            rs.add(Arrays.asList(r));
        }
        return new ResultTable(cols, rs);
    }

    private static Kind compare(ResultTable e, ResultTable a, boolean ordered, int... keys) {
        return Comparison.compare(e, a, 1e-6, ordered, keys).kind();
    }

    @Test
    @DisplayName("any shuffle of the expected rows matches when order is not graded")
    void shuffles() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                rows.add(Arrays.asList((long) random.nextInt(4), random.nextBoolean() ? null : "v" + random.nextInt(3),
                        random.nextInt(5) / 4.0));
            }
            List<List<Object>> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, random);
            ResultTable e = new ResultTable(List.of("a", "b", "c"), rows);
            assertThat(compare(e, new ResultTable(List.of("a", "b", "c"), shuffled), false)).isEqualTo(Kind.MATCH);
        }
    }

    @Test
    @DisplayName("numbers: integer equals real, tolerance applies, numeric text counts; NULL is not 0 or ''")
    void values() {
        List<String> c = List.of("n", "s");
        assertThat(compare(table(c, new Object[] {3L, "x"}), table(c, new Object[] {3.0000000001, "x"}), false))
                .isEqualTo(Kind.MATCH);
        assertThat(compare(table(c, new Object[] {2024L, "x"}), table(c, new Object[] {"2024", "x"}), false))
                .isEqualTo(Kind.MATCH);
        assertThat(compare(table(c, new Object[] {null, "x"}), table(c, new Object[] {0L, "x"}), false))
                .isEqualTo(Kind.DIFFERENT);
        assertThat(compare(table(c, new Object[] {1L, null}), table(c, new Object[] {1L, ""}), false))
                .isEqualTo(Kind.DIFFERENT);
        assertThat(compare(table(c, new Object[] {1L, "2024-03-01"}), table(c, new Object[] {1L, "2024-03-01 00:00:00"}),
                false)).isEqualTo(Kind.MATCH);
    }

    @Test
    @DisplayName("order is checked on the order keys only, so tied rows may come in any order")
    void orderOnKeys() {
        List<String> c = List.of("name", "score");
        ResultTable e = table(c, new Object[] {"a", 9L}, new Object[] {"b", 5L}, new Object[] {"c", 5L});
        assertThat(compare(e, table(c, new Object[] {"a", 9L}, new Object[] {"c", 5L}, new Object[] {"b", 5L}), true, 1))
                .isEqualTo(Kind.MATCH);
        assertThat(compare(e, table(c, new Object[] {"b", 5L}, new Object[] {"a", 9L}, new Object[] {"c", 5L}), true, 1))
                .isEqualTo(Kind.WRONG_ORDER);
    }

    @Test
    @DisplayName("permuted or extra columns are found even when two columns hold the same values")
    void columnMapping() {
        ResultTable e = table(List.of("x", "y", "z"), new Object[] {1L, 1L, "p"}, new Object[] {2L, 3L, "q"});
        assertThat(compare(e, table(List.of("z", "y", "x"), new Object[] {"p", 1L, 1L}, new Object[] {"q", 3L, 2L}),
                false)).isEqualTo(Kind.COLUMN_ORDER);
        assertThat(compare(e, table(List.of("a", "b", "c", "d"), new Object[] {"p", 0L, 1L, 1L},
                new Object[] {"q", 0L, 3L, 2L}), false)).isEqualTo(Kind.EXTRA_COLUMNS);
        assertThat(compare(e, table(List.of("x", "y"), new Object[] {1L, 1L}, new Object[] {2L, 3L}), false))
                .isEqualTo(Kind.DIFFERENT);
    }

    @Test
    @DisplayName("duplicates and rounding are presentation problems; a wrong value is not")
    void presentationKinds() {
        List<String> c = List.of("v");
        assertThat(compare(table(c, new Object[] {1L}, new Object[] {2L}),
                table(c, new Object[] {1L}, new Object[] {2L}, new Object[] {2L}), false)).isEqualTo(Kind.DUPLICATES);
        assertThat(compare(table(c, new Object[] {33.33}), table(c, new Object[] {33.3333333}), false))
                .isEqualTo(Kind.ROUNDING);
        assertThat(compare(table(c, new Object[] {33.33}), table(c, new Object[] {33.0}), false))
                .isEqualTo(Kind.DIFFERENT);
    }
}
