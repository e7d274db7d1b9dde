"""loanbook-admin: operator commands (checkout, add-member, add-copy, search, fines, notice, renew, report, holds)."""
import argparse
import json
import sys
from datetime import date

import sentry_sdk

from loanbook import catalog, db, fines, holds, loans, members, notices, reports
from loanbook.monitoring import init_sentry


def cmd_checkout(conn, args):
    print(loans.checkout(conn, args.member, args.copy, args.due))


def cmd_add_member(conn, args):
    print(members.add_member(conn, args.email, args.name, args.tier))


def cmd_add_copy(conn, args):
    print(catalog.add_copy(conn, args.isbn, args.branch))


def cmd_search(conn, args):
    print(json.dumps(catalog.find_books(conn, args.query, args.sort, args.mode)))


def cmd_fines(conn, args):
    print(fines.fines_for_member(conn, args.member, date.fromisoformat(args.today), args.fee))


def cmd_notice(conn, args):
    print(notices.render_notice(args.kind, json.loads(args.context)))


def cmd_renew(conn, args):
    print(loans.renew_loan(conn, args.loan))


def cmd_report(conn, args):
    print(reports.utilization_report(conn, [int(x) for x in args.branches.split(",")]))


def cmd_holds(conn, args):
    print(holds.next_in_line(conn, args.isbn))


def build_parser():
    parser = argparse.ArgumentParser(prog="loanbook-admin")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("checkout")
    p.add_argument("member", type=int), p.add_argument("copy", type=int), p.add_argument("due")
    p.set_defaults(run=cmd_checkout)
    p = sub.add_parser("add-member")
    p.add_argument("email"), p.add_argument("name"), p.add_argument("--tier", default="adult")
    p.set_defaults(run=cmd_add_member)
    p = sub.add_parser("add-copy")
    p.add_argument("isbn"), p.add_argument("branch", type=int)
    p.set_defaults(run=cmd_add_copy)
    p = sub.add_parser("search")
    p.add_argument("query"), p.add_argument("--sort", default="title"), p.add_argument("--mode", default="simple")
    p.set_defaults(run=cmd_search)
    p = sub.add_parser("fines")
    p.add_argument("member", type=int), p.add_argument("--today", default=date.today().isoformat())
    p.add_argument("--fee", default="1.00")
    p.set_defaults(run=cmd_fines)
    p = sub.add_parser("notice")
    p.add_argument("kind"), p.add_argument("context")
    p.set_defaults(run=cmd_notice)
    p = sub.add_parser("renew")
    p.add_argument("loan", type=int)
    p.set_defaults(run=cmd_renew)
    p = sub.add_parser("report")
    p.add_argument("branches")
    p.set_defaults(run=cmd_report)
    p = sub.add_parser("holds")
    p.add_argument("isbn")
    p.set_defaults(run=cmd_holds)
    return parser


def main(argv):
    args = build_parser().parse_args(argv)
    conn = db.connect()
    try:
        args.run(conn, args)
    finally:
        conn.close()


if __name__ == "__main__":
    init_sentry()
    if sys.argv[1] == "--script":
        with open(sys.argv[2]) as handle:
            script = json.load(handle)
        for step in script:
            with sentry_sdk.push_scope() as scope:
                scope.set_tag("corpus_case", step["trace"])
                try:
                    main(step["argv"])
                except Exception as exc:
                    sentry_sdk.capture_exception(exc)
    else:
        main(sys.argv[1:])
    sentry_sdk.flush(10)
