"""The ledger's SQLite schema as an ordered list of migrations.

``PRAGMA user_version`` records how many migrations a database has had; opening a database
applies the missing ones, each in its own transaction. Never edit a released migration: append
a new one.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, per-article annotations, the reconciled ledger, full-text search
    """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT
    );
    CREATE TABLE articles (
        id               TEXT PRIMARY KEY,
        text             TEXT NOT NULL,
        title            TEXT,
        url              TEXT,
        outlet           TEXT,
        published        TEXT,
        language         TEXT,
        source_file      TEXT,
        published_source TEXT,
        duplicate_of     TEXT,
        fingerprint      TEXT,
        metadata         TEXT NOT NULL DEFAULT '{}',
        ingested_at      TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_source_file ON articles(source_file);
    CREATE TABLE annotations (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        stages     TEXT NOT NULL,
        data       TEXT NOT NULL,
        n_timexes  INTEGER NOT NULL DEFAULT 0,
        n_places   INTEGER NOT NULL DEFAULT 0,
        n_figures  INTEGER NOT NULL DEFAULT 0,
        n_claims   INTEGER NOT NULL DEFAULT 0,
        n_events   INTEGER NOT NULL DEFAULT 0,
        n_commitments INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE events (
        id             TEXT PRIMARY KEY,
        seq            INTEGER NOT NULL,
        event_type     TEXT,
        sub_event_type TEXT,
        date           TEXT,
        date_start     TEXT,
        date_end       TEXT,
        status         TEXT,
        actor1         TEXT,
        actor2         TEXT,
        actors         TEXT,
        place          TEXT,
        country        TEXT,
        latitude       REAL,
        longitude      REAL,
        fatalities     INTEGER,
        n_sources      INTEGER NOT NULL,
        n_conflicts    INTEGER NOT NULL,
        data           TEXT NOT NULL
    );
    CREATE INDEX events_date ON events(date_start);
    CREATE INDEX events_type ON events(event_type);
    CREATE TABLE event_sources (
        event_id      TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        ord           INTEGER NOT NULL,
        article_id    TEXT NOT NULL,
        start         INTEGER NOT NULL,
        "end"         INTEGER NOT NULL,
        attributed_to TEXT,
        PRIMARY KEY (event_id, ord)
    );
    CREATE INDEX event_sources_article ON event_sources(article_id);
    CREATE TABLE conflicts (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        field    TEXT NOT NULL,
        data     TEXT NOT NULL,
        PRIMARY KEY (event_id, field)
    );
    CREATE TABLE commitments (
        id          TEXT PRIMARY KEY,
        seq         INTEGER NOT NULL,
        status      TEXT,
        deadline    TEXT,
        obligor     TEXT,
        beneficiary TEXT,
        action      TEXT,
        place       TEXT,
        fulfilled_by TEXT,
        data        TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    # 2: the reconcile index (incremental reconcile): which event each mention belongs to, the
    # connected component of the blocking graph it is in, what commitment fulfilment needs to
    # know about it, and its blocking keys (kind 0: indexed under, 1: looks up, unpadded)
    """
    CREATE TABLE recon_mentions (
        article_id     TEXT NOT NULL,
        idx            INTEGER NOT NULL,
        event_id       TEXT NOT NULL,
        component      TEXT NOT NULL,
        sub_event_type TEXT,
        trigger        TEXT,
        place          TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX recon_mentions_component ON recon_mentions(component);
    CREATE INDEX recon_mentions_event ON recon_mentions(event_id);
    CREATE TABLE recon_keys (
        key        TEXT NOT NULL,
        kind       INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        idx        INTEGER NOT NULL
    );
    CREATE INDEX recon_keys_key ON recon_keys(kind, key);
    CREATE INDEX recon_keys_mention ON recon_keys(article_id);
    """,
    # 3: what an incremental update reads instead of decoding whole annotated articles: each event
    # mention as a merge item (``item``: JSON of the item's fields but the article) and each
    # commitment mention; kind 2 of recon_keys names what a mention can carry out (commitment
    # fulfilment). The index is rebuilt by the next reconcile (a full pass). Copies by original, so
    # an update finds stored copies of a new article without reading every article.
    """
    ALTER TABLE recon_mentions ADD COLUMN item TEXT;
    CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
    CREATE TABLE recon_commitments (
        article_id TEXT NOT NULL,
        idx        INTEGER NOT NULL,
        data       TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    DELETE FROM meta WHERE key = 'recon_rowid';
    """,
    # 4: blocking keys as 64-bit hashes in a table that is its own index (kind 0: keys a mention
    # is indexed under; kind 2: what it can carry out). Lookups are symmetric, so the keys a stored
    # mention looks up are no longer kept. ``place`` is read from ``item``. Rebuilt by a full pass.
    """
    DROP TABLE recon_keys;
    CREATE TABLE recon_keys (
        kind       INTEGER NOT NULL,
        key        INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        idx        INTEGER NOT NULL,
        PRIMARY KEY (kind, key, article_id, idx)
    ) WITHOUT ROWID;
    DELETE FROM meta WHERE key = 'recon_rowid';
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
