package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.ThreadRef;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * JDA registers a new thread in its cache before it sets the thread's parent channel; a reply handled in
 * that moment sees a thread whose {@code getParentChannel()} throws. CI once lost a first answer that way.
 * ThreadChannel is mocked because JDA's half-built state cannot be produced on demand.
 */
@DisplayName("Discord: a reply that races the creation of its drill thread")
class DiscordThreadRaceTest {
    private static final ChannelRef CHANNEL = new ChannelRef("discord", "1100000000000000002");

    private static ThreadChannel halfBuilt(String id) {
        ThreadChannel thread = mock(ThreadChannel.class);
        when(thread.getId()).thenReturn(id);
        when(thread.getParentChannel()).thenThrow(new NullPointerException("this.parentChannel is null"));
        return thread;
    }

    @Test
    @DisplayName("a thread this bot opened is placed in its drill's channel even before JDA knows the parent")
    void ownThreadBeforeJdaKnowsParent() {
        OpenedThreads opened = new OpenedThreads();
        opened.opening(CHANNEL, "1574540090225459213");

        assertThat(DiscordEvents.threadRef(halfBuilt("1574540090225459213"), opened))
                .isEqualTo(new ThreadRef(CHANNEL, "1574540090225459213"));
        opened.opened(CHANNEL, "1574540090225459213", "1574540090225459213");
        assertThat(opened.contains("1574540090225459213")).isTrue();
        assertThat(opened.threadOf("1574540090225459213")).isEqualTo("1574540090225459213");
    }

    @Test
    @DisplayName("a post that failed forgets its thread, so later messages there are not taken for answers")
    void abandonedThreadIsForgotten() {
        OpenedThreads opened = new OpenedThreads();
        opened.opening(CHANNEL, "1574540090225459999");
        opened.abandoned("1574540090225459999");

        assertThat(opened.contains("1574540090225459999")).isFalse();
        assertThatThrownBy(() -> DiscordEvents.threadRef(halfBuilt("1574540090225459999"), opened))
                .isInstanceOf(NullPointerException.class);
    }
}
