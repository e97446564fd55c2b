package dev.drillbot.scoring.lp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * What a word form can be, from LanguageTool's English tagger dictionary (english-pos-dict, read with
 * morfologik): every reading's Penn tag folded into bits, tense included ("failed" can be VBD, VBN or JJ;
 * "was" is VBD; "would" is MD). The dictionary says what a word can be; {@link Grammar} picks the reading
 * from its neighbours. Loaded once; the lookup object keeps buffers, so each thread has its own.
 */
final class Morphology {
    static final int KNOWN = 1;
    static final int VBD = 1 << 1;   // past tense: rewrote, failed
    static final int VBN = 1 << 2;   // participle: written, failed
    static final int VBZ = 1 << 3;   // present, third person: runs
    static final int VBP = 1 << 4;   // present, not third person: run
    static final int VB = 1 << 5;    // base form: run
    static final int VBG = 1 << 6;   // -ing form
    static final int MD = 1 << 7;    // modal: would, will, can
    static final int NOUN = 1 << 8;
    static final int PROPER = 1 << 9;
    static final int ADJ = 1 << 10;
    static final int ADV = 1 << 11;
    static final int PRON = 1 << 12;
    static final int DET = 1 << 13;
    static final int PREP = 1 << 14;
    static final int CONJ = 1 << 15;
    static final int NUM = 1 << 16;
    static final int POSSESSIVE = 1 << 17; // my, our, their
    static final int WH = 1 << 18;         // who, which, that as a relative
    static final int PLURAL = 1 << 19;     // a plural noun: closes, reports, tickets
    /** The past and the present of one verb, spelled alike: read, put, set, cut (not "found": find's past, found's present). */
    static final int SAME_PAST_PRESENT = 1 << 20;

    static final String RESOURCE = "/org/languagetool/resource/en/english.dict";

    private final morfologik.stemming.Dictionary dictionary;
    private final ThreadLocal<DictionaryLookup> lookup;

    private Morphology(morfologik.stemming.Dictionary dictionary) {
        this.dictionary = dictionary;
        this.lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(this.dictionary));
    }

    /** Reads the dictionary from the classpath (about 0.6 MB, read once per scorer). */
    static Morphology load() {
        URL url = Morphology.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the English tagger dictionary " + RESOURCE + " is not on the classpath");
        }
        try {
            return new Morphology(morfologik.stemming.Dictionary.read(url));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Words seen so far with their bits: answers reuse a small vocabulary, so after warm-up almost every
     * word is one map lookup. Bounded so that odd input cannot grow it without limit.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 100_000;

    /** The readings of a lower-case word form as bits; 0 when the dictionary does not know it. */
    int tags(String word) {
        Integer cached = cache.get(word);
        if (cached != null) {
            return cached;
        }
        int bits = lookup(word);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(word, bits);
        }
        return bits;
    }

    private int lookup(String word) {
        List<WordData> readings = lookup.get().lookup(word);
        int bits = 0;
        for (WordData d : readings) {
            bits |= bits(d.getTag());
        }
        if ((bits & (VBD | VBP)) == (VBD | VBP) && samePastAndPresent(readings)) {
            bits |= SAME_PAST_PRESENT;
        }
        return bits == 0 ? 0 : bits | KNOWN;
    }

    /** Whether one lemma has both a past (VBD) and a present (VBP) reading: "read" does; "found" (find / found) does not. */
    private static boolean samePastAndPresent(List<WordData> readings) {
        for (WordData past : readings) {
            if (bits(past.getTag()) == VBD) {
                String lemma = String.valueOf(past.getStem()); // copied: the lookup may reuse its buffers
                for (WordData present : readings) {
                    if (bits(present.getTag()) == VBP && lemma.contentEquals(present.getStem())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static int bits(CharSequence tag) {
        if (tag == null || tag.length() == 0) {
            return 0;
        }
        String t = tag.toString();
        if (t.startsWith("VBD")) {
            return VBD;
        }
        if (t.startsWith("VBN")) {
            return VBN;
        }
        if (t.startsWith("VBZ")) {
            return VBZ;
        }
        if (t.startsWith("VBP")) {
            return VBP;
        }
        if (t.startsWith("VBG")) {
            return VBG;
        }
        if (t.startsWith("VB")) {
            return VB;
        }
        if (t.startsWith("MD")) {
            return MD;
        }
        if (t.startsWith("NNP")) {
            return PROPER;
        }
        if (t.startsWith("NNS")) {
            return NOUN | PLURAL;
        }
        if (t.startsWith("NN")) {
            return NOUN;
        }
        if (t.startsWith("JJ")) {
            return ADJ;
        }
        if (t.startsWith("RB")) {
            return ADV;
        }
        if (t.startsWith("PRP$")) {
            return POSSESSIVE;
        }
        if (t.startsWith("PRP")) {
            return PRON;
        }
        if (t.startsWith("DT") || t.startsWith("PDT")) {
            return DET;
        }
        if (t.startsWith("IN") || t.startsWith("TO")) {
            return PREP;
        }
        if (t.startsWith("CC")) {
            return CONJ;
        }
        if (t.startsWith("CD")) {
            return NUM;
        }
        if (t.startsWith("W")) {
            return WH;
        }
        return 0;
    }
}
