package dev.drillbot.core.command;

import dev.drillbot.core.mock.MockInterview;
import dev.drillbot.core.mock.MockInterviews;
import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.UserText;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /mock [stop]}: a mock interview in a private thread (see {@link MockInterviews}); {@code stop} ends
 * the open one.
 */
public final class MockCommand implements Command {
    private final MockInterviews mocks;
    private final Messages messages;

    public MockCommand(MockInterviews mocks, Messages messages) {
        this.mocks = mocks;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "mock";
    }

    @Override
    public String usage() {
        return "[stop]";
    }

    @Override
    public String summary() {
        return "a mock interview in a private thread: four LP questions and one SQL, follow-ups, then a scorecard";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        String platform = context.channel().channel().platform();
        String arg = args.strip().toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> v = new HashMap<>();
        v.put("user", context.user().name());
        if (arg.equals("stop")) {
            Optional<MockInterview> stopped = mocks.stop(platform, context.user().id());
            v.put("stopped", stopped.isPresent());
            stopped.ifPresent(m -> v.put("answered", m.step()));
            return CommandReply.privately(messages.render("mock-stop", v));
        }
        if (!arg.isEmpty()) {
            return CommandReply.privately(messages.render("mock-usage", Map.of("given", UserText.quoted(args))));
        }
        MockInterviews.Start start = mocks.start(context.channel().channel(), context.user());
        if (start instanceof MockInterviews.Start.Started s) {
            v.put("started", true);
            v.put("count", s.mock().plan().size());
            v.put("direct", !s.thread().channel().equals(context.channel().channel()));
        } else if (start instanceof MockInterviews.Start.AlreadyOpen open) {
            v.put("open", true);
            v.put("number", Math.min(open.mock().step() + 1, open.mock().plan().size()));
            v.put("count", open.mock().plan().size());
            v.put("direct", open.mock().thread().map(t -> !t.channel().equals(context.channel().channel())).orElse(false));
        } else if (start instanceof MockInterviews.Start.NotOpened failed) {
            v.put("notOpened", true);
            v.put("reason", failed.reason());
        } else {
            v.put("noQuestions", true);
        }
        return CommandReply.privately(messages.render("mock", v));
    }
}
