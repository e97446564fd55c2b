package dev.drillbot.adapter.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Web API call, retrying while Slack answers HTTP 429. A 429 means the request was not
 * carried out, so retrying after {@code Retry-After} can neither lose nor duplicate a post. Other
 * failures are not retried: Slack may have posted the message before the connection broke, and a
 * second post would be a duplicate.
 */
final class SlackCalls {
    private static final Logger log = LoggerFactory.getLogger(SlackCalls.class);

    /** How the wait is spent; tests may record it instead. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    /** A Web API call that failed for good. */
    static final class SlackCallException extends RuntimeException {
        SlackCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final int MAX_ATTEMPTS = 5;
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private final Sleeper sleeper;

    SlackCalls(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    SlackCalls() {
        this(d -> Thread.sleep(d.toMillis()));
    }

    <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        return call(method, call, MAX_ATTEMPTS);
    }

    /** One try, not waiting out a rate limit: for a call whose caller has a way on without it. */
    <T extends SlackApiTextResponse> T once(String method, Call<T> call) {
        return call(method, call, 1);
    }

    private <T extends SlackApiTextResponse> T call(String method, Call<T> call, int maxAttempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.run();
                if (!response.isOk()) {
                    throw new SlackCallException(method + " failed: " + response.getError(), null);
                }
                if (response.getWarning() != null) {
                    log.debug("{} warning: {}", method, response.getWarning());
                }
                return response;
            } catch (SlackApiException e) {
                if (e.getResponse() == null || e.getResponse().code() != 429 || attempt >= maxAttempts) {
                    throw new SlackCallException(method + " failed: HTTP "
                            + (e.getResponse() == null ? "?" : e.getResponse().code())
                            + (e.getError() == null ? "" : " " + e.getError().getError()), e);
                }
                Duration wait = retryAfter(e.getResponse().header("Retry-After"));
                log.info("{} was rate limited; retrying in {} s (attempt {} of {})", method, wait.toSeconds(),
                        attempt + 1, MAX_ATTEMPTS);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new SlackCallException(method + " interrupted while waiting for a rate limit", ie);
                }
            } catch (IOException e) {
                throw new SlackCallException(method + " failed: " + e, e);
            }
        }
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_WAIT;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            Duration d = Duration.ofSeconds(Math.max(0, seconds));
            return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
        } catch (NumberFormatException e) {
            return DEFAULT_WAIT;
        }
    }
}
