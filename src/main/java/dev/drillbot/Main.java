package dev.drillbot;

import dev.drillbot.cli.DrillbotCommand;

/** Entry point: {@code drillbot [run|check|grade|questions]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = DrillbotCommand.execute(args, DrillbotCommand.Io.system());
        if (code != DrillbotCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
