TEMPLATES = {
    "overdue": "Dear {name}, '{title}' was due on {due}. Please return it to {branch}.",
    "hold_ready": "Dear {name}, '{title}' is waiting for you at {branch}. Pick it up by {pickup_by}.",
    "welcome": "Welcome to the library, {name}! Your card number is {card}.",
}


def render_notice(kind, context):
    return TEMPLATES[kind].format(**context)


def notices_for(kind, recipients):
    return [render_notice(kind, recipient) for recipient in recipients]
