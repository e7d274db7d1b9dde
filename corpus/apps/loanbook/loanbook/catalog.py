from . import db


def parse_isbn(raw):
    digits = raw.replace("-", "").strip()
    if len(digits) == 10:
        total = sum((10 - i) * int(d) for i, d in enumerate(digits))
        if total % 11:
            raise ValueError(f"bad ISBN-10 checksum: {raw}")
        return "978" + digits[:9]
    return digits


def add_book(conn, isbn, title, author, tags=()):
    cursor = db.execute(conn, "INSERT OR IGNORE INTO books (isbn, title, author, tags) VALUES (?, ?, ?, ?)",
                        (isbn, title, author, ",".join(tags)))
    if cursor.rowcount:
        db.execute(conn, "INSERT INTO books_fts (rowid, title, author) VALUES (?, ?, ?)",
                   (cursor.lastrowid, title, author))


def add_copy(conn, raw_isbn, branch_id):
    isbn = parse_isbn(raw_isbn)
    cursor = db.execute(conn, "INSERT INTO copies (isbn, branch_id) VALUES (?, ?)", (isbn, branch_id))
    return cursor.lastrowid


def search_titles(conn, text, sort="title"):
    sql = f"SELECT isbn, title, author FROM books WHERE title LIKE ? ORDER BY {sort} LIMIT 50"
    return db.query(conn, sql, (f"%{text}%",))


def search_fulltext(conn, text):
    sql = "SELECT b.isbn, b.title, b.author FROM books_fts f JOIN books b ON b.rowid = f.rowid WHERE books_fts MATCH ?"
    return db.query(conn, sql, (text,))


def find_books(conn, text, sort="title", mode="simple"):
    if mode == "fulltext":
        return search_fulltext(conn, text)
    return search_titles(conn, text, sort)
