package dev.drillbot.scoring.sql;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grading process: the only place learner SQL runs. The bot starts a few of these
 * ({@link WorkerPool}) and talks to each over stdin and a Unix socket, one JSON object per line. A query that
 * runs away, hoards memory or crashes DuckDB takes this process down at worst; the bot kills and
 * replaces it and carries on.
 *
 * <p>Requests: {@code {"op":"load","key":K,"datasets":[tables...]}} and
 * {@code {"op":"run","key":K,"dataset":i,"sql":S,"maxRows":n,"timeoutMillis":t}}, or the same without
 * {@code dataset} to run on every dataset in order under one deadline, stopping after the first that
 * fails (one round trip per grade). A result carries {@code rows} and {@code columns}, or
 * {@code failed} (a {@link Sandbox.Why}) and {@code message}; a reply is one result, or
 * {@code {"results":[...]}} for every dataset, or {@code missing} when the question was evicted and must
 * be loaded again.
 */
public final class GraderWorker {
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    /** Questions kept loaded; each dataset is a DuckDB database of a few MB. */
    static final int CACHED_QUESTIONS = 12;
    /** Bytes of result text sent back per query: rows beyond it are a too-big result. */
    static final long MAX_RESULT_CHARS = 4_000_000;

    private final Map<String, List<DuckSandbox>> loaded = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<DuckSandbox>> eldest) {
            if (size() > CACHED_QUESTIONS) {
                eldest.getValue().forEach(DuckSandbox::close);
                return true;
            }
            return false;
        }
    };

    private final java.nio.file.Path dir;
    private long files;

    GraderWorker(java.nio.file.Path dir) {
        this.dir = dir;
    }

    /**
     * @param args the directory for this process's read-only dataset files (the bot removes it), and the
     *     Unix socket in it to send replies to
     */
    public static void main(String[] args) throws Exception {
        // nothing but replies may reach the bot
        System.setOut(System.err);
        java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
        java.nio.file.Files.createDirectories(dir);
        GraderWorker worker = new GraderWorker(dir);
        try (SocketChannel replies = SocketChannel.open(UnixDomainSocketAddress.of(args[1]))) {
            worker.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(replies), StandardCharsets.UTF_8)));
        } finally {
            // stdin closed: the bot has gone; leave nothing behind
            worker.loaded.values().forEach(l -> l.forEach(DuckSandbox::close));
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    void serve(BufferedReader in, BufferedWriter out) throws Exception {
        // load DuckDB's native library now, not during the first grade
        try (java.sql.Connection warm = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
            warm.isValid(1);
        }
        out.write("{\"ready\":true}\n");
        out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            ObjectNode reply;
            try {
                reply = handle(JSON.readTree(line));
            } catch (Exception | StackOverflowError e) {
                reply = JSON.createObjectNode().put("failed", "ERROR").put("message", "grader: "
                        + e.getClass().getSimpleName());
            }
            out.write(JSON.writeValueAsString(reply));
            out.write('\n');
            out.flush();
        }
    }

    private ObjectNode handle(JsonNode req) throws Exception {
        String op = req.path("op").asText();
        String key = req.path("key").asText();
        if (op.equals("ping")) {
            return JSON.createObjectNode().put("ok", true);
        }
        if (op.equals("load")) {
            List<DatasetTables> datasets = new ArrayList<>();
            for (JsonNode d : req.path("datasets")) {
                datasets.add(JSON.treeToValue(d, DatasetTables.class));
            }
            List<DuckSandbox> dbs = new ArrayList<>();
            try {
                for (DatasetTables d : datasets) {
                    dbs.add(DuckSandbox.load(d, dir.resolve("d" + (++files) + ".duckdb")));
                }
            } catch (Exception e) {
                dbs.forEach(DuckSandbox::close);
                throw e;
            }
            List<DuckSandbox> old = loaded.put(key, dbs);
            if (old != null) {
                old.forEach(DuckSandbox::close);
            }
            return JSON.createObjectNode().put("ok", true);
        }
        if (op.equals("run")) {
            List<DuckSandbox> dbs = loaded.get(key);
            Deadline deadline = new Deadline(req.path("timeoutMillis").asLong(2000));
            String sql = req.path("sql").asText();
            int maxRows = req.path("maxRows").asInt(10_000);
            if (dbs == null) {
                return JSON.createObjectNode().put("missing", true);
            }
            if (!req.has("dataset")) {
                ObjectNode reply = JSON.createObjectNode();
                ArrayNode results = reply.putArray("results");
                long budget = MAX_RESULT_CHARS; // for the whole reply: it is held in the bot's memory
                for (DuckSandbox db : dbs) {
                    ObjectNode r = encode(db.run(sql, deadline, maxRows), budget);
                    results.add(r);
                    budget -= r.path("chars").asLong(0);
                    r.remove("chars");
                    if (r.has("failed")) {
                        break;
                    }
                }
                return reply;
            }
            int dataset = req.path("dataset").asInt();
            if (dataset < 0 || dataset >= dbs.size()) {
                return JSON.createObjectNode().put("missing", true);
            }
            ObjectNode r = encode(dbs.get(dataset).run(sql, deadline, maxRows), MAX_RESULT_CHARS);
            r.remove("chars");
            return r;
        }
        throw new IllegalArgumentException("unknown op " + op);
    }

    /** One result; {@code chars} says how much text it holds, a result over {@code budget} is TOO_BIG. */
    private static ObjectNode encode(Sandbox.Outcome o, long budget) {
        ObjectNode reply = JSON.createObjectNode();
        if (o instanceof Sandbox.Failed f) {
            return reply.put("failed", f.why().name()).put("message", f.message());
        }
        ResultTable t = ((Sandbox.Rows) o).table();
        ArrayNode cols = reply.putArray("columns");
        t.columns().forEach(cols::add);
        ArrayNode rows = reply.putArray("rows");
        long chars = 0;
        for (List<Object> r : t.rows()) {
            ArrayNode row = rows.addArray();
            for (Object v : r) {
                if (v == null) {
                    row.addNull();
                } else if (v instanceof Long l) {
                    row.add(l);
                } else if (v instanceof Double d) {
                    row.add(d);
                } else {
                    String s = String.valueOf(v);
                    chars += s.length();
                    row.add(s);
                }
            }
            if (chars > budget) {
                return JSON.createObjectNode().put("failed", "TOO_BIG").put("message", "");
            }
        }
        return reply.put("chars", chars);
    }
}
