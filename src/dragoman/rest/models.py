"""Pydantic models of what the REST API returns and accepts: the OpenAPI document is generated from them.

They mirror the view models (dragoman.views) field for field, so an
endpoint returns ``view.to_dict()`` and FastAPI checks it against the model
on the way out; a view that drifts from its model fails the API tests, not
a client.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

T = TypeVar("T")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- shared -----------------------------------------------------------------------------------------
class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")


class SpanModel(BaseModel):
    start: int
    end: int


# -- articles -----------------------------------------------------------------------------------------
class ArticleRowModel(BaseModel):
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    path: str | None
    language: str | None
    published: str | None
    pipeline: str
    stored_at: str


class FieldModel(BaseModel):
    label: str
    value: str


class MarkModel(BaseModel):
    span: SpanModel
    classes: list[str]
    attrs: dict[str, str]
    rank: int


class SegmentModel(BaseModel):
    start: int
    end: int
    text: str
    marks: list[int]


class EvidenceModel(BaseModel):
    anchor: str
    text: str
    start: int
    end: int


class RowModel(BaseModel):
    id: str
    heading: str
    details: list[FieldModel]
    evidence: list[EvidenceModel]


class EntityLineModel(BaseModel):
    id: str
    canonical: str
    type: str
    qid: str | None
    qid_url: str | None
    count: int
    forms: list[str]


class TimeLineModel(BaseModel):
    text: str
    label: str
    start: int
    end: int


class ArticleViewModel(BaseModel):
    """An article as a reader sees it (dragoman.views.ArticleView), corrections applied."""

    id: str
    title: str
    dir: str
    lang: str
    url: str | None
    source_url: str | None
    meta: list[FieldModel]
    provided: list[str]
    text: str
    marks: list[MarkModel]
    segments: list[SegmentModel]
    entities: list[EntityLineModel]
    times: list[TimeLineModel]
    events: list[RowModel]
    quotes: list[RowModel]
    claims: list[RowModel]


# -- search -----------------------------------------------------------------------------------------
class SnippetPart(BaseModel):
    text: str
    hit: bool


class SearchHitModel(BaseModel):
    article_id: str
    title: str | None
    snippet: str
    start: int = Field(description="Offset of the match in the article's text.")
    end: int
    parts: list[SnippetPart] = Field(description="The snippet cut into plain-text pieces; `hit` marks the match.")


class SearchResults(BaseModel):
    query: str
    hits: list[SearchHitModel]


# -- entities -----------------------------------------------------------------------------------------
class EntityRowModel(BaseModel):
    id: str
    canonical: str
    qid: str | None
    type: str
    articles: int
    mentions: int
    surface_forms: list[str]


class MentionLineModel(BaseModel):
    article_id: str
    mention_index: int
    surface: str
    start: int
    end: int
    kind: str


class RoleLineModel(BaseModel):
    article_id: str
    event_id: str
    role: str
    type: str
    type_label: str
    status: str
    date: str | None


class QuoteLineModel(BaseModel):
    article_id: str
    quote_id: str
    text: str
    direct: bool


class EntityViewModel(BaseModel):
    id: str
    canonical: str
    qid: str | None
    qid_url: str | None
    type: str
    articles: int
    mention_count: int
    forms: list[str]
    mentions: list[MentionLineModel]
    roles: list[RoleLineModel]
    quotes: list[QuoteLineModel]


# -- events -----------------------------------------------------------------------------------------
class PartyModel(BaseModel):
    id: str
    name: str


class EvidenceLineModel(BaseModel):
    start: int
    end: int
    text: str


class EventLineModel(BaseModel):
    article_id: str
    article_title: str | None
    published: str | None
    language: str | None
    id: str
    type: str
    type_label: str
    status: str
    status_label: str
    actors: list[PartyModel]
    recipients: list[PartyModel]
    place: PartyModel | None
    date: str | None
    date_value: str | None
    evidence: list[EvidenceLineModel]


class EventPage(BaseModel):
    filters: dict[str, str]
    items: list[EventLineModel]
    next_cursor: str | None


class Facets(BaseModel):
    """Counts of the filtered rows per value of each facet; dates bucketed by ``by``."""

    by: Literal["day", "month", "year"]
    total: int
    facets: dict[str, dict[str, int]]


class EventFacets(BaseModel):
    """Counts of the filtered events per date bucket (by ``by``), type, status and actor (every value),
    with the English label of each type, status and actor."""

    by: Literal["day", "month", "year"]
    total: int
    facets: dict[str, dict[str, int]] = Field(description="date, type, status, actor -> value -> count.")
    labels: dict[str, dict[str, str]] = Field(description="type, status, actor -> value -> English label.")


class CountsModel(BaseModel):
    articles: int
    events: int
    entities: int
    mentions: int
    events_by_type: dict[str, int]
    events_by_status: dict[str, int]
    articles_by_language: dict[str, int]


# -- corrections -----------------------------------------------------------------------------------------
class CorrectionIn(Strict):
    """A correction of one fact of one article (see docs/desk.md for each field's value).

    The fact is named by ``kind`` and ``fact``, or by ``target`` (``"event:e-…"``) instead of both."""

    article_id: str = Field(min_length=1, max_length=128)
    kind: Literal["event", "quote", "claim", "mention"] | None = None
    fact: str | None = Field(None, min_length=1, max_length=200,
                             description="The fact's id: `e-…`, `q-…`, `c-…` or `m-…`.")
    target: str | None = Field(None, min_length=3, max_length=210, description="`kind:fact`, e.g. `event:e-3f…`.")
    field: str = Field(
        min_length=1, max_length=40,
        description="event: type, status, actors, recipients, date, place, deleted; quote: speaker, deleted; "
        "claim: claimant, deleted; mention: entity",
    )
    after: Any = Field(description="The new value (JSON); `true` with field `deleted` marks the fact wrong.")
    reason: str = Field(min_length=1, max_length=2000)

    @model_validator(mode="after")
    def _one_way_to_name_the_fact(self) -> CorrectionIn:
        if self.target is not None:
            kind, _, fact = self.target.partition(":")
            if self.kind is not None or self.fact is not None:
                raise ValueError("name the fact by target, or by kind and fact, not both")
            if kind not in ("event", "quote", "claim", "mention") or not fact:
                raise ValueError("target must be kind:id with kind event, quote, claim or mention")
            self.kind, self.fact = kind, fact  # type: ignore[assignment]
        elif self.kind is None or self.fact is None:
            raise ValueError("name the fact: kind and fact, or target")
        return self


class RevertIn(Strict):
    reason: str = Field(min_length=1, max_length=2000)


class CorrectionModel(BaseModel):
    id: int
    article_id: str
    target: str
    kind: str
    fact: str
    field: str
    before: Any = None
    after: Any = None
    who: str
    reason: str
    at: str
    reverts: int | None
    in_force: bool = Field(description="Not reverted and not superseded by a later correction of the same field.")
    orphaned: bool = Field(description="In force, but the article's current revision no longer has the fact.")


class CorrectionList(BaseModel):
    items: list[CorrectionModel]


# -- exports, ingest, tokens --------------------------------------------------------------------------------
class ExporterModel(BaseModel):
    name: str
    format: str
    media_type: str
    suffix: str
    doc: str


class IngestUrlsIn(Strict):
    urls: list[str] = Field(min_length=1, max_length=100)


class IngestError(BaseModel):
    input: str
    stage: str
    kind: str
    message: str


class IngestResult(BaseModel):
    seen: int
    stored: int
    skipped: int
    revised: int
    errors: list[IngestError]
    refused: list[IngestError] = Field(description="URLs the SSRF guard refused before any connection.")


# -- the corpus layer: merged events, stories, tracker --------------------------------------------------
# Field for field the bundled JSON Schemas (schema/events-v1, stories-v1, tracker-v1): an item of one of
# these lists is an item of the document `dragoman events|stories|tracker --format json` prints, so a client
# validates either against the same schema (tests/rest/test_corpus_api.py holds the two side by side).
class Closed(BaseModel):
    """A response object with exactly the schema's properties: FastAPI drops anything else on the way out."""

    model_config = ConfigDict(json_schema_extra={"additionalProperties": False})


Qid = Annotated[str, StringConstraints(pattern=r"^Q[0-9]+$")]
Day = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
Offset = Annotated[int, Field(ge=0)]


class PartyRef(Closed):
    id: str = Field(description="Entity id in the source article that names it (KB id or article-local id).")
    qid: Qid | None
    canonical: str = Field(description="English canonical name.")


class SpanText(Closed):
    start: Offset
    end: Offset
    text: str = Field(description="The article's text at [start, end).")


class MergedSourceModel(Closed):
    article: str
    path: str | None = Field(description="The input path as ingested, or the URL.")
    url: str | None
    outlet: str | None
    language: str | None
    published: str | None
    event: str = Field(description="The article-level event id (`GET /api/events?article_id=…`).")
    evidence: list[SpanText]


class SourcedValue(Closed):
    value: Any = Field(description="A value one or more sources give (a date, a status, a type, a list of names).")
    sources: list[Offset] = Field(min_length=1, description="Indices into the event's sources.")


class MergedDate(Closed):
    value: str = Field(description="ISO-8601 at its granularity: 2025-03 is a month.")
    granularity: Literal["day", "month", "season", "year", "range", "decade", "vague", "unresolved"]


class MergedEventModel(Closed):
    """One real-world event across articles and languages (events-v1): each source, every disagreement."""

    id: str = Field(pattern=r"^me-[0-9a-f]{16}$")
    type: str
    plover: str | None
    status: Literal["occurred", "planned", "talks", "conditional", "hypothetical", "negated"]
    actors: list[PartyRef]
    recipients: list[PartyRef]
    date: MergedDate | None
    disagreements: dict[str, Annotated[list[SourcedValue], Field(min_length=2)]] = Field(
        description="Attribute (date, status, type, actors, recipients) -> every value given, when sources conflict.")
    precursor_of: list[str] = Field(description="Realised merged events this prospective one announced.")
    story: str | None
    sources: list[MergedSourceModel] = Field(min_length=1)


class StoryArticleModel(Closed):
    article: str
    path: str | None = Field(description="The input path as ingested, or the URL.")
    language: str | None
    outlet: str | None
    published: str | None


class StoryModel(Closed):
    """Articles about the same story in any language, with an English title (stories-v1)."""

    id: str = Field(pattern=r"^st-[0-9a-f]{16}$")
    title: str
    articles: list[StoryArticleModel] = Field(min_length=1)
    events: list[str] = Field(description="Merged event ids (`GET /api/merged-events?story=…`).")
    first: str | None = Field(description="Earliest publication date of its articles.")
    last: str | None = Field(description="Latest publication date of its articles.")


TrackerStatus = Literal["member", "joined", "candidate", "talks", "conditional", "declined", "blocked",
                        "withdrawn", "mentioned"]


class TrackerActorModel(Closed):
    id: str = Field(description="KB id: agreement:…, country:XX.")
    qid: Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$")] | None
    canonical: str


class TrackerSourceModel(Closed):
    """A span of a stored article; for a documented membership article, start and end are null and
    path is kb/data/treaties.yaml, text the citation."""

    article: str | None
    path: str | None
    start: Offset | None
    end: Offset | None
    text: str


class TrackerConditionModel(Closed):
    gloss: str = Field(description="What the condition is, in English.")
    kind: Literal["precondition", "obstacle", "sanction", "waiver"]
    cited_by: list[str] = Field(description="Entity ids of those who cite it.")
    sources: list[TrackerSourceModel] = Field(min_length=1)


class TrackerHistoryModel(Closed):
    date: Day | None
    status: TrackerStatus
    sources: list[TrackerSourceModel] = Field(min_length=1)
    estimated: bool = Field(description="True when the date is only the dates stage's estimate of when its articles "
                                        "were published (no source gives the day).")


class TrackerReportedModel(Closed):
    status: TrackerStatus
    since: Day | None


class TrackerRowModel(Closed):
    """One state in one agreement (tracker-v1): status, since when, conditions cited, sources, history."""

    agreement: TrackerActorModel
    state: TrackerActorModel
    status: TrackerStatus
    since: Day | None
    reported: TrackerReportedModel | None = Field(
        description="The status and since-day the stored articles alone give (documented memberships left out); "
                    "null when no article gives one.")
    conditions: list[TrackerConditionModel]
    sources: list[TrackerSourceModel] = Field(min_length=1)
    history: list[TrackerHistoryModel] = Field(min_length=1)
