"""A store held in memory: every role, no database (``memory://``; tests, notebooks, one-off runs).

It keeps Article JSON documents, not live objects, so what comes out is a
copy, exactly as from a database; the contract suites run on it beside
SQLite and PostgreSQL.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from dragoman.model import Article, Span
from dragoman.model.corrections import Correction, apply_corrections, current_value, effective
from dragoman.pipeline.runner import ErrorRecord, input_of
from dragoman.serialize import from_json, to_json
from dragoman.store._sql import article_terms
from dragoman.store.base import ArticleRow, EntityRow, MentionRow, SearchHit
from dragoman.store.queries import Counts, EntityDetail, EventQuery, EventRow, MemoryQueries, Page
from dragoman.store.roles import ContributionRow, RevisionRow, TokenRow
from dragoman.store.search import locate, query_groups, snippet_hit

__all__ = ["MemoryStore"]


@dataclass
class _Revision:
    number: int
    pipeline: str
    stored_at: str
    doc: dict[str, Any]  # Article JSON v2, input bytes kept apart


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _canonical(doc: dict[str, Any]) -> str:
    # A re-extraction that changes nothing, pipeline and models included, adds no revision.
    return json.dumps(doc, sort_keys=True, ensure_ascii=False)


class MemoryStore:
    def __init__(self, url: str = "memory://", *, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only  # nothing outlives the process, so there is nothing to protect
        self._blobs: dict[str, bytes] = {}
        self._inputs: dict[str, dict[str, Any]] = {}
        self._revisions: dict[str, list[_Revision]] = {}  # article id -> kept revisions, oldest first
        self._order: list[str] = []  # article ids in the order first stored
        self._errors: dict[str, ErrorRecord] = {}  # by input (ErrorRecord.where), the latest reason
        self._corpus: dict[str, dict[str, list[tuple[str, str, Any]]]] = {}  # table -> article -> rows
        self._state: dict[tuple[str, str], Any] = {}
        self._queries: MemoryQueries | None = None
        self._corrections: list[Correction] = []
        self._tokens: dict[str, tuple[str, TokenRow]] = {}  # name -> (digest, row)

    def __repr__(self) -> str:
        return f"MemoryStore({self.url!r})"

    # -- lifecycle ---------------------------------------------------------------------------------
    def migrate(self) -> None:
        return None

    def schema_version(self) -> int:
        return 0

    def close(self) -> None:
        return None

    # -- raw inputs --------------------------------------------------------------------------------
    def put_blob(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        self._blobs.setdefault(sha, bytes(data))
        return sha

    def get_blob(self, sha256: str) -> bytes | None:
        return self._blobs.get(sha256)

    def put_input(self, article: Article) -> None:
        if article.raw_bytes is None:
            raise ValueError(f"article {article.id} has no input bytes to keep")
        if article.id in self._inputs:
            return
        self.put_blob(article.raw_bytes)
        self._inputs[article.id] = to_json(article, embed_bytes=False)

    def get_input(self, article_id: str) -> Article | None:
        doc = self._inputs.get(article_id)
        if doc is None:
            return None
        return from_json(copy.deepcopy(doc), raw_bytes=self._blobs[doc["input"]["sha256"]])

    # -- articles and revisions --------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return article_id in self._revisions

    def put_article(self, article: Article, *, pipeline: str = "default") -> bool:
        if article.id in self._revisions:
            return False
        return self.put_revision(article, pipeline=pipeline) is not None

    def put_revision(self, article: Article, *, pipeline: str) -> int | None:
        if article.raw_bytes is not None:
            self.put_blob(article.raw_bytes)
        doc = to_json(article, embed_bytes=False)
        kept = self._revisions.get(article.id)
        if kept and _canonical(kept[-1].doc) == _canonical(doc):
            return None
        if kept is None:
            kept = self._revisions[article.id] = []
            self._order.append(article.id)
        number = kept[-1].number + 1 if kept else 1
        kept.append(_Revision(number, pipeline, _now(), doc))
        self._queries = None
        # Stored (again) without failing: an earlier failure of its input no longer holds.
        self._errors.pop(input_of(article), None)
        return number

    def _article(self, rev: _Revision) -> Article:
        sha = rev.doc["input"]["sha256"]
        return from_json(copy.deepcopy(rev.doc), raw_bytes=self._blobs.get(sha) if sha else None)

    def get_article(self, article_id: str, *, corrected: bool = True) -> Article | None:
        kept = self._revisions.get(article_id)
        if not kept:
            return None
        article = self._article(kept[-1])
        if corrected:
            apply_corrections(article, self.corrections(article_id=article_id))
        return article

    def get_article_json(self, article_id: str) -> dict[str, Any] | None:
        article = self.get_article(article_id)
        return to_json(article) if article is not None else None

    def get_revision(self, article_id: str, revision: int) -> Article | None:
        for rev in self._revisions.get(article_id, []):
            if rev.number == revision:
                return self._article(rev)
        return None

    def revisions(self, article_id: str) -> list[RevisionRow]:
        kept = self._revisions.get(article_id, [])
        return [
            RevisionRow(article_id, r.number, r.pipeline, r.stored_at, r is kept[-1]) for r in kept
        ]

    def prune_revisions(self, *, keep: int = 1) -> int:
        keep = max(1, keep)
        dropped = 0
        for kept in self._revisions.values():
            if len(kept) > keep:
                dropped += len(kept) - keep
                del kept[: len(kept) - keep]
        return dropped

    def iter_articles(self) -> Iterator[Article]:
        for article_id in list(self._order):
            article = self.get_article(article_id)
            if article is not None:
                yield article

    def count_articles(self) -> int:
        return len(self._revisions)

    def list_articles(
        self, *, limit: int | None = None, offset: int = 0, language: str | None = None
    ) -> list[ArticleRow]:
        rows = []
        for article_id in self._order:
            rev = self._revisions[article_id][0]
            doc = self._revisions[article_id][-1].doc
            if language is not None and doc["language"] != language:
                continue
            src = doc["source"]
            rows.append(
                ArticleRow(article_id, src["title"], src["url"], src["outlet"], src["path"], doc["language"],
                           doc["published"], rev.pipeline, rev.stored_at)
            )
        rows = rows[offset:]
        return rows if limit is None else rows[:limit]

    def delete_article(self, article_id: str) -> bool:
        if article_id not in self._revisions:
            return False
        del self._revisions[article_id]
        self._order.remove(article_id)
        for table in self._corpus.values():
            table.pop(article_id, None)
        self._queries = None
        return True

    # -- corrections -------------------------------------------------------------------------------
    def corrections(self, *, article_id: str | None = None) -> list[Correction]:
        return [c for c in self._corrections if article_id is None or c.article_id == article_id]

    def correct(self, article_id: str, target: str, field: str, after: Any, *, who: str, reason: str) -> Correction:
        article = self.get_article(article_id)
        if article is None:
            raise KeyError(f"no article {article_id}")
        probe = Correction(article_id, target, field, after)
        exists, before = current_value(article, probe.target, probe.field)
        if not exists:
            raise KeyError(f"article {article_id[:12]} has no {target}")
        return self._add(Correction(article_id, target, field, after, before, who, reason))

    def revert(self, correction_id: int, *, who: str, reason: str) -> Correction:
        c = next((c for c in self._corrections if c.id == correction_id), None)
        if c is None:
            raise KeyError(f"no correction {correction_id}")
        return self._add(Correction(c.article_id, c.target, c.field, c.before, c.after, who, reason, reverts=c.id))

    def _add(self, c: Correction) -> Correction:
        done = dataclasses.replace(c, id=len(self._corrections) + 1, at=_now())
        self._corrections.append(done)
        self._queries = None
        return done

    def orphaned_corrections(self, article_id: str) -> list[Correction]:
        article = self.get_article(article_id, corrected=False)
        if article is None:
            return []
        return [c for c in effective(self.corrections(article_id=article_id))
                if not current_value(article, c.target, c.field)[0]]

    # -- API tokens --------------------------------------------------------------------------------
    def add_token(self, name: str, digest: str) -> TokenRow:
        if name in self._tokens:
            raise ValueError(f"a token named {name!r} exists; revoke it first or choose another name")
        row = TokenRow(name, _now(), None)
        self._tokens[name] = (digest, row)
        return row

    def token_named(self, digest: str) -> str | None:
        for name, (known, row) in self._tokens.items():
            if known == digest:
                self._tokens[name] = (known, dataclasses.replace(row, last_used=_now()))
                return name
        return None

    def tokens(self) -> list[TokenRow]:
        return [row for _name, (_d, row) in sorted(self._tokens.items())]

    def revoke_token(self, name: str) -> bool:
        return self._tokens.pop(name, None) is not None

    # -- errors ------------------------------------------------------------------------------------
    def put_error(self, error: ErrorRecord) -> bool:
        new = error.where not in self._errors
        self._errors.pop(error.where, None)  # the latest reason, in the order of the latest failure
        self._errors[error.where] = error
        return new

    def iter_errors(self) -> Iterator[ErrorRecord]:
        yield from list(self._errors.values())

    # -- reading across articles -------------------------------------------------------------------
    def _q(self) -> MemoryQueries:
        if self._queries is None:
            self._queries = MemoryQueries(self.iter_articles())
        return self._queries

    def events(self, query: EventQuery) -> Page[EventRow]:
        return self._q().events(query)

    def entity_detail(self, entity_id: str) -> EntityDetail | None:
        return self._q().entity_detail(entity_id)

    def counts(self) -> Counts:
        return self._q().counts()

    def mentions(self, *, article_id: str | None = None, entity_id: str | None = None) -> list[MentionRow]:
        out = []
        for a in self.iter_articles():
            if article_id is not None and a.id != article_id:
                continue
            owner = {i: e.id for e in a.entities for i in e.mentions}
            rows = [
                MentionRow(a.id, i, owner.get(i), m.kb_id, m.type.value, m.kind.value, a.span_text(m.span),
                           a.span_text(m.head) if m.head else None, m.span.start, m.span.end)
                for i, m in enumerate(a.mentions)
            ]
            out += sorted(
                (r for r in rows if entity_id is None or r.entity_id == entity_id), key=lambda r: (r.start, r.index)
            )
        return out

    def entity_table(self, *, limit: int | None = None) -> list[EntityRow]:
        q = self._q()
        ids = {eid for a in self.iter_articles() for eid in (e.id for e in a.entities)}
        rows = [d.entity for eid in ids if (d := q.entity_detail(eid)) is not None]
        rows.sort(key=lambda r: (-r.mentions, -r.articles, r.id))
        return rows if limit is None else rows[:limit]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        wanted = query_groups(query)
        hits: list[SearchHit] = []
        if not wanted or limit <= 0:
            return hits
        for a in self.iter_articles():
            terms = article_terms(a)
            have = {t.term for t in terms}
            if not all(have.intersection(group) for group in wanted):
                continue
            span: Span | None = locate(terms, wanted)
            if span is not None:
                shown, x, y = snippet_hit(a.text, span)
                hits.append(SearchHit(a.id, a.source.title, shown, span.start, span.end, x, y))
            if len(hits) >= limit:
                break
        return hits

    # -- corpus tables -----------------------------------------------------------------------------
    def corpus_replace(self, table: str, article_id: str, rows: Iterable[tuple[str, str, Any]]) -> None:
        unique = {(g, k): v for g, k, v in rows}
        self._corpus.setdefault(table, {})[article_id] = [(g, k, v) for (g, k), v in unique.items()]

    def corpus_delete(self, table: str, article_id: str) -> None:
        self._corpus.get(table, {}).pop(article_id, None)

    def corpus_rows(
        self,
        table: str,
        *,
        article_ids: Iterable[str] | None = None,
        group: str | None = None,
        keys: Iterable[str] | None = None,
    ) -> list[ContributionRow]:
        ids = set(article_ids) if article_ids is not None else None
        wanted = set(keys) if keys is not None else None
        out = [
            ContributionRow(g, k, aid, copy.deepcopy(v))
            for aid, rows in self._corpus.get(table, {}).items()
            if ids is None or aid in ids
            for g, k, v in rows
            if (group is None or g == group) and (wanted is None or k in wanted)
        ]
        return sorted(out, key=lambda r: (r.group, r.key, r.article_id))

    def corpus_counts(self, table: str, group: str, keys: Iterable[str]) -> dict[str, int]:
        wanted = set(keys)
        counts: Counter[str] = Counter(
            k for rows in self._corpus.get(table, {}).values() for g, k, _ in rows if g == group and k in wanted
        )
        return dict(counts)

    def corpus_frequent(self, table: str, group: str, min_articles: int) -> set[str]:
        counts: Counter[str] = Counter(k for rows in self._corpus.get(table, {}).values() for g, k, _ in rows if g == group)
        return {k for k, n in counts.items() if n >= min_articles}

    def put_state(self, table: str, key: str, value: Any) -> None:
        if value is None:
            self._state.pop((table, key), None)
        else:
            self._state[(table, key)] = copy.deepcopy(value)

    def get_state(self, table: str, key: str) -> Any:
        return copy.deepcopy(self._state.get((table, key)))
