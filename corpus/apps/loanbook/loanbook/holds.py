from . import db


def next_in_line(conn, isbn):
    holds = db.query(conn, "SELECT id, member_id, requested_at FROM holds WHERE isbn = ?", (isbn,))
    queue = sorted(holds, key=lambda hold: hold["requested_at"])
    return queue[0] if queue else None
