package dev.drillbot.core.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.bank.Difficulty;
import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Source;
import dev.drillbot.core.progress.SkillStat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@DisplayName("The question picker")
class QuestionPickerTest {
    static Question q(String id, Principle p) {
        return new LpQuestion(id, id, "prompt", Difficulty.MEDIUM, List.of(p), List.of("x"), List.of("y"), List.of(),
                Source.unknown(id + ".yaml"));
    }

    static final List<Question> BANK = List.of(q("a", Principle.OWNERSHIP), q("b", Principle.DIVE_DEEP),
            q("c", Principle.FRUGALITY), q("d", Principle.THINK_BIG), q("e", Principle.EARN_TRUST));

    @RepeatedTest(20)
    @DisplayName("never repeats a question until every one was asked, and never twice in a row")
    void noRepeatsWithinACycle(org.junit.jupiter.api.RepetitionInfo info) {
        QuestionPicker picker = new QuestionPicker(new Random(info.getCurrentRepetition()));
        LinkedList<String> asked = new LinkedList<>();
        for (int cycle = 0; cycle < 3; cycle++) {
            Set<String> thisCycle = new HashSet<>();
            for (int i = 0; i < BANK.size(); i++) {
                String id = picker.pick(BANK, asked, Map.of()).orElseThrow().id();
                assertThat(thisCycle.add(id)).as("repeat of %s within cycle %d", id, cycle).isTrue();
                if (!asked.isEmpty()) {
                    assertThat(id).isNotEqualTo(asked.getFirst());
                }
                asked.addFirst(id);
            }
            assertThat(thisCycle).hasSize(BANK.size());
        }
    }

    @Test
    @DisplayName("questions added to the bank mid-cycle are still offered before any repeat")
    void growingBank() {
        List<Question> bigger = new ArrayList<>(BANK);
        bigger.add(q("f", Principle.FRUGALITY));
        List<String> asked = List.of("e", "d", "c", "b", "a");
        Question next = new QuestionPicker(new Random(1)).pick(bigger, asked, Map.of()).orElseThrow();
        assertThat(next.id()).isEqualTo("f");
    }

    @Test
    @DisplayName("leans towards the group's weakest and never-practised principles")
    void leansToWeakSkills() {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        Map<String, SkillStat> stats = Map.of(
                "ownership", new SkillStat("ownership", 10, 95, t),
                "dive-deep", new SkillStat("dive-deep", 10, 20, t));
        List<Question> two = List.of(BANK.get(0), BANK.get(1));
        QuestionPicker picker = new QuestionPicker(new Random(42));
        int weak = 0;
        for (int i = 0; i < 2000; i++) {
            if (picker.pick(two, List.of(), stats).orElseThrow().id().equals("b")) {
                weak++;
            }
        }
        // weights 1+4*0.8=4.2 vs 1+4*0.05=1.2: the weak principle should come up about 78% of the time
        assertThat(weak).isBetween(1400, 1700);
    }

    @Test
    @DisplayName("an empty candidate list gives nothing")
    void empty() {
        assertThat(new QuestionPicker(new Random(1)).pick(List.of(), List.of(), Map.of())).isEmpty();
    }
}
