-- An error belongs to an input (a path, a URL, file.jsonl:LINE), not to its bytes:
-- keyed by content, three different empty files were one record.  An input that
-- failed more than once (under the old key) keeps its latest record.
ALTER TABLE errors ADD COLUMN input TEXT;
UPDATE errors SET input = COALESCE(path, url, 'sha256:' || article_id);
DELETE FROM errors a USING errors b
    WHERE a.input = b.input AND (a.at, a.article_id, a.stage) < (b.at, b.article_id, b.stage);
ALTER TABLE errors DROP CONSTRAINT errors_pkey;
ALTER TABLE errors ALTER COLUMN input SET NOT NULL;
ALTER TABLE errors ADD PRIMARY KEY (input);
