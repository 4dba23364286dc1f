"""What the SQLite and PostgreSQL stores share: derived rows and portable SQL.

Both schemas have the same tables and columns (see the migrations), so
every query that is plain SQL lives here once, written with ``?``
placeholders; a backend supplies its connection, its transactions, the
full-text index and how it spells a few types.  Keeping one body of code
is what lets one contract suite hold both stores to the same behaviour.
"""

from __future__ import annotations

import copy
import json
from abc import abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol

from dragoman.model import Article, Span
from dragoman.model.corrections import apply_corrections
from dragoman.pipeline.runner import ErrorRecord, input_of
from dragoman.serialize import from_json, to_json
from dragoman.store._roles import SQLRoles
from dragoman.store._roles import date_columns as _date_columns
from dragoman.store.base import ArticleRow, EntityRow, MentionRow, SearchHit
from dragoman.store.search import (
    EntityRef,
    Term,
    article_entities,
    document_terms,
    locate,
    query_groups,
    snippet_hit,
)

_PAGE = 200  # rows fetched per round trip when streaming articles
# Extra full-text candidates read in case a match cannot be located again
# (it always can while index and text come from the same folding code).
_SPARE_CANDIDATES = 5


class Cursor(Protocol):
    """The part of a DB-API cursor both drivers share."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article the full-text index matched, before its offsets are found."""

    article_id: str
    title: str | None
    doc: str


def article_terms(article: Article) -> list[Term]:
    """Search terms of an article's body and of its entities' names; page chrome is not indexed."""
    entities = [
        EntityRef(e.canonical, e.qid, tuple(article.mentions[i].span for i in e.mentions)) for e in article.entities
    ]
    return document_terms(article.text, article.language, [b.span for b in article.boilerplate], entities)


def doc_terms(doc: dict[str, Any]) -> list[Term]:
    """``article_terms`` from the stored Article JSON, without building an Article."""
    skip = [Span(b["start"], b["end"]) for b in doc.get("boilerplate", [])]
    return document_terms(doc["text"], doc.get("language"), skip, article_entities(doc.get("entities", [])))


class SQLStore(SQLRoles):
    """Store protocol and every role (dragoman.store.roles) over a DB-API connection; subclasses fill in the dialect."""

    # -- dialect ---------------------------------------------------------
    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        """Run one statement written with ``?`` placeholders."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _write(self) -> AbstractContextManager[None]:
        """A write transaction: committed on success, rolled back on error."""

    @abstractmethod
    def _insert_article(self, row: Sequence[Any], terms: list[Term]) -> bool:
        """Insert the ``articles`` row (and its search terms) unless the id exists; True if inserted."""

    @abstractmethod
    def _delete_search(self, article_id: str) -> None: ...

    @abstractmethod
    def _search_candidates(self, groups: list[tuple[str, ...]], limit: int) -> list[Candidate]:
        """Articles holding, for every group, at least one of its terms; best first."""

    @abstractmethod
    def _replace_search(self, article_id: str, terms: list[Term]) -> None:
        """Replace the indexed terms of one stored article (a new revision, a new folding)."""

    @abstractmethod
    def migrate(self) -> None: ...

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    # what ``LIMIT ?`` takes to mean "no limit"
    _no_limit: Any = -1

    def _timestamp(self, when: datetime) -> Any:
        return when.isoformat(timespec="seconds")

    def _day(self, day: date | None) -> Any:
        return day.isoformat() if day else None

    def _flag(self, value: bool) -> Any:
        return int(value)

    def _json(self, obj: Any) -> Any:
        return json.dumps(obj, ensure_ascii=False)

    # -- writing ---------------------------------------------------------
    def put_article(self, article: Article, *, pipeline: str = "default") -> bool:
        if self.has_article(article.id):  # cheap early exit; the insert below still decides races
            return False
        if article.raw_bytes is not None:
            self.put_blob(article.raw_bytes)
        doc = to_json(article, embed_bytes=False)
        src = article.source
        row = (
            article.id,
            src.path,
            src.url,
            src.outlet,
            src.title,
            article.language,
            self._day(src.published),
            pipeline,
            self._timestamp(datetime.now(UTC)),
            json.dumps(doc, ensure_ascii=False),
        )
        terms = article_terms(article)
        with self._write():
            if not self._insert_article(row, terms):
                return False
            self._derive(article)
            # The input is stored now: an error it left in an earlier run no longer holds.
            self._execute("DELETE FROM errors WHERE input = ?", (input_of(article),))
        return True

    def _backfill(self) -> None:
        """Stores made before the query columns: give their event rows dates, order and roles."""
        stale = self._execute("SELECT DISTINCT article_id FROM events WHERE sort_key IS NULL").fetchall()
        for (article_id,) in stale:
            article = self.get_article(article_id, corrected=False)
            if article is not None:
                with self._write():
                    self._delete_derived(article_id)
                    self._derive(article)

    def _derive(self, article: Article) -> None:
        """The query rows of the current revision, with the corrections in force applied."""
        corrected = copy.deepcopy(article)
        apply_corrections(corrected, self._corrections_of(article.id))
        self._insert_layers(corrected, to_json(corrected, embed_bytes=False))

    def _insert_layers(self, a: Article, doc: dict[str, Any]) -> None:
        owner: dict[int, str] = {}
        counts: dict[str, list[Any]] = {}
        for e in a.entities:
            for i in e.mentions:
                owner.setdefault(i, e.id)
            if e.id in counts:  # one id twice in an article: keep one row, count every mention
                counts[e.id][5] += len(e.mentions)
            else:
                counts[e.id] = [a.id, e.id, e.canonical, e.qid, e.type.value, len(e.mentions)]
        self._executemany(
            "INSERT INTO entities (article_id, entity_id, canonical, qid, type, mentions) VALUES (?, ?, ?, ?, ?, ?)",
            list(counts.values()),
        )
        self._executemany(
            'INSERT INTO mentions (article_id, idx, entity_id, kb_id, type, kind, source, surface, head, start, "end", '
            "score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.id,
                    i,
                    owner.get(i),
                    m.kb_id,
                    m.type.value,
                    m.kind.value,
                    m.source,
                    a.span_text(m.span),
                    a.span_text(m.head) if m.head else None,
                    m.span.start,
                    m.span.end,
                    m.score,
                )
                for i, m in enumerate(a.mentions)
            ],
        )
        self._executemany(
            'INSERT INTO time_expressions (article_id, idx, surface, start, "end", value, granularity, relative, '
            "anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.id,
                    i,
                    a.span_text(t.span),
                    t.span.start,
                    t.span.end,
                    t.value,
                    t.granularity.value,
                    self._flag(t.relative),
                    t.anchor,
                )
                for i, t in enumerate(a.time_expressions)
            ],
        )
        self._executemany(
            "INSERT INTO events (article_id, event_id, type, status, date_value, data, date_start, date_end, sort_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [
                (a.id, ev.id, ev.type, ev.status.value, ev.date.value if ev.date else None, self._json(d),
                 *_date_columns(ev.date.value if ev.date else None, a.id, ev.id))
                for ev, d in zip(a.events, doc["events"], strict=True)
            ],
        )
        self._executemany(
            "INSERT INTO event_roles (article_id, event_id, role, entity_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [
                (a.id, ev.id, role, eid)
                for ev in a.events
                for role, ids in (("actor", ev.actors), ("recipient", ev.recipients), ("place", [ev.place]))
                for eid in ids
                if eid
            ],
        )
        self._executemany(
            'INSERT INTO quotes (article_id, quote_id, speaker, direct, start, "end", data) '
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [
                (a.id, q.id, q.speaker, self._flag(q.direct), q.span.start, q.span.end, self._json(d))
                for q, d in zip(a.quotes, doc["quotes"], strict=True)
            ],
        )
        self._executemany(
            "INSERT INTO claims (article_id, claim_id, claimant, data) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(a.id, c.id, c.claimant, self._json(d)) for c, d in zip(a.claims, doc["claims"], strict=True)],
        )

    def delete_article(self, article_id: str) -> bool:
        with self._write():
            self._delete_search(article_id)
            self._delete_derived(article_id)
            for table in ("revisions", "corpus_rows", "corrections"):
                self._execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            row = self._execute("SELECT sha256 FROM inputs WHERE article_id = ?", (article_id,)).fetchone()
            self._execute("DELETE FROM inputs WHERE article_id = ?", (article_id,))
            if row is not None and self._execute("SELECT 1 FROM inputs WHERE sha256 = ?", (row[0],)).fetchone() is None:
                self._execute("DELETE FROM blobs WHERE sha256 = ?", (row[0],))
            return self._execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0

    def _delete_derived(self, article_id: str) -> None:
        for table in ("entities", "mentions", "time_expressions", "events", "event_roles", "quotes", "claims"):
            self._execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))

    _UPSERT_ERROR = (
        "INSERT INTO errors (input, article_id, path, url, stage, kind, message, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (input) DO UPDATE SET article_id = excluded.article_id, "
        "path = excluded.path, url = excluded.url, stage = excluded.stage, kind = excluded.kind, "
        "message = excluded.message, at = excluded.at"
    )

    def put_error(self, error: ErrorRecord) -> bool:
        """Record why an input failed; one record per input, the latest reason kept.

        True when the input had no record yet.
        """
        row = (
            error.where,
            error.article_id,
            error.path,
            error.url,
            error.stage,
            error.kind,
            error.message,
            self._timestamp(datetime.now(UTC)),
        )
        with self._write():
            return self._upsert_error(row)

    def _upsert_error(self, row: Sequence[Any]) -> bool:
        # Inside _write(): SQLite's write lock is exclusive, so nothing happens between the two.
        had = self._execute("SELECT 1 FROM errors WHERE input = ?", (row[0],)).fetchone() is not None
        self._execute(self._UPSERT_ERROR, row)
        return not had

    # -- reading ---------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self._execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def get_article_json(self, article_id: str) -> dict[str, Any] | None:
        """The current revision as Article JSON v2, corrections applied, input bytes included."""
        article = self.get_article(article_id)
        return to_json(article) if article is not None else None

    def get_article(self, article_id: str, *, corrected: bool = True) -> Article | None:
        """The current revision; with the corrections in force applied unless ``corrected=False``."""
        row = self._execute("SELECT doc FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._load(row[0], corrected) if row else None

    def _load(self, doc_text: str, corrected: bool) -> Article:
        doc = json.loads(doc_text)
        sha = (doc.get("input") or {}).get("sha256")
        data = self.get_blob(sha) if sha and not (doc["input"].get("bytes")) else None
        article = from_json(doc, raw_bytes=data)
        if corrected:
            apply_corrections(article, self._corrections_of(article.id))
        return article

    def iter_articles(self) -> Iterator[Article]:
        # Keyset pages rather than one open cursor: a long iteration neither
        # holds a read transaction open nor blocks writers.
        last = -1
        while True:
            rows = self._execute(
                "SELECT seq, doc FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", (last, _PAGE)
            ).fetchall()
            for seq, doc in rows:
                last = seq
                yield self._load(doc, True)
            if len(rows) < _PAGE:
                return

    def count_articles(self) -> int:
        return int(self._execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def list_articles(
        self, *, limit: int | None = None, offset: int = 0, language: str | None = None
    ) -> list[ArticleRow]:
        where, params = ("WHERE language = ?", [language]) if language is not None else ("", [])
        sql = (
            "SELECT id, title, url, outlet, path, language, published, pipeline, stored_at "
            f"FROM articles {where} ORDER BY seq LIMIT ? OFFSET ?"
        )
        rows = self._execute(
            sql, (*params, limit if limit is not None else self._no_limit, offset)
        ).fetchall()
        return [
            ArticleRow(
                id=r[0],
                title=r[1],
                url=r[2],
                outlet=r[3],
                path=r[4],
                language=r[5],
                published=_iso(r[6]),
                pipeline=r[7],
                stored_at=_iso(r[8]) or "",
            )
            for r in rows
        ]

    def iter_errors(self) -> Iterator[ErrorRecord]:
        rows = self._execute(
            "SELECT article_id, path, url, stage, kind, message, input FROM errors ORDER BY at, input"
        ).fetchall()
        for r in rows:
            yield ErrorRecord(
                article_id=r[0], path=r[1], url=r[2], stage=r[3], kind=r[4], message=r[5], input=r[6]
            )

    def mentions(self, *, article_id: str | None = None, entity_id: str | None = None) -> list[MentionRow]:
        conds: list[str] = []
        params: list[Any] = []
        if article_id is not None:
            conds.append("m.article_id = ?")
            params.append(article_id)
        if entity_id is not None:
            conds.append("m.entity_id = ?")
            params.append(entity_id)
        where = f"WHERE {' AND '.join(conds)}" if conds else ""
        rows = self._execute(
            'SELECT m.article_id, m.idx, m.entity_id, m.kb_id, m.type, m.kind, m.surface, m.head, m.start, m."end" '
            f"FROM mentions m JOIN articles a ON a.id = m.article_id {where} ORDER BY a.seq, m.start, m.idx",
            params,
        ).fetchall()
        return [MentionRow(*r) for r in rows]

    def entity_table(self, *, limit: int | None = None) -> list[EntityRow]:
        rows = self._execute(
            "SELECT entity_id, MIN(canonical), MAX(qid), MIN(type), COUNT(*), SUM(mentions) FROM entities "
            "GROUP BY entity_id ORDER BY SUM(mentions) DESC, COUNT(*) DESC, entity_id LIMIT ?",
            (limit if limit is not None else self._no_limit,),
        ).fetchall()
        if not rows:
            return []
        forms: dict[str, list[str]] = {}
        # Surface forms without clitics when the stage marked the head, so
        # وأذربيجان and لأذربيجان both count as أذربيجان.
        for eid, form, _n in self._execute(
            "SELECT entity_id, COALESCE(head, surface) AS form, COUNT(*) AS n FROM mentions "
            "WHERE entity_id IS NOT NULL GROUP BY entity_id, COALESCE(head, surface) "
            "ORDER BY entity_id, n DESC, form"
        ).fetchall():
            forms.setdefault(eid, []).append(form)
        return [
            EntityRow(
                id=r[0],
                canonical=r[1],
                qid=r[2],
                type=r[3],
                articles=int(r[4]),
                mentions=int(r[5]),
                surface_forms=tuple(forms.get(r[0], ())),
            )
            for r in rows
        ]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        wanted = query_groups(query)
        if not wanted or limit <= 0:
            return []
        hits: list[SearchHit] = []
        for cand in self._search_candidates(wanted, limit + _SPARE_CANDIDATES):
            # Only what the index was built from is needed, not a full Article.
            doc = json.loads(cand.doc)
            span = locate(doc_terms(doc), wanted)
            if span is None:
                continue
            hits.append(_hit(cand, doc["text"], span))
            if len(hits) >= limit:
                break
        return hits

    def reindex_search(self) -> int:
        """Rebuild every article's search terms from its stored document (after the folding
        changed, see ``dragoman migrate``); the number of articles reindexed."""
        n = 0
        last = -1
        while True:
            rows = self._execute(
                "SELECT seq, id, doc FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", (last, _PAGE)
            ).fetchall()
            with self._write():
                for seq, article_id, doc in rows:
                    last = seq
                    self._replace_search(article_id, doc_terms(json.loads(doc)))
                    n += 1
            if len(rows) < _PAGE:
                return n


def _hit(cand: Candidate, text: str, span: Span) -> SearchHit:
    shown, a, b = snippet_hit(text, span)
    return SearchHit(
        article_id=cand.article_id,
        title=cand.title,
        snippet=shown,
        start=span.start,
        end=span.end,
        snippet_start=a,
        snippet_end=b,
    )


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
