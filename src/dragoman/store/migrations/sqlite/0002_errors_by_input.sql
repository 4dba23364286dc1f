-- An error belongs to an input (a path, a URL, file.jsonl:LINE), not to its bytes:
-- keyed by content, three different empty files were one record.  SQLite cannot
-- change a primary key, so the table is rebuilt; an input that failed more than
-- once (under the old key) keeps its latest record.
CREATE TABLE errors_by_input (
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
ALTER TABLE errors_by_input RENAME TO errors;
