from datetime import date

import sentry_sdk
from flask import Flask, g, jsonify, request

from . import catalog, db, fines, holds, loans, members, notices, reports


def get_db():
    if "db" not in g:
        g.db = db.connect()
    return g.db


def create_app():
    app = Flask("loanbook")

    @app.before_request
    def tag_request():
        trace = request.headers.get("X-Corpus-Case")
        if trace:
            sentry_sdk.set_tag("corpus_case", trace)

    @app.teardown_appcontext
    def close_db(_error):
        conn = g.pop("db", None)
        if conn is not None:
            conn.close()

    @app.post("/loans")
    def create_loan():
        body = request.get_json()
        loan_id = loans.checkout(get_db(), body["member_id"], body["copy_id"], body["due"])
        return jsonify(id=loan_id), 201

    @app.post("/loans/bulk")
    def bulk_checkout():
        results = []
        for item in request.get_json()["loans"]:
            try:
                results.append(loans.checkout(get_db(), item["member_id"], item["copy_id"], item["due"]))
            except Exception as exc:
                sentry_sdk.capture_exception(exc)
                results.append(None)
        return jsonify(results=results), 207

    @app.post("/loans/<int:loan_id>/renew")
    def renew(loan_id):
        return jsonify(due=loans.renew_loan(get_db(), loan_id).isoformat())

    @app.post("/members")
    def create_member():
        body = request.get_json()
        return jsonify(id=members.add_member(get_db(), body["email"], body["name"], body.get("tier", "adult"))), 201

    @app.post("/members/import")
    def import_members():
        return jsonify(ids=members.import_members(get_db(), request.get_json()["members"]))

    @app.get("/members/<int:member_id>/fines")
    def member_fines(member_id):
        today = date.fromisoformat(request.args.get("today", date.today().isoformat()))
        fee = request.args.get("processing_fee", "1.00")
        return jsonify({str(k): str(v) for k, v in fines.fines_for_member(get_db(), member_id, today, fee).items()})

    @app.post("/books/<isbn>/copies")
    def add_copy(isbn):
        return jsonify(id=catalog.add_copy(get_db(), isbn, request.get_json()["branch_id"])), 201

    @app.get("/search")
    def search():
        args = request.args
        found = catalog.find_books(get_db(), args.get("q", ""), args.get("sort", "title"), args.get("mode", "simple"))
        return jsonify(results=found)

    @app.post("/notices/preview")
    def preview_notice():
        body = request.get_json()
        return jsonify(text=notices.render_notice(body["kind"], body["context"]))

    @app.get("/reports/utilization")
    def utilization():
        ids = [int(x) for x in request.args.get("branches", "").split(",") if x]
        return jsonify(reports.utilization_report(get_db(), ids))

    @app.get("/holds/<isbn>/next")
    def next_hold(isbn):
        return jsonify(hold=holds.next_in_line(get_db(), isbn))

    return app
