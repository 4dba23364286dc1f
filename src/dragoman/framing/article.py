"""The framing of one article: outlet, names, markers, sourcing and stance, as one pure function.

``frame_article`` reads only the article (its text and the layers the pipeline filled:
boilerplate, sentences, mentions, entities, quotes) plus the shipped data and models,
so the same article always gives the same result, whatever else is in the store.
That is what lets per-outlet aggregation be a corpus pass: per-article results are
combined by ``dragoman.framing.profile.merge``, in any order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dragoman.framing.markers import Marker, body_units, find_markers, lang_of, word_count
from dragoman.framing.naming import name_counts
from dragoman.framing.outlets import OutletMatch, OutletRegistry, identify_outlet
from dragoman.framing.sourcing import Sourcing, sourcing_profile
from dragoman.framing.stance import ArticleStance, Decision, Stance, article_stance, bias_label
from dragoman.framing.stance_model import StanceModel, load_model
from dragoman.model import Article, Span

__all__ = ["ArticleFraming", "frame_article"]

_UNSET: Any = object()


@dataclass(frozen=True, slots=True)
class ArticleFraming:
    article: str
    path: str | None
    text: str  # the article's text, so spans can be shown (never serialised whole)
    outlet: OutletMatch
    language: str | None
    words: int
    names: dict[str, dict[str, int]]
    markers: tuple[Marker, ...]
    sourcing: Sourcing
    stance: ArticleStance

    @property
    def bias(self) -> str:
        return bias_label(self.stance)

    def span(self, span: Span) -> dict[str, Any]:
        return {"start": span.start, "end": span.end, "text": self.text[span.start : span.end]}

    def _stance_json(self, st: Stance) -> dict[str, Any]:
        return {"label": st.label, "score": st.score, "evidence": [self.span(s) for s in st.evidence]}

    def to_json(self) -> dict[str, Any]:
        """One entry of ``articles`` in ``dragoman framing --format json`` (schema: framing-v1)."""
        return {
            "article": self.article,
            "path": self.path,
            "outlet": self.outlet.outlet,
            "outlet_registered": self.outlet.registered,
            "outlet_from": self.outlet.how,
            "outlet_evidence": self.span(self.outlet.evidence) if self.outlet.evidence else None,
            "language": self.language,
            "words": self.words,
            "bias": self.bias,
            "sides": {
                sid: {**self._stance_json(s.stance), "hostility": s.hostility, "favour": s.favour, "model": s.model}
                for sid, s in self.stance.sides.items()
            },
            "stance": {eid: self._stance_json(st) for eid, st in self.stance.entities.items()},
            "names": self.names,
            "markers": [
                {**self.span(m.span), "kind": m.kind, "gloss": m.gloss, "polarity": m.sign, "target": m.target}
                for m in self.markers
            ],
            "sourcing": self.sourcing.to_json(),
        }


def frame_article(
    article: Article,
    *,
    model: StanceModel | None = _UNSET,
    decision: Decision | None = None,
    registry: OutletRegistry | None = None,
    assume_relevant: bool = False,
) -> ArticleFraming:
    """Frame one annotated article (from ``dragoman.extract`` or the store).

    ``model`` defaults to the shipped stance model of the article's language (None: wording
    only); ``decision`` to the settings stored with that model.  ``assume_relevant`` makes
    the model read every body sentence, not only those that concern a side: for texts
    known to be about the conflict (the FIGNEWS posts), where a side is often implied.
    """
    lang = lang_of(article)
    if model is _UNSET:
        model = load_model(lang) if lang else None
    if decision is None:
        decision = Decision.from_meta(model.meta if model is not None else None)
    units = body_units(article)
    markers = find_markers(article, units)
    stance = article_stance(article, units, markers, model, decision, assume_relevant=assume_relevant)
    return ArticleFraming(
        article=article.id,
        path=article.source.path or article.source.url,
        text=article.text,
        outlet=identify_outlet(article, registry),
        language=article.language,
        words=word_count(article, units),
        names=name_counts(article),
        markers=tuple(markers),
        sourcing=sourcing_profile(article),
        stance=stance,
    )
