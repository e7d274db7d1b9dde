import os
import sqlite3

SCHEMA = """
CREATE TABLE IF NOT EXISTS books (isbn TEXT PRIMARY KEY, title TEXT NOT NULL, author TEXT, tags TEXT DEFAULT '');
CREATE TABLE IF NOT EXISTS branches (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS copies (
  id INTEGER PRIMARY KEY, isbn TEXT NOT NULL REFERENCES books(isbn), branch_id INTEGER REFERENCES branches(id)
);
CREATE TABLE IF NOT EXISTS members (
  id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, tier TEXT NOT NULL DEFAULT 'adult'
);
CREATE TABLE IF NOT EXISTS loans (
  id INTEGER PRIMARY KEY, copy_id INTEGER NOT NULL REFERENCES copies(id), member_id INTEGER NOT NULL,
  due TEXT NOT NULL, renewals INTEGER NOT NULL DEFAULT 0, returned_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS loans_one_open_per_copy ON loans(copy_id) WHERE returned_at IS NULL;
CREATE VIRTUAL TABLE IF NOT EXISTS books_fts USING fts5(title, author);
CREATE TABLE IF NOT EXISTS holds (id INTEGER PRIMARY KEY, isbn TEXT NOT NULL, member_id INTEGER, requested_at TEXT);
"""


def database_path():
    return os.environ.get("LOANBOOK_DB", "loanbook.sqlite3")


def connect():
    conn = sqlite3.connect(database_path(), timeout=5)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def migrate():
    with connect() as conn:
        conn.executescript(SCHEMA)


def execute(conn, sql, params=()):
    cursor = conn.execute(sql, params)
    conn.commit()
    return cursor


def query(conn, sql, params=()):
    return [dict(row) for row in conn.execute(sql, params).fetchall()]
