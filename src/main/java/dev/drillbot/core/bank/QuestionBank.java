package dev.drillbot.core.bank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All loaded questions, by id, in a stable order. */
public final class QuestionBank {
    private final Map<String, Question> byId = new LinkedHashMap<>();

    public QuestionBank(List<? extends Question> questions) {
        for (Question q : questions) {
            if (byId.putIfAbsent(q.id(), q) != null) {
                throw new IllegalArgumentException("duplicate question id " + q.id());
            }
        }
    }

    public Optional<Question> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Question> all() {
        return List.copyOf(byId.values());
    }

    public List<Question> track(Track track) {
        List<Question> out = new ArrayList<>();
        for (Question q : byId.values()) {
            if (q.track() == track) {
                out.add(q);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public List<Question> practising(Skill skill) {
        List<Question> out = new ArrayList<>();
        for (Question q : byId.values()) {
            if (q.skills().contains(skill)) {
                out.add(q);
            }
        }
        return out;
    }

    public int size() {
        return byId.size();
    }
}
