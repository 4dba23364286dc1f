"""Statistical named-entity mentions from the shipped CRF taggers."""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from typing import ClassVar, Literal

from pydantic import Field

from dragoman.model import NEWS_CHROME, Article, Mention, Span
from dragoman.ner import neural, proper, tagger
from dragoman.ner.consistency import Consistency, propagate
from dragoman.pipeline import BaseStage, StageSettings, register_stage
from dragoman.pipeline.versions import file_digest


class NerSettings(StageSettings):
    # Mentions whose mean label marginal is below this are dropped; the
    # linker weighs the rest by ``Mention.score``.
    min_score: float = Field(default=0.0, ge=0.0, le=1.0)
    # Languages to tag (those without a shipped model are always skipped).
    languages: tuple[str, ...] = ("ar", "he")
    # "crf": the fast default. "neural": a BiLSTM-CRF over multilingual-e5-small states, several
    # F1 points better on the gold benchmarks but roughly a hundred times slower (the
    # ``accurate`` pipeline uses it; see docs/models/).
    model: Literal["crf", "neural"] = "crf"
    # Document-level consistency: a name tagged with at least this mean marginal somewhere in
    # the article labels its untagged repeats elsewhere in it (see dragoman.ner.consistency).
    # None (the default pipeline's setting) turns the pass off; the accurate pipeline sets 0.8,
    # the threshold chosen on the development splits.
    consistency: float | None = Field(default=None, ge=0.0, le=1.0)
    # Languages without a statistical model whose capitalised names are tagged by rule
    # (dragoman.ner.proper and lang/<code>/proper.yaml).
    proper_nouns: tuple[str, ...] = ("en",)


@cache
def _weights_digest(model: str, lang: str) -> str:
    """The digest of a language's weights, asked for every article: resolving the packaged file's
    path through importlib.resources costs more than the rest of the provenance (``file_digest``
    itself is memoised per path, so a process never saw a changed file anyway)."""
    impl = neural if model == "neural" else tagger
    return file_digest(impl.model_path(lang))


@register_stage("dragoman.NER.v1", settings=NerSettings)
class Ner(BaseStage):
    """Tag each body sentence with the language's NER model and append ``source="ner"`` mentions.

    ``model`` picks the fast CRF (default) or the neural tagger of the ``accurate`` pipeline.

    Runs on ``Article.tokens`` sentence by sentence, skipping sentences in
    boilerplate (but not photo captions, which name who is pictured); then ``consistency`` carries the names tagged confidently in
    one sentence to their untagged repeats in others (with proclitics: إسرائيل
    found once makes لإسرائيل a mention too).  Other stages (the gazetteer)
    append mentions too; merging is the linker's job, so only an exact
    duplicate (same span and type) is left out here.  Languages with no model
    pass through untouched.
    """

    requires: ClassVar[frozenset[str]] = frozenset({"text", "language", "sentences", "tokens", "boilerplate"})
    provides: ClassVar[frozenset[str]] = frozenset({"mentions"})

    def __init__(self, settings: NerSettings | None = None) -> None:
        super().__init__(settings or NerSettings())
        self.settings: NerSettings

    def versions(self, article: Article) -> dict[str, str]:
        """The weights this article was tagged with (none for a language without a model)."""
        lang = (article.language or "").split("-")[0].lower()
        impl = neural if self.settings.model == "neural" else tagger
        if lang not in self.settings.languages or not impl.has_model(lang):
            return {}
        return {f"ner.{lang}": f"{self.settings.model}:{_weights_digest(self.settings.model, lang)}"}

    def __call__(self, article: Article) -> Article:
        lang = (article.language or "").split("-")[0].lower()
        impl = neural if self.settings.model == "neural" else tagger
        if lang in self.settings.proper_nouns and proper.has_rules(lang):
            return self._proper(article, lang)
        if lang not in self.settings.languages or not impl.has_model(lang):
            return article
        impl.get_tagger(lang)  # open the weights before the loop, so a missing file fails once
        seen = {(m.span, m.type) for m in article.mentions}
        sentences = [toks for _sent, toks in article.sentence_tokens(keep=NEWS_CHROME)]
        words = [[article.text[t.start : t.end] for t in toks] for toks in sentences]
        found = [impl.tag_spans(w, lang) for w in words]
        if self.settings.consistency is not None:
            # Names an earlier stage matched (the knowledge base's) are not carried over.
            covered, starts = article.covered_tokens(), [t.start for t in article.tokens]
            known = [
                covered[(lo := bisect_left(starts, toks[0].start)) : lo + len(toks)] for toks in sentences
            ]
            found = propagate(words, found, lang, Consistency(threshold=self.settings.consistency), known)
        for toks, hits in zip(sentences, found, strict=True):
            for hit in hits:
                if hit.score < self.settings.min_score:
                    continue
                span = Span(toks[hit.start].start, toks[hit.end - 1].end)
                if (span, hit.type) in seen:
                    continue
                seen.add((span, hit.type))
                article.mentions.append(
                    Mention(span=span, type=hit.type, source="ner", kb_id=None, score=round(hit.score, 4))
                )
        return article

    def _proper(self, article: Article, lang: str) -> Article:
        """Capitalised names by rule; tokens a knowledge-base name covers are known to it."""
        covered, starts = article.covered_tokens(), [t.start for t in article.tokens]
        seen = {(m.span, m.type) for m in article.mentions}
        for _sent, toks in article.sentence_tokens(keep=NEWS_CHROME):
            lo = bisect_left(starts, toks[0].start)
            words = [article.text[t.start : t.end] for t in toks]
            for hit in proper.tag_spans(words, lang, covered[lo : lo + len(toks)]):
                span = Span(toks[hit.start].start, toks[hit.end - 1].end)
                if hit.score < self.settings.min_score or (span, hit.type) in seen:
                    continue
                seen.add((span, hit.type))
                article.mentions.append(
                    Mention(span=span, type=hit.type, source="ner", kb_id=None, score=hit.score)
                )
        return article
