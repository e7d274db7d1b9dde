"""Drives loanbook through its real entry points (Flask routes, the worker's jobs, the admin CLI) with inputs that
trigger each root cause. Environment: SENTRY_DSN, CORPUS_RELEASE, CORPUS_SEED."""
import json
import os
import random
import subprocess
import sys
import tempfile

import sentry_sdk

workdir = tempfile.mkdtemp(prefix="loanbook-")
os.environ["LOANBOOK_DB"] = os.path.join(workdir, "loanbook.sqlite3")

from loanbook import catalog, db, loans, members  # noqa: E402
from loanbook.jobs import Worker  # noqa: E402
from loanbook.monitoring import init_sentry  # noqa: E402
from loanbook.web import create_app  # noqa: E402

OCCURRENCES = 3
rng = random.Random(int(os.environ.get("CORPUS_SEED", "1")))
init_sentry()
db.migrate()

BOOKS = [("9780441172719", "Dune", "Frank Herbert"), ("9780553293357", "Foundation", "Isaac Asimov"),
         ("9780345391803", "The Hitchhiker's Guide", "Douglas Adams"), ("9780060935467", "To Kill a Mockingbird", "Harper Lee")]
conn = db.connect()
for branch_id, name in [(1, "Central"), (2, "Riverside"), (3, "Hilltop"), (9, "Pop-up kiosk")]:
    db.execute(conn, "INSERT INTO branches (id, name) VALUES (?, ?)", (branch_id, name))
for isbn, title, author in BOOKS:
    catalog.add_book(conn, isbn, title, author, ("fiction",))
COPIES = [catalog.add_copy(conn, rng.choice(BOOKS)[0], rng.choice([1, 2, 3])) for _ in range(40)]
ADULT = members.add_member(conn, "ada@example.org", "Ada", "adult")
STAFF = members.add_member(conn, "sam@library.example.org", "Sam", "staff")
ON_LOAN = COPIES[:10]
for copy_id in ON_LOAN:
    loans.record_loan(conn, copy_id, rng.choice([ADULT, STAFF]), loans.parse_due("2024-01-15"))
MAXED = []
for copy_id in COPIES[10:16]:
    loan_id = loans.record_loan(conn, copy_id, ADULT, loans.parse_due("2024-02-01"))
    db.execute(conn, "UPDATE loans SET renewals = 3 WHERE id = ?", (loan_id,))
    MAXED.append(loan_id)
for member_id, requested_at in [(ADULT, "2024-01-03T10:00:00"), (STAFF, None), (ADULT, "2024-01-02T09:00:00")]:
    db.execute(conn, "INSERT INTO holds (isbn, member_id, requested_at) VALUES (?, ?, ?)", (BOOKS[0][0], member_id, requested_at))
conn.close()
FREE = COPIES[16:]


def email_variant():
    return rng.choice(["ADA@example.org", " ada@example.org", "Ada@Example.org "])


ROOT_CAUSES = [
    ("copy-already-on-loan", "checkout", lambda: dict(member_id=ADULT, copy_id=rng.choice(ON_LOAN), due="2024-04-01")),
    ("due-date-format", "checkout", lambda: dict(member_id=ADULT, copy_id=rng.choice(FREE), due=rng.choice(["01/04/2024", "2024-4-1T00:00", "next friday"]))),
    ("duplicate-member-email", "member", lambda: dict(email=email_variant(), name="Ada L.", tier="adult")),
    ("copy-of-unknown-book", "copy", lambda: dict(isbn=rng.choice(["9780000000002", "9781234567897"]), branch_id=1)),
    ("isbn-check-digit-x", "copy", lambda: dict(isbn=rng.choice(["0-8044-2957-X", "0-9752298-0-X"]), branch_id=2)),
    ("sort-by-unknown-column", "search", lambda: dict(q="the", sort=rng.choice(["popularity", "rating", "loans_count"]), mode="simple")),
    ("fulltext-unbalanced-quote", "search", lambda: dict(q=rng.choice(['"dune', 'foundation "asimov', '"hitchhiker']), sort="title", mode="fulltext")),
    ("unknown-member-tier", "fines", lambda: dict(member_id=STAFF, today="2024-03-01", fee="1.00")),
    ("fee-decimal-comma", "fines", lambda: dict(member_id=ADULT, today="2024-03-01", fee=rng.choice(["1,50", "2,00", "0,75"]))),
    ("notice-missing-field", "notice", lambda: dict(kind="hold_ready", context=dict(name="Ada", title=rng.choice(BOOKS)[1], branch="Central"))),
    ("renewal-limit", "renew", lambda: dict(loan_id=rng.choice(MAXED))),
    ("branch-without-copies", "report", lambda: dict(branches=[1, 2, 9])),
    ("hold-without-timestamp", "holds", lambda: dict(isbn=BOOKS[0][0])),
]

client = create_app().test_client()
worker = Worker()
cli_script = []


def http(method, url, trace, body=None):
    client.open(url, method=method, json=body, headers={"X-Corpus-Case": trace})


def job(name, payload, trace):
    worker.submit(name, payload, trace).result()


def cli(argv, trace):
    cli_script.append({"argv": [str(a) for a in argv], "trace": trace})


def checkout_item(p):
    return {"member_id": p["member_id"], "copy_id": p["copy_id"], "due": p["due"]}


ENTRY_POINTS = {
    "checkout": {
        "POST /loans": lambda p, t: http("POST", "/loans", t, checkout_item(p)),
        "POST /loans/bulk": lambda p, t: http("POST", "/loans/bulk", t, {"loans": [checkout_item(p)]}),
        "job fulfil-reservations": lambda p, t: job("fulfil-reservations", {"reservations": [checkout_item(p)]}, t),
        "cli checkout": lambda p, t: cli(["checkout", p["member_id"], p["copy_id"], p["due"]], t),
    },
    "member": {
        "POST /members": lambda p, t: http("POST", "/members", t, p),
        "POST /members/import": lambda p, t: http("POST", "/members/import", t, {"members": [p]}),
        "cli add-member": lambda p, t: cli(["add-member", p["email"], p["name"], "--tier", p["tier"]], t),
    },
    "copy": {
        "POST /books/:isbn/copies": lambda p, t: http("POST", f"/books/{p['isbn']}/copies", t, {"branch_id": p["branch_id"]}),
        "job sync-acquisitions": lambda p, t: job("sync-acquisitions", {"items": [p]}, t),
        "cli add-copy": lambda p, t: cli(["add-copy", p["isbn"], p["branch_id"]], t),
    },
    "search": {
        "GET /search": lambda p, t: http("GET", f"/search?q={p['q']}&sort={p['sort']}&mode={p['mode']}", t),
        "job build-recommendations": lambda p, t: job("build-recommendations", {"queries": [p["q"]], "sort": p["sort"], "mode": p["mode"]}, t),
        "cli search": lambda p, t: cli(["search", p["q"], "--sort", p["sort"], "--mode", p["mode"]], t),
    },
    "fines": {
        "GET /members/:id/fines": lambda p, t: http("GET", f"/members/{p['member_id']}/fines?today={p['today']}&processing_fee={p['fee']}", t),
        "job overdue-sweep": lambda p, t: job("overdue-sweep", {"member_ids": [p["member_id"]], "today": p["today"], "processing_fee": p["fee"], "attempts": 3}, t),
        "cli fines": lambda p, t: cli(["fines", p["member_id"], "--today", p["today"], "--fee", p["fee"]], t),
    },
    "notice": {
        "POST /notices/preview": lambda p, t: http("POST", "/notices/preview", t, p),
        "job send-notices": lambda p, t: job("send-notices", {"kind": p["kind"], "recipients": [p["context"]]}, t),
        "cli notice": lambda p, t: cli(["notice", p["kind"], json.dumps(p["context"])], t),
    },
    "renew": {
        "POST /loans/:id/renew": lambda p, t: http("POST", f"/loans/{p['loan_id']}/renew", t),
        "job auto-renew": lambda p, t: job("auto-renew", {"loan_ids": [p["loan_id"]]}, t),
        "cli renew": lambda p, t: cli(["renew", p["loan_id"]], t),
    },
    "report": {
        "GET /reports/utilization": lambda p, t: http("GET", "/reports/utilization?branches=" + ",".join(map(str, p["branches"])), t),
        "job monthly-report": lambda p, t: job("monthly-report", {"branches": p["branches"]}, t),
        "cli report": lambda p, t: cli(["report", ",".join(map(str, p["branches"]))], t),
    },
    "holds": {
        "GET /holds/:isbn/next": lambda p, t: http("GET", f"/holds/{p['isbn']}/next", t),
        "job fulfil-holds": lambda p, t: job("fulfil-holds", {"isbns": [p["isbn"]]}, t),
        "cli holds": lambda p, t: cli(["holds", p["isbn"]], t),
    },
}

cases = 0
for cause, operation, trigger in ROOT_CAUSES:
    for entry, run in ENTRY_POINTS[operation].items():
        for n in range(OCCURRENCES):
            run(trigger(), f"{cause}|{entry}|{n}")
            cases += 1
worker.shutdown()

script_path = os.path.join(workdir, "script.json")
with open(script_path, "w") as handle:
    json.dump(cli_script, handle)
subprocess.run([sys.executable, "cli.py", "--script", script_path], check=True, stdout=subprocess.DEVNULL)
sentry_sdk.flush(10)
print(f"CORPUS_CASES {cases}")
