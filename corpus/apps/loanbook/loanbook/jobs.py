import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import sentry_sdk

from . import catalog, db, fines, holds, loans, notices, reports


class JobFailed(Exception):
    pass


def with_retries(name, fn, attempts=2):
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except Exception as exc:
            if attempt == attempts:
                raise JobFailed(f"{name} failed after {attempts} attempts") from exc
            time.sleep(0.002 * attempt)


def overdue_sweep(payload):
    conn = db.connect()
    try:
        for member_id in payload["member_ids"]:
            fines.fines_for_member(conn, member_id, date.fromisoformat(payload["today"]), payload["processing_fee"])
    finally:
        conn.close()


def send_notices(payload):
    for text in notices.notices_for(payload["kind"], payload["recipients"]):
        assert text


def sync_acquisitions(payload):
    conn = db.connect()
    try:
        for item in payload["items"]:
            catalog.add_copy(conn, item["isbn"], item["branch_id"])
    finally:
        conn.close()


def build_recommendations(payload):
    conn = db.connect()
    try:
        return [catalog.find_books(conn, q, payload.get("sort", "title"), payload.get("mode", "simple"))
                for q in payload["queries"]]
    finally:
        conn.close()


def fulfil_reservations(payload):
    conn = db.connect()
    try:
        for item in payload["reservations"]:
            loans.checkout(conn, item["member_id"], item["copy_id"], item["due"])
    finally:
        conn.close()


def auto_renew(payload):
    conn = db.connect()
    try:
        for loan_id in payload["loan_ids"]:
            loans.renew_loan(conn, loan_id)
    finally:
        conn.close()


def monthly_report(payload):
    conn = db.connect()
    try:
        return reports.utilization_report(conn, payload["branches"])
    finally:
        conn.close()


def fulfil_holds(payload):
    conn = db.connect()
    try:
        return [holds.next_in_line(conn, isbn) for isbn in payload["isbns"]]
    finally:
        conn.close()


JOBS = {
    "overdue-sweep": overdue_sweep,
    "send-notices": send_notices,
    "sync-acquisitions": sync_acquisitions,
    "build-recommendations": build_recommendations,
    "fulfil-reservations": fulfil_reservations,
    "auto-renew": auto_renew,
    "monthly-report": monthly_report,
    "fulfil-holds": fulfil_holds,
}


def run_job(name, payload, trace=None):
    with sentry_sdk.push_scope() as scope:
        scope.set_tag("job", name)
        if trace:
            scope.set_tag("corpus_case", trace)
        try:
            with_retries(name, lambda: JOBS[name](payload), attempts=payload.get("attempts", 2))
        except JobFailed as exc:
            sentry_sdk.capture_exception(exc)


class Worker:
    """Runs jobs on a small thread pool, as the scheduler hands them over."""

    def __init__(self, threads=2):
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="loanbook-worker")

    def submit(self, name, payload, trace=None):
        return self.pool.submit(run_job, name, payload, trace)

    def shutdown(self):
        self.pool.shutdown(wait=True)
