from datetime import datetime, timedelta

from . import db

MAX_RENEWALS = 3


class RenewalLimitReached(Exception):
    pass


def parse_due(value):
    return datetime.strptime(value, "%Y-%m-%d").date()


def record_loan(conn, copy_id, member_id, due):
    cursor = db.execute(conn, "INSERT INTO loans (copy_id, member_id, due) VALUES (?, ?, ?)",
                        (copy_id, member_id, due.isoformat()))
    return cursor.lastrowid


def checkout(conn, member_id, copy_id, due):
    return record_loan(conn, copy_id, member_id, parse_due(due))


def renew_loan(conn, loan_id, days=14):
    loan = db.query(conn, "SELECT * FROM loans WHERE id = ?", (loan_id,))[0]
    if loan["renewals"] >= MAX_RENEWALS:
        raise RenewalLimitReached(f"loan {loan_id} was renewed {loan['renewals']} times")
    due = datetime.strptime(loan["due"], "%Y-%m-%d") + timedelta(days=days)
    db.execute(conn, "UPDATE loans SET due = ?, renewals = renewals + 1 WHERE id = ?",
               (due.date().isoformat(), loan_id))
    return due.date()
