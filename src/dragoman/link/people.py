"""People of one article: fuzzy surname clusters, lone surnames, untagged repeats."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import Levenshtein

from dragoman.kb.names import skeleton
from dragoman.link.rules import PROPAGATED, Rules
from dragoman.link.words import (
    MIN_SURNAME,
    fold,
    prefix_length,
    prefixed_folds,
    stem_folds,
    surname_keys,
    words_of,
)
from dragoman.model import Article, EntityType, Mention, Span
from dragoman.text import normalize


class People:
    """Local people of one article by their folded given name and surname, for fuzzy matching."""

    def __init__(self, threshold: float, lang: str) -> None:
        self.threshold = threshold
        self.lang = lang
        self.names: dict[str, list[tuple[str, str]]] = defaultdict(list)  # eid -> [(given, surname)]

    def add(self, eid: str, words: list[str]) -> None:
        if len(words) > 1:  # only full names anchor variants: a lone word may be the tagger's noise
            entry = (fold(words[0], self.lang), fold(words[-1], self.lang))
            if entry not in self.names[eid]:
                self.names[eid].append(entry)

    def closest(self, words: list[str], exclude: str | None = None) -> str | None:
        """The one person whose surname is nearest, if near enough and no other is as near."""
        if not words:
            return None
        given = fold(words[0], self.lang) if len(words) > 1 else None
        surnames = [f for f in stem_folds(normalize(words[-1]).text, self.lang)]
        best: dict[str, float] = {}
        for eid, names in self.names.items():
            if eid == exclude:
                continue
            for g, sur in names:
                if given is not None and Levenshtein.normalized_similarity(given, g) < self.threshold:
                    continue  # brothers share a surname, not a first name
                for f in surnames:
                    sim = Levenshtein.normalized_similarity(f, sur)
                    if sim >= self.threshold and sim > best.get(eid, 0.0):
                        best[eid] = sim
        return unique_best(best)


def unique_best(scores: dict[str, float]) -> str | None:
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None  # two people equally close: leave the variant alone
    return ranked[0][0]


def to_present_people(
    article: Article,
    assigned: dict[int, str],
    lang: str,
    people: People,
    kb_people: dict[str, list[list[str]]],
) -> None:
    """A lone unknown surname joins a person the article already names, KB or local.

    "יועץ הנשיא האזרי" resolves to Hikmet Hajiyev; a later "חגיייב", spelled
    unlike any KB form, has his surname's key and joins him.  Only people
    present in the article are candidates, so a common key cannot pull in a
    stranger.
    """
    by_key: dict[str, set[str]] = defaultdict(set)
    for pid in kb_people:
        for key in surname_keys().get(pid, ()):
            by_key[key].add(pid)
        for name in kb_people[pid]:
            people.add(pid, name)
    for i, eid in list(assigned.items()):
        m = article.mentions[i]
        if not eid.startswith("local:") or m.type is not EntityType.PERSON:
            continue
        words = words_of(article, m.head or m.span)
        if len(words) != 1:
            continue
        ids = by_key.get(skeleton(words[0], lang), set())
        target = next(iter(ids)) if len(ids) == 1 else people.closest(words, exclude=eid)
        if target is not None:
            assigned[i] = target


def propagate(
    article: Article, norms: list[str], assigned: dict[int, str], lang: str, rules: Rules, people: People
) -> None:
    """Add the untagged occurrences of the article's people's surnames as mentions.

    Taggers find a name once and miss its repetitions, more so when the
    writer spells it differently each time (موشيشفيلي, موشياشفيلي,
    موشاشفيلي).  A token not inside any mention whose clitic-stripped,
    folded form is near one person's surname (and no other's) is that
    person; a preceding given name joins the mention.
    """
    if not people.names:
        return
    by_first: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for pid, names in people.names.items():
        for given, sur in names:
            if len(sur) >= MIN_SURNAME:
                by_first[sur[0]].append((pid, given, sur))
    toks = article.tokens
    covered = article.covered_tokens()
    # Per folded word, the people it may spell and the clitic cut for each: a word an article
    # repeats is compared with the surnames once (the readings depend on the word alone).
    readings: dict[str, tuple[dict[str, float], dict[str, int]]] = {}
    for t, tok in enumerate(toks):
        if covered[t]:
            continue
        n = norms[t]
        # A frequent word is not a rare spelling of a name; this also keeps the loop cheap.
        if len(n) < MIN_SURNAME or n in rules.stop or rules.freq.get(n, 0) >= rules.stem:
            continue
        hit = readings.get(n)
        if hit is None:
            best: dict[str, float] = {}
            cut_of: dict[str, int] = {}
            for prefix, f in prefixed_folds(n, lang):
                if rules.freq.get(n[len(prefix) :], 0) >= rules.stem:
                    continue  # والثلاثة: a frequent word behind a clitic is that word, whatever the tagger said
                for cand, _given, sur in by_first.get(f[:1], ()):
                    sim = Levenshtein.normalized_similarity(f, sur, score_cutoff=people.threshold)
                    if sim >= people.threshold and sim > best.get(cand, 0.0):
                        best[cand], cut_of[cand] = sim, len(prefix)
            hit = readings[n] = (best, cut_of)
        best, cut_of = hit
        if not best:  # most words spell no one's surname: nothing to rank
            continue
        eid = unique_best(best)
        if eid is None or article.in_boilerplate(tok):
            continue
        cut = prefix_length(article.span_text(tok), (n[: cut_of[eid]],)) if cut_of[eid] else 0
        span, head = tok, (Span(tok.start + cut, tok.end) if cut else None)
        if t and not covered[t - 1]:
            prev = toks[t - 1]
            g = fold(article.span_text(prev), lang)
            if any(
                Levenshtein.normalized_similarity(g, given) >= people.threshold
                for given, _ in people.names[eid]
            ):
                span, head = Span(prev.start, tok.end), None  # the full name, "חיכמת חגיייב"
                covered[t - 1] = True
        covered[t] = True
        kb_id = None if eid.startswith("local:") else eid
        article.mentions.append(
            Mention(
                span, EntityType.PERSON, source=PROPAGATED, kb_id=kb_id, head=head, score=round(best[eid], 4)
            )
        )
        assigned[len(article.mentions) - 1] = eid
