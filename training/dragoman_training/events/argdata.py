"""The project's own annotated sentences for the argument model (``training/args/<lang>.yaml``).

Each file holds news-style sentences the project wrote itself, in one
language, with the events of each sentence and their arguments written as
the surfaces that name them::

    language: en
    sentences:
      - text: "Iran and Oman held talks in Muscat on Sunday."
        events:
          - {trigger: "held talks", type: CONSULT, actors: ["Iran", "Oman"]}
          - {trigger: "met", type: CONSULT, actors: ["the Omani minister"], recipients: ["Araghchi"]}

* ``trigger``: the trigger words as written (the first occurrence, or the
  ``nth`` one); ``type``: its PLOVER type or extension code;
* ``actors`` / ``recipients``: surfaces of the text (the occurrence nearest
  the trigger is meant); empty recipients mean the event has none;
  an unnamed party written as a description ("two Gulf sources") is listed
  like a name.

The schema below validates a file; ``tests/events/test_argdata.py`` checks
every surface occurs in its sentence.  Nothing here comes from the dev set
or from the gold datasets: the sentences are the project's own writing.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from dragoman.events.plover import is_known

REPO = Path(__file__).resolve().parents[3]
DATA_DIR = REPO / "training" / "args"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AnnotatedEvent(_Strict):
    trigger: str
    nth: int = Field(default=1, ge=1)
    type: str
    actors: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known(self) -> AnnotatedEvent:
        if not is_known(self.type):
            raise ValueError(f"unknown event code {self.type!r}")
        return self


class AnnotatedSentence(_Strict):
    text: str
    events: list[AnnotatedEvent]

    @model_validator(mode="after")
    def _surfaces(self) -> AnnotatedSentence:
        for ev in self.events:
            for s in (ev.trigger, *ev.actors, *ev.recipients):
                if s not in self.text:
                    raise ValueError(f"{s!r} does not occur in {self.text!r}")
            if self.text.count(ev.trigger) < ev.nth:
                raise ValueError(f"trigger {ev.trigger!r} occurs fewer than {ev.nth} times in {self.text!r}")
        return self


class AnnotatedFile(_Strict):
    description: str = ""
    language: str
    sentences: list[AnnotatedSentence]


def load(path: Path) -> AnnotatedFile:
    return AnnotatedFile.model_validate(yaml.safe_load(path.read_text("utf-8")))


def load_all(root: Path = DATA_DIR) -> dict[str, AnnotatedFile]:
    """Every ``<lang>.yaml`` under ``root``, by language (empty when the folder is absent)."""
    if not root.is_dir():
        return {}
    files = {p.stem: load(p) for p in sorted(root.glob("*.yaml"))}
    for stem, f in files.items():
        if f.language != stem:
            raise ValueError(f"{stem}.yaml declares language {f.language!r}")
    return files


def trigger_span(sent: AnnotatedSentence, ev: AnnotatedEvent) -> tuple[int, int]:
    """Character offsets of the ``nth`` occurrence of the trigger."""
    at = -1
    for _ in range(ev.nth):
        at = sent.text.index(ev.trigger, at + 1)
    return at, at + len(ev.trigger)


def surface_span(text: str, surface: str, near: tuple[int, int]) -> tuple[int, int]:
    """The occurrence of ``surface`` nearest the trigger span ``near``."""
    best: tuple[int, int] | None = None
    at = text.find(surface)
    while at >= 0:
        d = max(0, near[0] - (at + len(surface)), at - near[1])
        if best is None or d < best[0]:
            best = (d, at)
        at = text.find(surface, at + 1)
    assert best is not None, f"{surface!r} not in text"
    return best[1], best[1] + len(surface)
