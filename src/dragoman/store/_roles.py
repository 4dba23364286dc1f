"""The roles beyond storing articles, in portable SQL shared by SQLite and PostgreSQL.

Raw inputs, revisions, queries, corpus tables and corrections (see
dragoman.store.roles); ``SQLStore`` inherits them.  Every statement uses
``?`` placeholders and types both dialects read the same, like the rest of
dragoman.store._sql.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime
from typing import Any

from dragoman.model import Article
from dragoman.model.corrections import Correction, current_value, effective
from dragoman.model.timeline import interval
from dragoman.pipeline.runner import input_of
from dragoman.serialize import from_json, to_json
from dragoman.store.base import EntityRow, MentionRow
from dragoman.store.queries import (
    Counts,
    EntityDetail,
    EventQuery,
    EventRow,
    Evidence,
    Page,
    QuoteRow,
    RoleRow,
    decode_cursor,
    encode_cursor,
    event_sort_key,
)
from dragoman.store.roles import ContributionRow, RevisionRow, TokenRow
from dragoman.store.search import Term

__all__ = ["SQLRoles", "date_columns"]


def date_columns(value: str | None, article_id: str, event_id: str) -> tuple[str | None, str | None, str]:
    """(first day, last day, sort key) of an event's date for the events table."""
    span = interval(value)
    first = last = None
    if span is not None:
        first, last = span[0].isoformat(), span[1].isoformat()
    return first, last, event_sort_key(value, article_id, event_id)[0]


def _json_value(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class SQLRoles(ABC):
    # What SQLStore and the dialects provide.
    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _write(self) -> AbstractContextManager[None]: ...

    @abstractmethod
    def _json(self, obj: Any) -> Any: ...

    @abstractmethod
    def _timestamp(self, when: datetime) -> Any: ...

    def _bytes(self, data: bytes) -> Any:
        return data

    def _unjson(self, value: Any) -> Any:
        """A JSON column's value: SQLite hands back the text, PostgreSQL (JSONB) the decoded value."""
        return json.loads(value) if isinstance(value, str | bytes) else value

    @abstractmethod
    def _replace_search(self, article_id: str, terms: list[Term]) -> None: ...

    @abstractmethod
    def _derive(self, article: Article) -> None: ...

    @abstractmethod
    def _delete_derived(self, article_id: str) -> None: ...

    @abstractmethod
    def _load(self, doc_text: str, corrected: bool) -> Article: ...

    @abstractmethod
    def get_article(self, article_id: str, *, corrected: bool = True) -> Article | None: ...

    @abstractmethod
    def put_article(self, article: Article, *, pipeline: str = "default") -> bool: ...

    @abstractmethod
    def mentions(self, *, article_id: str | None = None, entity_id: str | None = None) -> list[MentionRow]: ...

    # -- raw inputs ------------------------------------------------------------------------------
    def put_blob(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        with self._write():
            self._execute(
                "INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                (sha, len(data), self._bytes(data)),
            )
        return sha

    def get_blob(self, sha256: str) -> bytes | None:
        row = self._execute("SELECT data FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
        return bytes(row[0]) if row else None

    def put_input(self, article: Article) -> None:
        if article.raw_bytes is None:
            raise ValueError(f"article {article.id} has no input bytes to keep")
        sha = self.put_blob(article.raw_bytes)
        doc = json.dumps(to_json(article, embed_bytes=False), ensure_ascii=False)
        with self._write():
            self._execute(
                "INSERT INTO inputs (article_id, sha256, doc, kept_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (article_id) DO NOTHING",
                (article.id, sha, doc, self._timestamp(_now())),
            )

    def get_input(self, article_id: str) -> Article | None:
        row = self._execute("SELECT sha256, doc FROM inputs WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return from_json(json.loads(row[1]), raw_bytes=self.get_blob(row[0]))

    # -- revisions -------------------------------------------------------------------------------
    def put_revision(self, article: Article, *, pipeline: str) -> int | None:
        if article.raw_bytes is not None:
            self.put_blob(article.raw_bytes)
        if self.put_article(article, pipeline=pipeline):
            return 1
        doc = to_json(article, embed_bytes=False)
        text = json.dumps(doc, ensure_ascii=False)
        from dragoman.store._sql import article_terms

        with self._write():
            cur = self._execute(
                "SELECT revision, pipeline, stored_at, doc FROM articles WHERE id = ?", (article.id,)
            ).fetchone()
            if json.loads(cur[3]) == json.loads(text):
                return None
            revision = int(cur[0]) + 1
            self._execute(
                "INSERT INTO revisions (article_id, revision, pipeline, stored_at, doc) VALUES (?, ?, ?, ?, ?)",
                (article.id, cur[0], cur[1], cur[2], cur[3]),
            )
            src = article.source
            self._execute(
                "UPDATE articles SET path = ?, url = ?, outlet = ?, title = ?, language = ?, published = ?, "
                "pipeline = ?, stored_at = ?, doc = ?, revision = ? WHERE id = ?",
                (src.path, src.url, src.outlet, src.title, article.language,
                 src.published.isoformat() if src.published else None, pipeline,
                 self._timestamp(_now()), text, revision, article.id),
            )
            self._replace_search(article.id, article_terms(article))
            self._delete_derived(article.id)
            self._derive(article)
            # Extracted again without failing: an earlier failure of its input no longer holds.
            self._execute("DELETE FROM errors WHERE input = ?", (input_of(article),))
        return revision

    def revisions(self, article_id: str) -> list[RevisionRow]:
        old = self._execute(
            "SELECT revision, pipeline, stored_at FROM revisions WHERE article_id = ? ORDER BY revision", (article_id,)
        ).fetchall()
        cur = self._execute("SELECT revision, pipeline, stored_at FROM articles WHERE id = ?", (article_id,)).fetchone()
        rows = [RevisionRow(article_id, int(r[0]), r[1], _iso(r[2]), False) for r in old]
        if cur is not None:
            rows.append(RevisionRow(article_id, int(cur[0]), cur[1], _iso(cur[2]), True))
        return rows

    def get_revision(self, article_id: str, revision: int) -> Article | None:
        row = self._execute(
            "SELECT doc FROM articles WHERE id = ? AND revision = ?", (article_id, revision)
        ).fetchone() or self._execute(
            "SELECT doc FROM revisions WHERE article_id = ? AND revision = ?", (article_id, revision)
        ).fetchone()
        return self._load(row[0], False) if row else None

    def prune_revisions(self, *, keep: int = 1) -> int:
        # The current revision lives in ``articles``: keeping k means k - 1 older ones here.
        older = max(0, keep - 1)
        with self._write():
            cur = self._execute(
                "DELETE FROM revisions WHERE revision <= (SELECT a.revision FROM articles a "
                "WHERE a.id = revisions.article_id) - 1 - ?",
                (older,),
            )
            return int(cur.rowcount)

    # -- corpus tables ---------------------------------------------------------------------------
    def corpus_replace(self, table: str, article_id: str, rows: Iterable[tuple[str, str, Any]]) -> None:
        unique = {(g, k): v for g, k, v in rows}
        with self._write():
            self._execute("DELETE FROM corpus_rows WHERE tbl = ? AND article_id = ?", (table, article_id))
            self._executemany(
                'INSERT INTO corpus_rows (tbl, grp, "key", article_id, "value") VALUES (?, ?, ?, ?, ?)',
                [(table, g, k, article_id, self._json(v)) for (g, k), v in unique.items()],
            )

    def corpus_delete(self, table: str, article_id: str) -> None:
        with self._write():
            self._execute("DELETE FROM corpus_rows WHERE tbl = ? AND article_id = ?", (table, article_id))

    def corpus_rows(
        self,
        table: str,
        *,
        article_ids: Iterable[str] | None = None,
        group: str | None = None,
        keys: Iterable[str] | None = None,
    ) -> list[ContributionRow]:
        conds, params = ["tbl = ?"], [table]
        for column, values in (("article_id", article_ids), ('"key"', keys)):
            if values is not None:
                values = list(values)
                if not values:
                    return []
                conds.append(f"{column} IN ({', '.join('?' * len(values))})")
                params += values
        if group is not None:
            conds.append("grp = ?")
            params.append(group)
        rows = self._execute(
            f'SELECT grp, "key", article_id, "value" FROM corpus_rows WHERE {" AND ".join(conds)} '
            'ORDER BY grp, "key", article_id',
            params,
        ).fetchall()
        return [ContributionRow(r[0], r[1], r[2], self._unjson(r[3])) for r in rows]

    def corpus_counts(self, table: str, group: str, keys: Iterable[str]) -> dict[str, int]:
        wanted = list(keys)
        if not wanted:
            return {}
        rows = self._execute(
            f'SELECT "key", COUNT(*) FROM corpus_rows WHERE tbl = ? AND grp = ? AND "key" IN '
            f'({", ".join("?" * len(wanted))}) GROUP BY "key"',
            [table, group, *wanted],
        ).fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def corpus_frequent(self, table: str, group: str, min_articles: int) -> set[str]:
        rows = self._execute(
            'SELECT "key" FROM corpus_rows WHERE tbl = ? AND grp = ? GROUP BY "key" HAVING COUNT(*) >= ?',
            (table, group, min_articles),
        ).fetchall()
        return {r[0] for r in rows}

    def put_state(self, table: str, key: str, value: Any) -> None:
        with self._write():
            self._execute('DELETE FROM corpus_state WHERE tbl = ? AND "key" = ?', (table, key))
            if value is not None:
                self._execute(
                    'INSERT INTO corpus_state (tbl, "key", "value") VALUES (?, ?, ?)', (table, key, self._json(value))
                )

    def get_state(self, table: str, key: str) -> Any:
        row = self._execute('SELECT "value" FROM corpus_state WHERE tbl = ? AND "key" = ?', (table, key)).fetchone()
        return self._unjson(row[0]) if row else None

    # -- corrections -----------------------------------------------------------------------------
    def _corrections_of(self, article_id: str) -> list[Correction]:
        return self.corrections(article_id=article_id)

    def corrections(self, *, article_id: str | None = None) -> list[Correction]:
        """Every correction (reverts included), oldest first."""
        where, params = ("WHERE article_id = ?", [article_id]) if article_id is not None else ("", [])
        rows = self._execute(
            f'SELECT seq, article_id, target, field, "before", "after", who, at, reason, reverts FROM corrections '
            f"{where} ORDER BY seq",
            params,
        ).fetchall()
        return [
            Correction(
                article_id=r[1], target=r[2], field=r[3], before=self._unjson(r[4]), after=self._unjson(r[5]),
                who=r[6], at=_iso(r[7]), reason=r[8], id=int(r[0]), reverts=r[9],
            )
            for r in rows
        ]

    def correct(self, article_id: str, target: str, field: str, after: Any, *, who: str, reason: str) -> Correction:
        """Record a correction of the current revision (``before`` is what it shows now); it applies at once."""
        article = self.get_article(article_id)
        if article is None:
            raise KeyError(f"no article {article_id}")
        probe = Correction(article_id, target, field, after)  # validates target and field
        exists, before = current_value(article, probe.target, probe.field)
        if not exists:
            raise KeyError(f"article {article_id[:12]} has no {target}")
        return self._add_correction(Correction(article_id, target, field, after, before, who, reason))

    def revert(self, correction_id: int, *, who: str, reason: str) -> Correction:
        """Cancel a correction by adding one that reverts it (the history keeps both)."""
        row = self._execute(
            'SELECT article_id, target, field, "after", "before" FROM corrections WHERE seq = ?', (correction_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no correction {correction_id}")
        undo = Correction(row[0], row[1], row[2], self._unjson(row[4]), self._unjson(row[3]), who, reason,
                          reverts=correction_id)
        return self._add_correction(undo)

    def _add_correction(self, c: Correction) -> Correction:
        at = _now()
        with self._write():
            self._execute(
                'INSERT INTO corrections (article_id, target, field, "before", "after", who, at, reason, reverts) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (c.article_id, c.target, c.field, self._json(c.before), self._json(c.after), c.who,
                 self._timestamp(at), c.reason, c.reverts),
            )
            seq = self._execute(
                "SELECT MAX(seq) FROM corrections WHERE article_id = ? AND target = ?", (c.article_id, c.target)
            ).fetchone()[0]
            current = self.get_article(c.article_id, corrected=False)
            if current is not None:  # the query rows follow the correction at once
                self._delete_derived(c.article_id)
                self._derive(current)
        return Correction(c.article_id, c.target, c.field, c.after, c.before, c.who, c.reason,
                          _iso(at), int(seq), c.reverts)

    def orphaned_corrections(self, article_id: str) -> list[Correction]:
        """Corrections in force whose fact the current revision no longer has (reported, never dropped)."""
        article = self.get_article(article_id, corrected=False)
        if article is None:
            return []
        return [c for c in effective(self.corrections(article_id=article_id))
                if not current_value(article, c.target, c.field)[0]]

    # -- API tokens ------------------------------------------------------------------------------
    def add_token(self, name: str, digest: str) -> TokenRow:
        at = _now()
        with self._write():
            if self._execute("SELECT 1 FROM api_tokens WHERE name = ?", (name,)).fetchone() is not None:
                raise ValueError(f"a token named {name!r} exists; revoke it first or choose another name")
            self._execute(
                "INSERT INTO api_tokens (name, digest, created_at) VALUES (?, ?, ?)",
                (name, digest, self._timestamp(at)),
            )
        return TokenRow(name, _iso(at), None)

    def token_named(self, digest: str) -> str | None:
        row = self._execute("SELECT name FROM api_tokens WHERE digest = ?", (digest,)).fetchone()
        if row is None:
            return None
        if not getattr(self, "read_only", False):
            with self._write():
                self._execute("UPDATE api_tokens SET last_used = ? WHERE name = ?", (self._timestamp(_now()), row[0]))
        return str(row[0])

    def tokens(self) -> list[TokenRow]:
        rows = self._execute("SELECT name, created_at, last_used FROM api_tokens ORDER BY name").fetchall()
        return [TokenRow(r[0], _iso(r[1]), _iso(r[2]) if r[2] is not None else None) for r in rows]

    def revoke_token(self, name: str) -> bool:
        with self._write():
            return int(self._execute("DELETE FROM api_tokens WHERE name = ?", (name,)).rowcount) > 0

    # -- queries ---------------------------------------------------------------------------------
    def events(self, query: EventQuery) -> Page[EventRow]:
        conds: list[str] = []
        params: list[Any] = []
        for column, value in (("e.type", query.type), ("e.status", query.status), ("e.article_id", query.article_id)):
            if value is not None:
                conds.append(f"{column} = ?")
                params.append(value)
        for role, entity in (("actor", query.actor), ("recipient", query.recipient)):
            if entity is not None:
                conds.append(
                    "EXISTS (SELECT 1 FROM event_roles r WHERE r.article_id = e.article_id AND r.event_id = e.event_id "
                    "AND r.role = ? AND r.entity_id = ?)"
                )
                params += [role, entity]
        if query.date_from is not None:
            conds.append("e.date_end >= ?")
            params.append(query.date_from.isoformat())
        if query.date_to is not None:
            conds.append("e.date_start <= ?")
            params.append(query.date_to.isoformat())
        if query.cursor is not None:
            key = decode_cursor(query.cursor)
            conds.append("(e.sort_key > ? OR (e.sort_key = ? AND (e.article_id > ? OR (e.article_id = ? AND e.event_id > ?))))")
            params += [key[0], key[0], key[1], key[1], key[2]]
        where = f"WHERE {' AND '.join(conds)}" if conds else ""
        rows = self._execute(
            "SELECT e.article_id, e.event_id, e.sort_key, e.data, a.title, a.published, a.language "
            f"FROM events e JOIN articles a ON a.id = e.article_id {where} "
            "ORDER BY e.sort_key, e.article_id, e.event_id LIMIT ?",
            [*params, query.limit + 1],
        ).fetchall()
        page = rows[: query.limit]
        names = self._names({(r[0], i) for r in page for i in _ids(_json_value(r[3]))})
        items = [_event_row(r, names) for r in page]
        more = len(rows) > query.limit
        return Page(items, encode_cursor((page[-1][2], page[-1][0], page[-1][1])) if more and page else None)

    def _names(self, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
        out: dict[tuple[str, str], str] = {}
        by_article: dict[str, list[str]] = {}
        for aid, eid in pairs:
            by_article.setdefault(aid, []).append(eid)
        for aid, eids in by_article.items():
            rows = self._execute(
                f"SELECT entity_id, canonical FROM entities WHERE article_id = ? AND entity_id IN "
                f"({', '.join('?' * len(eids))})",
                [aid, *eids],
            ).fetchall()
            out.update({(aid, r[0]): r[1] for r in rows})
            described = [e for e in eids if e.startswith("described:") and (aid, e) not in out]
            if described:  # a described actor ("a senior US official") is named by its gloss, kept in the doc
                row = self._execute("SELECT doc FROM articles WHERE id = ?", (aid,)).fetchone()
                doc = _json_value(row[0]) if row else {}
                out.update({(aid, d["id"]): d["gloss"] for d in doc.get("described", []) if d["id"] in described})
        return out

    def entity_detail(self, entity_id: str) -> EntityDetail | None:
        row = self._execute(
            "SELECT MIN(canonical), MAX(qid), MIN(type), COUNT(*), SUM(mentions) FROM entities WHERE entity_id = ?",
            (entity_id,),
        ).fetchone()
        if row is None or not row[3]:
            return None
        forms = [
            r[0]
            for r in self._execute(
                "SELECT COALESCE(head, surface) AS form, COUNT(*) AS n FROM mentions WHERE entity_id = ? "
                "GROUP BY COALESCE(head, surface) ORDER BY n DESC, form",
                (entity_id,),
            ).fetchall()
        ]
        entity = EntityRow(entity_id, row[0], row[1], row[2], int(row[3]), int(row[4]), tuple(forms))
        roles = [
            RoleRow(r[0], r[1], r[2], r[3], r[4], r[5], (_json_value(r[6]).get("date") or {}).get("granularity"))
            for r in self._execute(
                "SELECT r.article_id, r.event_id, r.role, e.type, e.status, e.date_value, e.data FROM event_roles r "
                "JOIN events e ON e.article_id = r.article_id AND e.event_id = r.event_id WHERE r.entity_id = ? "
                "ORDER BY e.sort_key, e.article_id, e.event_id, r.role",
                (entity_id,),
            ).fetchall()
        ]
        quotes = [
            QuoteRow(r[0], r[1], r[2], bool(r[3]), int(r[4]), int(r[5]), _json_value(r[6])["text"])
            for r in self._execute(
                'SELECT q.article_id, q.quote_id, q.speaker, q.direct, q.start, q."end", q.data FROM quotes q '
                "JOIN articles a ON a.id = q.article_id WHERE q.speaker = ? ORDER BY a.seq, q.start",
                (entity_id,),
            ).fetchall()
        ]
        return EntityDetail(entity, self.mentions(entity_id=entity_id), roles, quotes)

    def counts(self) -> Counts:
        def one(sql: str) -> int:
            return int(self._execute(sql).fetchone()[0] or 0)

        def grouped(sql: str) -> dict[str, int]:
            return {str(k or ""): int(n) for k, n in self._execute(sql).fetchall()}

        return Counts(
            articles=one("SELECT COUNT(*) FROM articles"),
            events=one("SELECT COUNT(*) FROM events"),
            entities=one("SELECT COUNT(DISTINCT entity_id) FROM entities"),
            mentions=one("SELECT COUNT(*) FROM mentions"),
            events_by_type=grouped("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY type"),
            events_by_status=grouped("SELECT status, COUNT(*) FROM events GROUP BY status ORDER BY status"),
            articles_by_language=grouped(
                "SELECT COALESCE(language, ''), COUNT(*) FROM articles GROUP BY COALESCE(language, '') "
                "ORDER BY COALESCE(language, '')"
            ),
        )


def _ids(data: dict[str, Any]) -> list[str]:
    return [*data.get("actors", []), *data.get("recipients", []), *([data["place"]] if data.get("place") else [])]


def _event_row(r: Sequence[Any], names: dict[tuple[str, str], str]) -> EventRow:
    d = _json_value(r[3])
    ids = list(dict.fromkeys(_ids(d)))
    date_ = d.get("date") or {}
    return EventRow(
        article_id=r[0],
        event_id=r[1],
        type=d["type"],
        mode=d.get("mode"),
        status=d["status"],
        actors=tuple(d.get("actors", [])),
        recipients=tuple(d.get("recipients", [])),
        place=d.get("place"),
        date_value=date_.get("value"),
        date_granularity=date_.get("granularity"),
        evidence=tuple(Evidence(x["start"], x["end"], x["text"]) for x in d.get("evidence", [])),
        names=tuple((i, names[(r[0], i)]) for i in ids if (r[0], i) in names),
        title=r[4],
        published=_iso(r[5]) if r[5] is not None else None,
        language=r[6],
    )

