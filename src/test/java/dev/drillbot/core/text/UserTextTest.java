package dev.drillbot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("User text is shown inert")
class UserTextTest {
    @Test
    @DisplayName("terminal escapes, NUL, bell and direction overrides are dropped; line breaks, tabs and emoji stay")
    void inert() {
        String hostile = "\u001b[2J\u001b]0;owned\u0007clear\u0000 \u202Egnp.exe\u202C\tok\n😀 café\r\u0085end";
        assertThat(UserText.inert(hostile)).isEqualTo("[2J]0;ownedclear gnp.exe\tok\n😀 caféend")
                .doesNotContain("\u001b", "\u0007", "\u0000", "\u202E", "\r", "\u0085");
        assertThat(UserText.inert("plain text stays the same object")).isSameAs("plain text stays the same object");
    }

    @Test
    @DisplayName("read as a reader sees it: look-alike letters inside a Latin word are Latin, struck-through text is gone")
    void visibleForReading() {
        // Cyrillic о, е, р inside "ownership": the word a reader sees
        assertThat(UserText.visible("I took \u043Ewn\u0435rshi\u0440 of it")).isEqualTo("I took ownership of it");
        // a word all in Cyrillic is left as written
        assertThat(UserText.visible("\u0441\u043E\u0440 and cop")).isEqualTo("\u0441\u043E\u0440 and cop");
        assertThat(UserText.visible("~~I traced the lag to the batch.~~ In the end I told them.")).isEqualTo(" In the end I told them.");
        // Slack strikes with one tilde each side; a tilde for "about" is no strike
        assertThat(UserText.visible("~I traced the lag to the batch.~ In the end I told them.")).isEqualTo(" In the end I told them.");
        assertThat(UserText.visible("Runtime went from ~40 to ~5 minutes, and cost ~$5k->~$3k a month."))
                .isEqualTo("Runtime went from ~40 to ~5 minutes, and cost ~$5k->~$3k a month.");
        // one tilde is "about": "~40% to ~5%" stays
        assertThat(UserText.visible("Failures fell from ~40% to ~5%.")).isEqualTo("Failures fell from ~40% to ~5%.");
        assertThat(UserText.visible("plain text stays the same object")).isSameAs("plain text stays the same object");
    }

    @Test
    @DisplayName("invisible marks are gone: a grapheme joiner or variation selector after '[' hides no template slot")
    void invisibleMarksAreGone() {
        // attack-12-05: U+034F after every "[" kept "[company]" from reading as a slot
        assertThat(UserText.visible("At [\u034Fcompany] in [\u034Fyear] I cut it by [\uFE0Fnumber]%"))
                .isEqualTo("At [company] in [year] I cut it by [number]%");
        assertThat(UserText.visible("Hangul filler \u3164 and \uFFA0 and \u115F too")).isEqualTo("Hangul filler  and  and  too");
        // tag characters and supplementary selectors are two chars each, neither a FORMAT char on its own
        assertThat(UserText.visible("[\uDB40\uDC41slot] and [\uDB40\uDD00slot]")).isEqualTo("[slot] and [slot]");
        // an accent written as its own mark stays on its letter: "café" is still "café"
        assertThat(UserText.visible("caf\u0065\u0301 au lait")).isEqualTo("caf\u0065\u0301 au lait");
    }

    @Test
    @DisplayName("a quoted argument is one line of at most 60 characters")
    void quoted() {
        assertThat(UserText.quoted("astrology")).isEqualTo("astrology");
        assertThat(UserText.quoted("two\nlines\u001b[31m")).isEqualTo("two lines[31m");
        assertThat(UserText.quoted("x".repeat(5_000))).hasSize(60).endsWith("…");
    }
}
