-- Articles as Article JSON v1 plus the columns people filter and sort on.
-- ``seq`` is an INTEGER PRIMARY KEY so the full-text rowid stays stable
-- across VACUUM; ``id`` (the content hash) is unique at the database level,
-- which is what makes concurrent re-ingestion idempotent.
CREATE TABLE articles (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    path       TEXT,
    url        TEXT,
    outlet     TEXT,
    title      TEXT,
    language   TEXT,
    published  TEXT,
    pipeline   TEXT NOT NULL,
    stored_at  TEXT NOT NULL,
    doc        TEXT NOT NULL
);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_language ON articles (language, published);

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,
    canonical  TEXT NOT NULL,
    qid        TEXT,
    type       TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX entities_entity ON entities (entity_id);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    entity_id  TEXT,
    kb_id      TEXT,
    type       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    source     TEXT NOT NULL,
    surface    TEXT NOT NULL,
    head       TEXT,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    score      REAL NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE time_expressions (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    surface     TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    value       TEXT,
    granularity TEXT NOT NULL,
    relative    INTEGER NOT NULL,
    anchor      TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX time_expressions_value ON time_expressions (value);

-- Events, quotes and claims keep their Article JSON v1 object in ``data``;
-- the columns beside it are the ones worth an index.
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    event_id   TEXT NOT NULL,
    type       TEXT NOT NULL,
    status     TEXT NOT NULL,
    date_value TEXT,
    data       TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX events_type ON events (type);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    quote_id   TEXT NOT NULL,
    speaker    TEXT,
    direct     INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (article_id, quote_id)
);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    claim_id   TEXT NOT NULL,
    claimant   TEXT,
    data       TEXT NOT NULL,
    PRIMARY KEY (article_id, claim_id)
);

-- Inputs that could not be processed; no foreign key, since a failed
-- article is usually not in ``articles``.
CREATE TABLE errors (
    article_id TEXT NOT NULL,
    path       TEXT,
    url        TEXT,
    stage      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    message    TEXT NOT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (article_id, stage)
);

-- Folded search terms (dragoman.store.search), one row per article, rowid = articles.seq.
-- The terms are already folded, so the tokenizer must not fold again.
CREATE VIRTUAL TABLE article_search USING fts5 (terms, tokenize = 'unicode61 remove_diacritics 0');
