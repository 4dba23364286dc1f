-- Same tables as the SQLite schema; see docs/storage.md.
-- ``id`` (the content hash) is the primary key, so concurrent writers of
-- the same article meet at the database and INSERT ... ON CONFLICT DO NOTHING
-- keeps exactly one.
CREATE TABLE articles (
    seq        BIGSERIAL UNIQUE,
    id         TEXT PRIMARY KEY,
    path       TEXT,
    url        TEXT,
    outlet     TEXT,
    title      TEXT,
    language   TEXT,
    published  DATE,
    pipeline   TEXT NOT NULL,
    stored_at  TIMESTAMPTZ NOT NULL,
    doc        TEXT NOT NULL,
    -- folded search terms (dragoman.store.search) as lexemes with positions;
    -- built from a tsvector literal, never parsed by a text-search configuration
    search     TSVECTOR NOT NULL
);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_language ON articles (language, published);
CREATE INDEX articles_search ON articles USING GIN (search);

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
    score      DOUBLE PRECISION NOT NULL,
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
    relative    BOOLEAN NOT NULL,
    anchor      TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX time_expressions_value ON time_expressions (value);

CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    event_id   TEXT NOT NULL,
    type       TEXT NOT NULL,
    status     TEXT NOT NULL,
    date_value TEXT,
    data       JSONB NOT NULL,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX events_type ON events (type);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    quote_id   TEXT NOT NULL,
    speaker    TEXT,
    direct     BOOLEAN NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    data       JSONB NOT NULL,
    PRIMARY KEY (article_id, quote_id)
);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    claim_id   TEXT NOT NULL,
    claimant   TEXT,
    data       JSONB NOT NULL,
    PRIMARY KEY (article_id, claim_id)
);

CREATE TABLE errors (
    article_id TEXT NOT NULL,
    path       TEXT,
    url        TEXT,
    stage      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    message    TEXT NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, stage)
);
