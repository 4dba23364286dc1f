"""The stores' schema, written once for SQLite and PostgreSQL: every migration, in order.

Each table is declared with portable column types and rendered to each
dialect's DDL (``render``), so a schema change is one edit here, not two
hand-kept SQL files that drift.  Where the dialects genuinely differ (the
full-text index: an FTS5 table in SQLite, a ``tsvector`` column in
PostgreSQL), the step says so explicitly with ``Dialect`` and one text per
dialect.  Migrations 1 and 2 are the schema the first release's SQL files
created (``0001_initial``, ``0002_errors_by_input``); stores that have them
skip them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["MIGRATIONS", "Column", "Dialect", "Index", "Step", "Table", "render"]

# Portable type -> (SQLite, PostgreSQL)
_TYPES = {
    "text": ("TEXT", "TEXT"),
    "int": ("INTEGER", "INTEGER"),
    "real": ("REAL", "DOUBLE PRECISION"),
    "bool": ("INTEGER", "BOOLEAN"),
    "json": ("TEXT", "JSONB"),
    "timestamp": ("TEXT", "TIMESTAMPTZ"),
    "date": ("TEXT", "DATE"),
    "bytes": ("BLOB", "BYTEA"),
    "rowid": ("INTEGER PRIMARY KEY", "BIGSERIAL UNIQUE"),  # an insertion-order key
    "tsvector": ("", "TSVECTOR"),  # PostgreSQL only
}
DIALECTS = ("sqlite", "postgres")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool = False
    unique: bool = False
    references: str | None = None  # "articles (id)": rows go with their article
    default: str | None = None  # an SQL literal both dialects read the same

    def sql(self, dialect: str) -> str:
        parts = [_quote(self.name), _TYPES[self.type][DIALECTS.index(dialect)]]
        if self.not_null:
            parts.append("NOT NULL")
        if self.default is not None:
            parts.append(f"DEFAULT {self.default}")
        if self.unique:
            parts.append("UNIQUE")
        if self.references:
            parts.append(f"REFERENCES {self.references} ON DELETE CASCADE")
        return " ".join(parts)


@dataclass(frozen=True)
class Index:
    name: str
    table: str
    columns: tuple[str, ...]
    unique: bool = False

    def sql(self, dialect: str) -> list[str]:
        kind = "UNIQUE INDEX" if self.unique else "INDEX"
        cols = ", ".join(_quote(c) for c in self.columns)
        return [f"CREATE {kind} {self.name} ON {self.table} ({cols})"]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    # Dialect-specific extra columns (PostgreSQL's tsvector search column).
    extra: dict[str, tuple[Column, ...]] = field(default_factory=dict)

    def sql(self, dialect: str) -> list[str]:
        cols = [c.sql(dialect) for c in (*self.columns, *self.extra.get(dialect, ()))]
        if self.primary_key:
            cols.append(f"PRIMARY KEY ({', '.join(_quote(c) for c in self.primary_key)})")
        return [f"CREATE TABLE {self.name} (\n    " + ",\n    ".join(cols) + "\n)"]


@dataclass(frozen=True)
class AddColumn:
    table: str
    column: Column

    def sql(self, dialect: str) -> list[str]:
        return [f"ALTER TABLE {self.table} ADD COLUMN {self.column.sql(dialect)}"]


@dataclass(frozen=True)
class Dialect:
    """A step the dialects do differently; each text is that dialect's SQL."""

    sqlite: str
    postgres: str

    def sql(self, dialect: str) -> list[str]:
        text = self.sqlite if dialect == "sqlite" else self.postgres
        return [text] if text else []


Step = Table | Index | AddColumn | Dialect


def _quote(name: str) -> str:
    return f'"{name}"' if name in {"end", "key", "value", "group", "before", "after"} else name


def render(steps: tuple[Step, ...], dialect: str) -> str:
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}")
    return "".join(stmt + ";\n" for step in steps for stmt in step.sql(dialect))


def _article_fk(name: str = "article_id") -> Column:
    return Column(name, "text", not_null=True, references="articles (id)")


# -- migration 1: the first release's schema ---------------------------------------------------
_INITIAL: tuple[Step, ...] = (
    # Articles as Article JSON plus the columns people filter and sort on; ``id`` (the content
    # hash) is unique at the database, which makes concurrent re-ingestion idempotent.
    Table(
        "articles",
        (
            Column("seq", "rowid"),
            Column("id", "text", not_null=True, unique=True),
            Column("path", "text"),
            Column("url", "text"),
            Column("outlet", "text"),
            Column("title", "text"),
            Column("language", "text"),
            Column("published", "date"),
            Column("pipeline", "text", not_null=True),
            Column("stored_at", "timestamp", not_null=True),
            Column("doc", "text", not_null=True),
        ),
        # PostgreSQL keeps the folded search terms (dragoman.store.search) as lexemes with
        # positions, built from a tsvector literal, never parsed by a text-search configuration.
        extra={"postgres": (Column("search", "tsvector", not_null=True),)},
    ),
    Index("articles_url", "articles", ("url",)),
    Index("articles_language", "articles", ("language", "published")),
    Dialect(sqlite="", postgres="CREATE INDEX articles_search ON articles USING GIN (search)"),
    Table(
        "entities",
        (
            _article_fk(),
            Column("entity_id", "text", not_null=True),
            Column("canonical", "text", not_null=True),
            Column("qid", "text"),
            Column("type", "text", not_null=True),
            Column("mentions", "int", not_null=True),
        ),
        ("article_id", "entity_id"),
    ),
    Index("entities_entity", "entities", ("entity_id",)),
    Table(
        "mentions",
        (
            _article_fk(),
            Column("idx", "int", not_null=True),
            Column("entity_id", "text"),
            Column("kb_id", "text"),
            Column("type", "text", not_null=True),
            Column("kind", "text", not_null=True),
            Column("source", "text", not_null=True),
            Column("surface", "text", not_null=True),
            Column("head", "text"),
            Column("start", "int", not_null=True),
            Column("end", "int", not_null=True),
            Column("score", "real", not_null=True),
        ),
        ("article_id", "idx"),
    ),
    Index("mentions_entity", "mentions", ("entity_id",)),
    Table(
        "time_expressions",
        (
            _article_fk(),
            Column("idx", "int", not_null=True),
            Column("surface", "text", not_null=True),
            Column("start", "int", not_null=True),
            Column("end", "int", not_null=True),
            Column("value", "text"),
            Column("granularity", "text", not_null=True),
            Column("relative", "bool", not_null=True),
            Column("anchor", "text"),
        ),
        ("article_id", "idx"),
    ),
    Index("time_expressions_value", "time_expressions", ("value",)),
    # Events, quotes and claims keep their Article JSON object in ``data``; the columns beside it
    # are the ones worth an index.
    Table(
        "events",
        (
            _article_fk(),
            Column("event_id", "text", not_null=True),
            Column("type", "text", not_null=True),
            Column("status", "text", not_null=True),
            Column("date_value", "text"),
            Column("data", "json", not_null=True),
        ),
        ("article_id", "event_id"),
    ),
    Index("events_type", "events", ("type",)),
    Table(
        "quotes",
        (
            _article_fk(),
            Column("quote_id", "text", not_null=True),
            Column("speaker", "text"),
            Column("direct", "bool", not_null=True),
            Column("start", "int", not_null=True),
            Column("end", "int", not_null=True),
            Column("data", "json", not_null=True),
        ),
        ("article_id", "quote_id"),
    ),
    Index("quotes_speaker", "quotes", ("speaker",)),
    Table(
        "claims",
        (
            _article_fk(),
            Column("claim_id", "text", not_null=True),
            Column("claimant", "text"),
            Column("data", "json", not_null=True),
        ),
        ("article_id", "claim_id"),
    ),
    # Inputs that could not be processed; no foreign key, since a failed article is usually not stored.
    Table(
        "errors",
        (
            Column("article_id", "text", not_null=True),
            Column("path", "text"),
            Column("url", "text"),
            Column("stage", "text", not_null=True),
            Column("kind", "text", not_null=True),
            Column("message", "text", not_null=True),
            Column("at", "timestamp", not_null=True),
        ),
        ("article_id", "stage"),
    ),
    # SQLite's full-text index: folded terms, one row per article, rowid = articles.seq; the terms
    # are already folded, so the tokenizer must not fold again.
    Dialect(
        sqlite="CREATE VIRTUAL TABLE article_search USING fts5 (terms, tokenize = 'unicode61 remove_diacritics 0')",
        postgres="",
    ),
)

# -- migration 2: error records keyed by their input --------------------------------------------
# An error belongs to an input (a path, a URL, file.jsonl:LINE), not to its bytes: keyed by
# content, three different empty files were one record.  An input that failed more than once
# under the old key keeps its latest record.  The dialects genuinely differ here: SQLite cannot
# change a primary key, so it rebuilds the table; PostgreSQL alters it in place.  (This is the
# migration stores written by Dragoman before the schema was declared here got as
# 0002_errors_by_input.sql, statement for statement, so those stores carry on from it.)
_ERRORS_BY_INPUT: tuple[Step, ...] = (
    Dialect(
        sqlite="""CREATE TABLE errors_by_input (
    input      TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    path       TEXT,
    url        TEXT,
    stage      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    message    TEXT NOT NULL,
    at         TEXT NOT NULL
);
INSERT OR IGNORE INTO errors_by_input (input, article_id, path, url, stage, kind, message, at)
    SELECT COALESCE(path, url, 'sha256:' || article_id), article_id, path, url, stage, kind, message, at
    FROM errors ORDER BY at DESC;
DROP TABLE errors;
ALTER TABLE errors_by_input RENAME TO errors""",
        postgres="""ALTER TABLE errors ADD COLUMN input TEXT;
UPDATE errors SET input = COALESCE(path, url, 'sha256:' || article_id);
DELETE FROM errors a USING errors b
    WHERE a.input = b.input AND (a.at, a.article_id, a.stage) < (b.at, b.article_id, b.stage);
ALTER TABLE errors DROP CONSTRAINT errors_pkey;
ALTER TABLE errors ALTER COLUMN input SET NOT NULL;
ALTER TABLE errors ADD PRIMARY KEY (input)""",
    ),
)

# -- migration 3: raw inputs, revisions, queries, corpus tables, corrections -------------------
_GROUND: tuple[Step, ...] = (
    # Raw inputs: content-addressed bytes, and each article's input as its reader produced it
    # (Article JSON without the bytes), so the store alone can extract any article again.
    Table("blobs", (Column("sha256", "text", not_null=True), Column("size", "int", not_null=True),
                    Column("data", "bytes", not_null=True)), ("sha256",)),
    Table("inputs", (Column("article_id", "text", not_null=True), Column("sha256", "text", not_null=True),
                     Column("doc", "text", not_null=True), Column("kept_at", "timestamp", not_null=True)),
          ("article_id",)),
    # Revisions: ``articles`` holds the current one; older ones wait here until pruned.
    AddColumn("articles", Column("revision", "int", not_null=True, default="1")),
    Table(
        "revisions",
        (
            _article_fk(),
            Column("revision", "int", not_null=True),
            Column("pipeline", "text", not_null=True),
            Column("stored_at", "timestamp", not_null=True),
            Column("doc", "text", not_null=True),
        ),
        ("article_id", "revision"),
    ),
    # Queries: where an event's date falls, its place in the stable order, and who plays which part.
    AddColumn("events", Column("date_start", "text")),
    AddColumn("events", Column("date_end", "text")),
    AddColumn("events", Column("sort_key", "text")),
    Index("events_order", "events", ("sort_key", "article_id", "event_id")),
    Index("events_status", "events", ("status",)),
    Table(
        "event_roles",
        (
            _article_fk(),
            Column("event_id", "text", not_null=True),
            Column("role", "text", not_null=True),
            Column("entity_id", "text", not_null=True),
        ),
        ("article_id", "event_id", "role", "entity_id"),
    ),
    Index("event_roles_entity", "event_roles", ("entity_id", "role")),
    # Corpus tables: each article's contributions to a pass's table, and the pass's own state.
    Table(
        "corpus_rows",
        (
            Column("tbl", "text", not_null=True),
            Column("grp", "text", not_null=True),
            Column("key", "text", not_null=True),
            Column("article_id", "text", not_null=True),
            Column("value", "json"),
        ),
        ("tbl", "article_id", "grp", "key"),
    ),
    Index("corpus_rows_key", "corpus_rows", ("tbl", "grp", "key")),
    Table("corpus_state", (Column("tbl", "text", not_null=True), Column("key", "text", not_null=True),
                           Column("value", "json", not_null=True)), ("tbl", "key")),
    # Corrections: an analyst's versioned overlay, kept apart from the revisions it applies to.
    Table(
        "corrections",
        (
            Column("seq", "rowid"),
            Column("article_id", "text", not_null=True),
            Column("target", "text", not_null=True),
            Column("field", "text", not_null=True),
            Column("before", "json"),
            Column("after", "json"),
            Column("who", "text", not_null=True),
            Column("at", "timestamp", not_null=True),
            Column("reason", "text", not_null=True),
            Column("reverts", "int"),
        ),
    ),
    Index("corrections_article", "corrections", ("article_id",)),
)

# -- migration 4: the desk's API tokens ----------------------------------------------------------
# Tokens for the REST API (``dragoman token create``): only the SHA-256 of a token is kept, so a
# copy of the store does not hand out write access; names are unique so a token can be revoked.
_API_TOKENS: tuple[Step, ...] = (
    Table(
        "api_tokens",
        (
            Column("name", "text", not_null=True),
            Column("digest", "text", not_null=True, unique=True),
            Column("created_at", "timestamp", not_null=True),
            Column("last_used", "timestamp"),
        ),
        ("name",),
    ),
)

# Names as stores record them in schema_version: "initial" and "errors_by_input" are the names the
# first two .sql migrations had, so a store they made is recognised as being at version 2.
MIGRATIONS: tuple[tuple[str, tuple[Step, ...]], ...] = (
    ("initial", _INITIAL),
    ("errors_by_input", _ERRORS_BY_INPUT),
    ("ground", _GROUND),
    ("api_tokens", _API_TOKENS),
)
