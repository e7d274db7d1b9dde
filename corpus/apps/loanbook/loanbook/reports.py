from . import db


def utilization(conn, branch_id):
    copies = db.query(conn, "SELECT COUNT(*) AS n FROM copies WHERE branch_id = ?", (branch_id,))[0]["n"]
    on_loan = db.query(
        conn,
        "SELECT COUNT(*) AS n FROM loans l JOIN copies c ON c.id = l.copy_id"
        " WHERE c.branch_id = ? AND l.returned_at IS NULL",
        (branch_id,),
    )[0]["n"]
    return round(on_loan / copies, 3)


def utilization_report(conn, branch_ids):
    return {branch_id: utilization(conn, branch_id) for branch_id in branch_ids}
