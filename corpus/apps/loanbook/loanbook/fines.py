from datetime import date
from decimal import Decimal

from . import db

DAILY_RATES = {"adult": Decimal("0.25"), "senior": Decimal("0.10"), "child": Decimal("0.05")}


def parse_fee(text):
    return Decimal(text.strip())


def daily_rate(tier):
    return DAILY_RATES[tier]


def fine_for(loan, today):
    overdue = (today - date.fromisoformat(loan["due"])).days
    if overdue <= 0:
        return Decimal("0")
    return daily_rate(loan["tier"]) * overdue + parse_fee(loan["processing_fee"])


def fines_for_member(conn, member_id, today, processing_fee="1.00"):
    loans = db.query(
        conn,
        "SELECT l.id, l.due, m.tier FROM loans l JOIN members m ON m.id = l.member_id"
        " WHERE l.member_id = ? AND l.returned_at IS NULL",
        (member_id,),
    )
    return {loan["id"]: fine_for({**loan, "processing_fee": processing_fee}, today) for loan in loans}
