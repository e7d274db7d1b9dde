from . import db


def add_member(conn, email, name, tier="adult"):
    cursor = db.execute(conn, "INSERT INTO members (email, name, tier) VALUES (?, ?, ?)",
                        (email.strip().lower(), name, tier))
    return cursor.lastrowid


def import_members(conn, rows):
    created = []
    for row in rows:
        created.append(add_member(conn, row["email"], row["name"], row.get("tier", "adult")))
    return created
