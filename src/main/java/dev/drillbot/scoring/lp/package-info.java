/**
 * The Leadership Principle scorer: deterministic, explainable rules read from {@code config/rubric/}.
 * An answer is split into sentences, phrases from the rubric's word lists are matched once per real
 * sentence, and six dimensions (ownership, impact, principle fit, structure, specificity, concision)
 * are scored 0-4, weighted into 0-100 and capped where an answer games or dodges the question. The
 * feedback quotes the answer back so a candidate sees exactly which words to change. No model, no
 * network: the same answer always gets the same score, fast enough to run inline.
 */
package dev.drillbot.scoring.lp;
