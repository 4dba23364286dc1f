"""PLOVER events (plus treaty/alignment extensions) with status, arguments and dates."""

from __future__ import annotations

from typing import ClassVar

from dragoman.events.extract import ArgumentMode, extract_events
from dragoman.model import Article
from dragoman.pipeline import BaseStage, StageSettings, register_stage


class EventsSettings(StageSettings):
    # "learned": the shipped argument model picks actors and recipients among the clause's
    # mentions (docs/models/arguments.md); "rules": the hand-written role rules alone.
    arguments: ArgumentMode = "learned"


@register_stage("dragoman.Events.v1", settings=EventsSettings)
class Events(BaseStage):
    """Code events in PLOVER from per-language trigger, status and argument data.

    Each trigger in a body sentence becomes an event whose status (occurred,
    planned, talks, conditional, hypothetical, negated) comes from cue words;
    whose actors and recipients the learned argument model picks among the
    linked mentions of its clause and neighbourhood, within the frame of its
    type (an agreement is never an actor), or, where no named party fits a
    slot, a described one of its clause ("a US official", "وفد مصري"; the
    ``described`` layer); whose evidence is its clause and
    whose date is the time expression governing that clause.  A restatement
    of an event is merged into it as a second evidence span.  ``arguments``
    = "rules" uses the hand-written role rules instead of the model.
    Languages without ``events.yaml`` pass through with no events.
    """

    requires: ClassVar[frozenset[str]] = frozenset(
        {"text", "language", "sentences", "tokens", "norm", "mentions", "entities", "described", "time_expressions"}
    )
    provides: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(self, settings: EventsSettings | None = None) -> None:
        super().__init__(settings or EventsSettings())
        self.settings: EventsSettings

    def __call__(self, article: Article) -> Article:
        lang = (article.language or "").split("-")[0].lower()
        article.events = extract_events(article, lang, self.settings.arguments) if lang else []
        return article
