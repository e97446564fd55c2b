package dev.drillbot.adapter.slack;

import dev.drillbot.adapter.discord.DiscordStandIn;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The footprint of one instance, running the shipped jar as a user would:
 * <ul>
 * <li>time from the process start to "drillbot started" on the console (no tokens), median of 7 runs;
 * <li>resident memory (VmRSS) after 20 s idle with both adapters connected to local Slack and Discord
 * stand-ins;
 * <li>the jar's size.
 * </ul>
 * each with plain {@code java} and with the Dockerfile's flags. Run from the project root after {@code mvn -B package -DskipTests}:
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp-test.txt) dev.drillbot.adapter.slack.FootprintBenchmark}
 */
public final class FootprintBenchmark {
    static final Path JAR = Path.of("target/drillbot.jar");
    /** The JVM flags of the Dockerfile's ENTRYPOINT (keep in step). */
    static final String DOCKERFILE_FLAGS = "-XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -Xms16m -Xmx256m";

    private FootprintBenchmark() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        System.out.printf("jar %s: %.1f MB%n", JAR, Files.size(JAR) / 1e6);
        // -Dflags="A B;C D" measures other flag sets (sets separated by ';')
        List<List<String>> flagSets = new ArrayList<>();
        for (String set : System.getProperty("flags", ";" + DOCKERFILE_FLAGS).split(";", -1)) {
            flagSets.add(set.isBlank() ? List.of() : Arrays.asList(set.trim().split("\\s+")));
        }
        for (List<String> flags : flagSets) {
            double[] starts = new double[7];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = consoleStart(flags);
            }
            Arrays.sort(starts);
            System.out.printf("console start to \"drillbot started\" with %s: median %.0f ms (min %.0f, max %.0f)%n",
                    flags.isEmpty() ? "no flags" : flags, starts[starts.length / 2], starts[0], starts[starts.length - 1]);
        }
        for (List<String> flags : flagSets) {
            System.out.printf("idle with Slack and Discord connected, %s: %s%n", flags.isEmpty() ? "no flags" : flags,
                    idleResident(flags));
        }
    }

    static List<String> command(List<String> flags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(List.of("-jar", JAR.toString(), "run"));
        return cmd;
    }

    /** Milliseconds from starting the process to its "drillbot started" line, on the console. */
    static double consoleStart(List<String> flags) throws Exception {
        Path dir = Files.createTempDirectory("drillbot-start");
        ProcessBuilder pb = new ProcessBuilder(command(flags)).redirectErrorStream(true);
        clean(pb.environment());
        pb.environment().put("DRILLBOT_DB", dir.resolve("drillbot.db").toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("drillbot started")) {
                    return (System.nanoTime() - t0) / 1e6;
                }
            }
            throw new IllegalStateException("the bot ended without starting");
        } finally {
            p.getOutputStream().close(); // end of console input: the bot stops
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** VmRSS after 20 s idle, with Slack and Discord both connected to stand-ins. */
    static String idleResident(List<String> flags) throws Exception {
        Path dir = Files.createTempDirectory("drillbot-idle");
        try (SlackStandIn slack = SlackStandIn.start(); DiscordStandIn discord = new DiscordStandIn(Instant::now)) {
            ProcessBuilder pb = new ProcessBuilder(command(flags)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile());
            clean(pb.environment());
            pb.environment().putAll(Map.of("DRILLBOT_DB", dir.resolve("drillbot.db").toString(),
                    "SLACK_BOT_TOKEN", "xoxb-footprint", "SLACK_APP_TOKEN", "xapp-footprint", "SLACK_API_URL", slack.apiUrl(),
                    "DISCORD_BOT_TOKEN", DiscordStandIn.TOKEN, "DISCORD_API_URL", discord.apiUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
            Process p = pb.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.readString(dir.resolve("out.txt")).contains("drillbot started")) {
                    if (System.nanoTime() > deadline || !p.isAlive()) {
                        throw new IllegalStateException("not started: " + Files.readString(dir.resolve("out.txt")));
                    }
                    Thread.sleep(100);
                }
                Thread.sleep(20_000); // idle: what it holds between drills
                String status = Files.readString(Path.of("/proc/" + p.pid() + "/status"));
                String rss = status.lines().filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?");
                String threads = status.lines().filter(l -> l.startsWith("Threads")).findFirst().orElse("Threads: ?");
                return rss.replaceAll("\\s+", " ") + ", " + threads.replaceAll("\\s+", " ");
            } finally {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private static void clean(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("DRILLBOT_"));
        env.put("DRILLBOT_CONFIG", Path.of("config/drillbot.yaml").toAbsolutePath().toString());
    }
}
