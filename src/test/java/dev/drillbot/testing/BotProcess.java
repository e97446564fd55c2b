package dev.drillbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code drillbot run} as its own process on the test class path, its output (stdout and stderr) in a file:
 * how a user starts the bot, signals included. Variables not given are inherited, except the tokens named
 * in {@code unset}.
 */
public final class BotProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private BotProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static BotProcess run(Path dir, Map<String, String> env, List<String> unset) throws IOException {
        return run(dir, env, unset, "output.txt");
    }

    /** @param outputName the file in {@code dir} for what the bot prints (one per run when restarting) */
    public static BotProcess run(Path dir, Map<String, String> env, List<String> unset, String outputName)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.drillbot.Main", "run");
        unset.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        Path output = dir.resolve(outputName);
        pb.redirectErrorStream(true);
        pb.redirectOutput(output.toFile());
        return new BotProcess(pb.start(), output);
    }

    /** Sends SIGTERM, as Ctrl-C or {@code docker stop} would; true when the bot ended within 30 s. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Kills the bot with SIGKILL, as a crash or an OOM killer would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failed wait with everything the bot printed, so a timeout on a CI machine can be diagnosed. */
    public AssertionError explain(AssertionError failure) throws InterruptedException {
        stop();
        return new AssertionError(failure.getMessage() + "\nbot output:\n" + output(), failure);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
