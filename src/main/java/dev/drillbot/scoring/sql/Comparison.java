package dev.drillbot.scoring.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares a learner's rows with the expected rows of one dataset. Rows are bags (order only when the
 * question requires it, and then only on the order keys, so tied rows may come in any order); NULL
 * equals NULL but neither 0 nor ''; numbers compare within a tolerance; a midnight timestamp equals
 * its date. When the data is right but presented differently the outcome says how.
 */
final class Comparison {
    enum Kind {
        MATCH, WRONG_ORDER, COLUMN_ORDER, EXTRA_COLUMNS, DUPLICATES, ROUNDING, DIFFERENT;

        boolean presentationOnly() {
            return this != MATCH && this != DIFFERENT;
        }
    }

    /** @param missing expected rows the learner lacks; @param unexpected learner rows not expected */
    record Outcome(Kind kind, List<List<Object>> missing, List<List<Object>> unexpected, int[] mapping) {}

    private static final Pattern MIDNIGHT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T]00:00(:00(\\.0+)?)?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final int MAX_FUZZY = 4_000_000;
    private static final int MAX_PERMUTATION_TRIES = 2_000;

    private Comparison() {}

    static Outcome compare(ResultTable expected, ResultTable actual, double tolerance, boolean ordered,
            int[] orderCols) {
        List<List<Object>> exp = expected.rows();
        int[] identity = identity(expected.width());
        if (expected.width() == actual.width()) {
            Bag diff = bagDiff(exp, actual.rows(), tolerance);
            if (diff.equal()) {
                boolean orderOk = !ordered || inOrder(exp, actual.rows(), identity, orderCols, tolerance);
                return new Outcome(orderOk ? Kind.MATCH : Kind.WRONG_ORDER, List.of(), List.of(), identity);
            }
        }
        // the same data under other column positions, or with extra columns
        if (actual.width() >= expected.width() && exp.size() == actual.rows().size() && expected.width() > 0) {
            int[] mapping = findMapping(expected, actual, tolerance);
            if (mapping != null) {
                return new Outcome(actual.width() == expected.width() ? Kind.COLUMN_ORDER : Kind.EXTRA_COLUMNS,
                        List.of(), List.of(), mapping);
            }
        }
        if (expected.width() == actual.width()) {
            if (!exp.isEmpty() && !actual.rows().isEmpty() && exp.size() != actual.rows().size()
                    && keySet(exp, tolerance).equals(keySet(actual.rows(), tolerance))) {
                Bag d = bagDiff(exp, actual.rows(), tolerance);
                return new Outcome(Kind.DUPLICATES, d.missing, d.unexpected, identity);
            }
            List<List<Object>> rounded = roundLike(exp, actual.rows());
            if (rounded != null && bagDiff(exp, rounded, tolerance).equal()) {
                return new Outcome(Kind.ROUNDING, List.of(), List.of(), identity);
            }
        }
        Bag d = expected.width() == actual.width() ? bagDiff(exp, actual.rows(), tolerance)
                : new Bag(exp, actual.rows());
        return new Outcome(Kind.DIFFERENT, d.missing, d.unexpected, identity);
    }

    /** True when both tables hold the same bag of rows (used to recognise a known mistake). */
    static boolean sameRows(ResultTable a, ResultTable b, double tolerance) {
        return a.width() == b.width() && bagDiff(a.rows(), b.rows(), tolerance).equal();
    }

    // ---- bags ----

    private record Bag(List<List<Object>> missing, List<List<Object>> unexpected) {
        boolean equal() {
            return missing.isEmpty() && unexpected.isEmpty();
        }
    }

    private static Bag bagDiff(List<List<Object>> exp, List<List<Object>> act, double tol) {
        Map<List<Object>, ArrayDeque<List<Object>>> pool = new HashMap<>();
        for (List<Object> a : act) {
            pool.computeIfAbsent(key(a, tol), k -> new ArrayDeque<>()).add(a);
        }
        List<List<Object>> pending = new ArrayList<>();
        for (List<Object> e : exp) {
            ArrayDeque<List<Object>> q = pool.get(key(e, tol));
            if (q != null && !q.isEmpty()) {
                q.poll();
            } else {
                pending.add(e);
            }
        }
        List<List<Object>> left = new ArrayList<>();
        pool.values().forEach(left::addAll);
        // values within tolerance can still land on different grid keys: pair the rest one by one
        List<List<Object>> missing = new ArrayList<>();
        if (!pending.isEmpty() && !left.isEmpty() && (long) pending.size() * left.size() <= MAX_FUZZY) {
            for (List<Object> e : pending) {
                int hit = -1;
                for (int i = 0; i < left.size() && hit < 0; i++) {
                    if (rowsEqual(e, left.get(i), tol)) {
                        hit = i;
                    }
                }
                if (hit >= 0) {
                    left.remove(hit);
                } else {
                    missing.add(e);
                }
            }
        } else {
            missing = pending;
        }
        if (!missing.isEmpty() || !left.isEmpty()) {
            // keep the learner's own order for the diff
            List<List<Object>> unexpected = new ArrayList<>();
            Set<List<Object>> leftIds = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            leftIds.addAll(left);
            for (List<Object> a : act) {
                if (leftIds.remove(a)) {
                    unexpected.add(a);
                }
            }
            return new Bag(missing, unexpected);
        }
        return new Bag(List.of(), List.of());
    }

    private static Set<List<Object>> keySet(List<List<Object>> rows, double tol) {
        Set<List<Object>> s = new HashSet<>();
        rows.forEach(r -> s.add(key(r, tol)));
        return s;
    }

    private static List<Object> key(List<Object> row, double tol) {
        List<Object> k = new ArrayList<>(row.size());
        double grid = Math.max(tol, 1e-9);
        for (Object v : row) {
            Object c = canonical(v);
            k.add(c instanceof Double d ? (Object) Math.rint(d / grid) : c);
        }
        return k;
    }

    /** Numbers as Double, numeric-looking text as a number, midnight timestamps as dates. */
    static Object canonical(Object v) {
        if (v instanceof Long l) {
            return l.doubleValue();
        }
        if (v instanceof String s) {
            if (s.length() < 20 && NUMBER.matcher(s).matches()) {
                return Double.parseDouble(s);
            }
            var m = MIDNIGHT.matcher(s);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return v;
    }

    static boolean cellsEqual(Object a, Object b, double tol) {
        Object x = canonical(a);
        Object y = canonical(b);
        if (x == null || y == null) {
            return x == y;
        }
        if (x instanceof Double dx && y instanceof Double dy) {
            double diff = Math.abs(dx - dy);
            return diff <= tol || diff <= 1e-9 * Math.max(Math.abs(dx), Math.abs(dy));
        }
        return x.equals(y);
    }

    private static boolean rowsEqual(List<Object> a, List<Object> b, double tol) {
        for (int i = 0; i < a.size(); i++) {
            if (!cellsEqual(a.get(i), b.get(i), tol)) {
                return false;
            }
        }
        return true;
    }

    // ---- order ----

    private static boolean inOrder(List<List<Object>> exp, List<List<Object>> act, int[] mapping, int[] orderCols,
            double tol) {
        int[] cols = orderCols.length == 0 ? identity(mapping.length) : orderCols;
        for (int r = 0; r < exp.size(); r++) {
            for (int c : cols) {
                if (!cellsEqual(exp.get(r).get(c), act.get(r).get(mapping[c]), tol)) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---- columns ----

    /** expected column j -> actual column mapping[j], or null when no mapping makes the bags equal. */
    private static int[] findMapping(ResultTable expected, ResultTable actual, double tol) {
        int w = expected.width();
        Map<String, Integer> byName = new HashMap<>();
        for (int k = 0; k < actual.width(); k++) {
            byName.putIfAbsent(actual.columns().get(k).toLowerCase(Locale.ROOT), k);
        }
        int[] named = new int[w];
        Set<Integer> used = new HashSet<>();
        boolean allNamed = true;
        for (int j = 0; j < w && allNamed; j++) {
            Integer k = byName.get(expected.columns().get(j).toLowerCase(Locale.ROOT));
            allNamed = k != null && used.add(k);
            named[j] = allNamed ? k : -1;
        }
        if (allNamed && !isIdentity(named, actual.width()) && projectedEqual(expected, actual, named, tol)) {
            return named;
        }
        // candidates per expected column: actual columns holding the same multiset of values
        List<List<Integer>> candidates = new ArrayList<>();
        for (int j = 0; j < w; j++) {
            List<Object> sig = columnSignature(expected.rows(), j, tol);
            List<Integer> cs = new ArrayList<>();
            for (int k = 0; k < actual.width(); k++) {
                if (columnSignature(actual.rows(), k, tol).equals(sig)) {
                    cs.add(k);
                }
            }
            if (cs.isEmpty()) {
                return null;
            }
            candidates.add(cs);
        }
        int[] tries = {0};
        int[] mapping = new int[w];
        return search(expected, actual, candidates, 0, mapping, new boolean[actual.width()], tol, tries)
                ? mapping : null;
    }

    private static boolean search(ResultTable e, ResultTable a, List<List<Integer>> cand, int j, int[] mapping,
            boolean[] taken, double tol, int[] tries) {
        if (j == mapping.length) {
            return !isIdentity(mapping, a.width()) && ++tries[0] <= MAX_PERMUTATION_TRIES
                    && projectedEqual(e, a, mapping, tol);
        }
        for (int k : cand.get(j)) {
            if (!taken[k] && tries[0] <= MAX_PERMUTATION_TRIES) {
                taken[k] = true;
                mapping[j] = k;
                if (search(e, a, cand, j + 1, mapping, taken, tol, tries)) {
                    return true;
                }
                taken[k] = false;
            }
        }
        return false;
    }

    private static boolean isIdentity(int[] mapping, int actualWidth) {
        if (mapping.length != actualWidth) {
            return false;
        }
        for (int i = 0; i < mapping.length; i++) {
            if (mapping[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> columnSignature(List<List<Object>> rows, int col, double tol) {
        List<Object> vals = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            vals.add(key(List.of(r.get(col) == null ? "\u0000NULL" : r.get(col)), tol).get(0));
        }
        vals.sort((x, y) -> String.valueOf(x).compareTo(String.valueOf(y)));
        return vals;
    }

    private static boolean projectedEqual(ResultTable e, ResultTable a, int[] mapping, double tol) {
        return bagDiff(e.rows(), project(a.rows(), mapping), tol).equal();
    }

    static List<List<Object>> project(List<List<Object>> rows, int[] mapping) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            List<Object> p = new ArrayList<>(mapping.length);
            for (int k : mapping) {
                p.add(r.get(k));
            }
            out.add(p);
        }
        return out;
    }

    // ---- rounding ----

    /** The learner's rows with each numeric column rounded to the expected column's decimals, or null. */
    private static List<List<Object>> roundLike(List<List<Object>> exp, List<List<Object>> act) {
        if (exp.isEmpty() || exp.size() != act.size()) {
            return null;
        }
        int w = exp.get(0).size();
        int[] decimals = new int[w];
        boolean any = false;
        for (int j = 0; j < w; j++) {
            int d = -1;
            for (List<Object> r : exp) {
                Object v = r.get(j);
                if (v instanceof Double x) {
                    d = Math.max(d, Math.max(0, BigDecimal.valueOf(x).stripTrailingZeros().scale()));
                } else if (v instanceof Long) {
                    d = Math.max(d, 0);
                }
            }
            decimals[j] = d;
            any |= d >= 0 && d <= 4;
        }
        if (!any) {
            return null;
        }
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : act) {
            List<Object> p = new ArrayList<>(r);
            for (int j = 0; j < w; j++) {
                if (decimals[j] >= 0 && decimals[j] <= 4 && p.get(j) instanceof Double x && Double.isFinite(x)) {
                    p.set(j, BigDecimal.valueOf(x).setScale(decimals[j], RoundingMode.HALF_UP).doubleValue());
                }
            }
            out.add(p);
        }
        return out;
    }

    static int[] identity(int n) {
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
        }
        return id;
    }
}
