"""Knowledge-base mentions: longest match of KB names over the normalised tokens."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress, pairwise
from typing import ClassVar

from dragoman.kb.index import AliasIndex, IndexEntry, alias_index
from dragoman.kb.loader import load_kb
from dragoman.model import Article, EntityType, Mention, MentionKind, Span
from dragoman.pipeline import BaseStage, StageSettings, register_stage
from dragoman.pipeline.versions import package_data_digest
from dragoman.text import normalize, tokenize
from dragoman.text.morph import splits
from dragoman.text.normalize import FORMAT_CHARS

_NO_FORMAT = dict.fromkeys(map(ord, FORMAT_CHARS))


class GazetteerSettings(StageSettings):
    # Role titles ("the Azerbaijani president") become TITLE mentions for the linker to resolve.
    titles: bool = True
    # Also match knowledge-base names in the chrome that names a story's sources: datelines
    # ("BEIRUT (Reuters) —"), photo captions and credits, bylines, embedded posts, mastheads.
    chrome_names: bool = True


# Chrome that says who reported, photographed or is pictured: names there are the story's
# sources and actors. Menus, related links and comments name other stories and are skipped.
SOURCE_CHROME = frozenset({"dateline", "caption", "byline", "embed", "masthead"})


@dataclass(slots=True)
class _Match:
    start: int  # token index
    length: int
    prefix: str
    entry: IndexEntry
    stripped_suffix: int = 0  # characters of a possessive cut from the last token

    @property
    def end(self) -> int:
        return self.start + self.length


@register_stage("dragoman.Gazetteer.v1", settings=GazetteerSettings)
class Gazetteer(BaseStage):
    """Append ``source="gazetteer"`` mentions of KB actors, countries, nisbas, metonyms and titles.

    Matching runs on ``Article.norm`` token by token: the first token of a
    name may carry clitics or prefix letters (وبالولايات، לנתניהו), which
    ``dragoman.text.morph`` strips; the longest name wins and a mention's
    ``head`` excludes the prefix.  Ambiguous short forms and blocked phrases
    come from ``lang/data/<code>/gazetteer.yaml``; boilerplate is skipped.
    A name several actors share is resolved by who was in office on
    ``Article.source.published`` (given, or found by the dates stage, which
    runs before this one).
    """

    requires: ClassVar[frozenset[str]] = frozenset({"text", "norm", "tokens", "language", "boilerplate"})
    provides: ClassVar[frozenset[str]] = frozenset({"mentions"})
    # The publication date, when there is one, must be known before names are resolved to office holders.
    uses: ClassVar[frozenset[str]] = frozenset({"published"})

    def __init__(self, settings: GazetteerSettings | None = None) -> None:
        super().__init__(settings or GazetteerSettings())
        self.settings: GazetteerSettings
        self.kb = load_kb()

    def versions(self, article: Article) -> dict[str, str]:
        return {"kb": package_data_digest("dragoman.kb", "data")}

    def __call__(self, article: Article) -> Article:
        lang = (article.language or "").split("-")[0].lower()
        if not lang or not article.tokens:
            return article
        idx = alias_index(lang)
        norm, offsets = article.norm, article.norm_offsets
        if norm is None or offsets is None:
            n = normalize(article.text)
            norm, offsets = n.text, n.offsets
        toks = _body_tokens(article)
        if self.settings.chrome_names:
            toks = _with_source_chrome(article, toks)
        if not toks:
            return article
        if len(norm) == len(article.text):  # nothing was removed: offsets are the identity
            ntoks = [norm[t.start : t.end] for t in toks]
        else:
            ntoks = [norm[bisect_left(offsets, t.start) : bisect_left(offsets, t.end)] for t in toks]
        text = article.text
        if idx.marked and any(c in text for c in idx.kept_marks):  # "عمّان" is Amman, never Oman
            ntoks = [idx.text_token(text[t.start : t.end], n) for t, n in zip(toks, ntoks, strict=True)]
        joinable = _joinable_gaps(text, toks)
        blocked = _blocked(idx, ntoks, joinable, lang)
        matches = _match(idx, article.text, toks, ntoks, joinable, blocked, offsets)
        matches = self._foreign_qualified(matches, joinable)
        matches += _places_in_events(idx, text, toks, ntoks, joinable, offsets, matches)
        seen = {(m.span, m.kb_id) for m in article.mentions}
        day = article.source.published_for_titles()
        for m, extra in _with_titles(idx, matches, ntoks, joinable, self.settings.titles):
            e = m.entry
            first, last = toks[m.start], toks[m.end - 1]
            span_start = toks[min(m.start, extra.start)].start if extra else first.start
            span_end = toks[max(m.end, extra.end) - 1].end if extra else last.end
            n0 = bisect_left(offsets, first.start)
            head_start = offsets[min(n0 + len(m.prefix), len(offsets) - 1)]
            head_end = last.end - m.stripped_suffix
            if e.kind is MentionKind.TITLE:
                of = extra.entry.kb_ids[0] if extra else e.default_of
                kb_id = f"role:{e.role}@{of}"
            else:
                kb_id = self.kb.choose(list(e.kb_ids), day)
            span = Span(span_start, span_end)
            if (span, kb_id) in seen:
                continue
            seen.add((span, kb_id))
            head = Span(head_start, max(head_start, head_end))
            article.mentions.append(
                Mention(span=span, type=e.type, kind=e.kind, source="gazetteer", kb_id=kb_id, head=head)
            )
        for span, head in _institutions(idx, toks, ntoks, joinable, matches, lang):
            article.mentions.append(Mention(span=span, type=EntityType.ORG, source="gazetteer", head=head))
        return article

    def _foreign_qualified(self, matches: list[_Match], joinable: list[bool]) -> list[_Match]:
        """Drop a national body's generic name qualified by another state.

        "משרד החוץ" alone is Israel's foreign ministry in Hebrew news, but
        "משרד החוץ האיראני" is Iran's: the state adjective right after the name
        says whose body it is, so the name is not the KB's (the tagger may still
        find the whole phrase as a name of its own). A state's own name there is
        no qualifier but the next party ("اتهمت السلطة الفلسطينية إسرائيل").
        """
        out: list[_Match] = []
        for k, m in enumerate(matches):
            nxt = matches[k + 1] if k + 1 < len(matches) else None
            if (
                nxt is not None
                and m.entry.kind is MentionKind.NAME
                and m.entry.type is EntityType.ORG
                and nxt.start == m.end
                and joinable[m.end - 1]
            ):
                state = _state(nxt) if nxt.entry.kind is MentionKind.NISBA else None
                owners = {self.kb.records[i].country for i in m.entry.kb_ids if i in self.kb.records}
                if (
                    state is not None
                    and len(owners) == 1
                    and None not in owners
                    and f"country:{owners.pop()}" not in state.entry.kb_ids
                ):
                    continue
            out.append(m)
        return out


def _institutions(
    idx: AliasIndex,
    toks: list[Span],
    ntoks: list[str],
    joinable: list[bool],
    matches: list[_Match],
    lang: str,
) -> list[tuple[Span, Span]]:
    """A state's institution named by a head noun and the state's adjective: "مجلس النواب البحريني".

    The phrase is an organisation of its own (no KB id: the linker names it
    locally); the adjective inside keeps its own mention of the state.  Only
    a few words may stand between head and adjective, on one line.
    """
    if not idx.institution_heads:
        return []
    out: list[tuple[Span, Span]] = []
    taken: set[int] = {
        k for m in matches for k in range(m.start, m.end) if m.entry.kind is not MentionKind.NISBA
    }
    for m in matches:
        if m.entry.kind is not MentionKind.NISBA or _state(m) is None:
            continue
        for i in range(m.start - 1, max(-1, m.start - 2 - idx.institution_words), -1):
            if i in taken or not joinable[i]:
                break
            cut = next((len(p) for p, stem in splits(ntoks[i], lang) if stem in idx.institution_heads), None)
            if cut is None:
                continue
            head_start = toks[i].start + cut if cut <= toks[i].end - toks[i].start else toks[i].start
            out.append((Span(toks[i].start, toks[m.end - 1].end), Span(head_start, toks[m.end - 1].end)))
            break
    return out


def _places_in_events(
    idx: AliasIndex,
    text: str,
    toks: list[Span],
    ntoks: list[str],
    joinable: list[bool],
    offsets: list[int],
    matches: list[_Match],
) -> list[_Match]:
    """The place inside an event's name ("המלחמה בעזה", "war in Gaza") is a mention of its own."""
    out: list[_Match] = []
    for m in matches:
        if m.entry.type is not EntityType.EVENT or m.length < 2:
            continue
        lo = m.start + 1
        for sub in _match(
            idx, text, toks[lo : m.end], ntoks[lo : m.end], joinable[lo : m.end], set(), offsets
        ):
            if sub.entry.type in (EntityType.GPE, EntityType.PLACE) and sub.entry.kind is MentionKind.NAME:
                sub.start += lo
                out.append(sub)
    return out


def _with_source_chrome(article: Article, toks: list[Span]) -> list[Span]:
    """Body tokens plus the tokens of datelines, captions, bylines and the like, in text order."""
    extra = [
        Span(b.span.start + t.start, b.span.start + t.end)
        for b in article.boilerplate
        if b.reason in SOURCE_CHROME
        for t in tokenize(article.text[b.span.start : b.span.end])
    ]
    return sorted(toks + extra, key=_start) if extra else toks


def _start(span: Span) -> int:
    return span.start


def _body_tokens(article: Article) -> list[Span]:
    """Tokens outside boilerplate, in one sweep (both lists are in text order)."""
    if not article.boilerplate:
        return article.tokens
    blocks = sorted((b.span for b in article.boilerplate), key=lambda s: s.start)
    toks = article.tokens
    # The sentences stage tokenises only the body, so usually no token touches a block:
    # a bisection per block (a few dozen) settles that before a sweep over every token.
    if not any(_touches(toks, b) for b in blocks):
        return toks
    out: list[Span] = []
    k = 0
    for t in article.tokens:
        while k < len(blocks) and blocks[k].end <= t.start:
            k += 1
        if k < len(blocks) and blocks[k].start < t.end:
            continue  # overlaps the current block
        out.append(t)
    return out


def _touches(toks: list[Span], block: Span) -> bool:
    """Does a token overlap ``block``? (Tokens in text order, not overlapping one another.)"""
    i = bisect_right(toks, block.start, key=_end)  # the first token ending after the block starts
    return i < len(toks) and toks[i].start < block.end


def _end(span: Span) -> int:
    return span.end


def _joinable_gaps(text: str, toks: list[Span]) -> list[bool]:
    """``_joinable`` between each token and the next (False after the last), common gaps inline."""
    out: list[bool] = []
    for left, right in pairwise(toks):
        a, b = left.end, right.start
        if b == a:
            out.append(True)
        elif b == a + 1:
            out.append(text[a] == " ")
        else:
            out.append(_joinable(text, a, b))
    out.append(False)
    return out


def _joinable(text: str, a: int, b: int) -> bool:
    """Two tokens can belong to one name: only spaces between them, no line break."""
    if b == a + 1:
        return text[a] == " "
    gap = text[a:b]
    return len(gap) <= 3 and "\n" not in gap and gap.strip() == ""


def _seq_ok(joinable: list[bool], start: int, length: int) -> bool:
    return all(joinable[k] for k in range(start, start + length - 1))


def _blocked(idx: AliasIndex, ntoks: list[str], joinable: list[bool], lang: str) -> set[int]:
    out: set[int] = set()
    if not idx.blocked:
        return out
    firsts = idx.blocked_firsts
    for i, tok in enumerate(ntoks):
        if tok[-2:] not in firsts:  # cheap filter before enumerating prefix readings
            continue
        stems = {stem for _, stem in splits(tok, lang)}
        for phrase in idx.blocked:
            n = len(phrase)
            if (
                phrase[0] in stems
                and i + n <= len(ntoks)
                and _seq_ok(joinable, i, n)
                and tuple(ntoks[i + 1 : i + n]) == phrase[1:]
            ):
                out.update(range(i, i + n))
    return out


def _match(
    idx: AliasIndex,
    text: str,
    toks: list[Span],
    ntoks: list[str],
    joinable: list[bool],
    blocked: set[int],
    offsets: list[int],
) -> list[_Match]:
    out: list[_Match] = []
    # Each token's readings that start an indexed name, looked up in one pass (memoised per word);
    # only the few tokens with one are visited, left to right, each match skipping the tokens it covers.
    readings = list(map(idx.forms, ntoks))
    end = 0
    for i in compress(range(len(ntoks)), readings):
        if i < end or i in blocked:
            continue
        best: _Match | None = None
        for prefix, stem in readings[i]:
            for e in idx.by_first[stem]:
                length = len(e.tokens)
                if best is not None and length <= best.length:
                    break
                m = _try(idx, text, toks, ntoks, joinable, blocked, offsets, i, prefix, stem, e)
                if m is not None:
                    best = m
                    break
        if best is None or _inside_org_name(idx, ntoks, joinable, best):
            continue
        if best.entry.kind is MentionKind.METONYM and _locative(idx, ntoks, joinable, best):
            city = idx.city_reading.get(best.entry.tokens)
            if city is not None:
                best.entry = city
        out.append(best)
        end = best.end
    return out


def _inside_org_name(idx: AliasIndex, ntoks: list[str], joinable: list[bool], m: _Match) -> bool:
    """A place right after a club word ("הפועל ירושלים") is part of the club's name."""
    if not idx.org_words or m.start == 0 or not joinable[m.start - 1]:
        return False
    if m.entry.type not in (EntityType.GPE, EntityType.PLACE):
        return False
    return any(stem in idx.org_words for _, stem in splits(ntoks[m.start - 1], idx.lang))


def _locative(idx: AliasIndex, ntoks: list[str], joinable: list[bool], m: _Match) -> bool:
    """Whether a capital is where something happens rather than who acts ("في باكو", "בבאקו")."""
    if m.prefix and m.prefix in idx.locative_prefixes:
        return True
    return m.start > 0 and joinable[m.start - 1] and ntoks[m.start - 1] in idx.locative_words


def _try(
    idx: AliasIndex,
    text: str,
    toks: list[Span],
    ntoks: list[str],
    joinable: list[bool],
    blocked: set[int],
    offsets: list[int],
    i: int,
    prefix: str,
    stem: str,
    e: IndexEntry,
) -> _Match | None:
    length = len(e.tokens)
    if i + length > len(ntoks):
        return None
    # Cheapest rejection first: most candidates fail on the next word.
    if length > 1:
        rest = e.tokens[1:]
        got = tuple(ntoks[i + 1 : i + length])
        if got != rest and not (got[:-1] == rest[:-1] and idx.token_matches(rest[-1], got[-1], last=True)):
            return None
    elif stem != e.tokens[0] and not idx.token_matches(e.tokens[0], stem, last=True):
        return None
    if e.tokens in idx.ambiguous or not _seq_ok(joinable, i, length):
        return None
    if blocked and any(k in blocked for k in range(i + 1, i + length)):
        return None
    words = [stem, *ntoks[i + 1 : i + length]]
    # A possessive cut from the last word ("Azerbaijan's"); never negative (لل + ولايات).
    last = words[-1] if length > 1 else ntoks[i][len(prefix) :]
    suffix = max(0, len(last) - len(e.tokens[-1]))
    head_start = offsets[bisect_left(offsets, toks[i].start) + len(prefix)] if prefix else toks[i].start
    if e.exact is not None:
        raw = [text[head_start : toks[i].end], *(text[t.start : t.end] for t in toks[i + 1 : i + length])]
        # Case-sensitive forms are compared as written, but a bidi mark beside "US" is not writing.
        raw = [w.translate(_NO_FORMAT) for w in raw]
        raw[-1] = raw[-1][: len(raw[-1]) - suffix] if suffix else raw[-1]
        if tuple(raw) != e.exact:
            return None
    elif idx.require_capital and e.kind is not MentionKind.TITLE:
        first = text[head_start]
        if first.isalpha() and not first.isupper():
            return None
    return _Match(i, length, prefix, e, suffix)


def _with_titles(
    idx: AliasIndex, matches: list[_Match], ntoks: list[str], joinable: list[bool], enabled: bool
) -> list[tuple[_Match, _Match | None]]:
    """Pair each title with the state that qualifies it; drop titles that name none."""
    by_start = {m.start: m for m in matches}
    by_end = {m.end: m for m in matches}
    out: list[tuple[_Match, _Match | None]] = []
    for m in matches:
        if m.entry.kind is not MentionKind.TITLE:
            out.append((m, None))
            continue
        if not enabled:
            continue
        extra: _Match | None = None
        if idx.modifier in ("after", "both") and joinable[m.end - 1]:
            j = m.end
            for conn in idx.connectors:
                if tuple(ntoks[j : j + len(conn)]) == conn and _seq_ok(joinable, j - 1, len(conn) + 2):
                    j += len(conn)
                    break
            extra = _state(by_start.get(j))
            if extra is not None and extra.entry.kind is MentionKind.NAME and j == m.end and _definite(idx, m):
                # "الرئيس روسيا": a definite title takes no state's name in construct (with "של", "of"
                # between, "שר החוץ של עומאן", it does)
                extra = None
        if extra is None and idx.modifier in ("before", "both") and m.start > 0 and joinable[m.start - 1]:
            extra = _state(by_end.get(m.start))
        if extra is None and m.entry.default_of is None:
            continue
        out.append((m, extra))
    return out


def _definite(idx: AliasIndex, m: _Match) -> bool:
    """Whether a title ends in a definite word ("الرئيس", "والرئيس", "שר החוץ"), never in construct."""
    defs = idx.title_definite
    if not defs:
        return False
    last = m.entry.tokens[-1]
    return (last.startswith(defs) and len(last) > 3) or (m.length == 1 and m.prefix.endswith(defs))


def _state(m: _Match | None) -> _Match | None:
    if m is None or m.entry.kind not in (MentionKind.NAME, MentionKind.NISBA):
        return None
    return m if m.entry.kb_ids and m.entry.kb_ids[0].startswith("country:") else None
