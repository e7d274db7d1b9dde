# A tiny application instrumented with the real sentry-python SDK (Debian's python3-sentry-sdk), run as a child
# process by sentry-python-sdk.test.ts: the same error from the same code path three times, a different error once,
# and an error raised while handling another (a chained exception).
import os

import sentry_sdk

sentry_sdk.init(dsn=os.environ["SENTRY_DSN"], release="billing@2.0.1", traces_sample_rate=0, default_integrations=True)


class CardDeclined(Exception):
    pass


def charge_card(amount):
    if amount > 100:
        raise CardDeclined("card declined for amount %d" % amount)


def checkout(amount):
    charge_card(amount)


def read_cart(cart):
    return len(cart["items"])


def load_invoice(invoice_id):
    try:
        return {"invoices": {}}["invoices"][invoice_id]
    except KeyError as error:
        raise RuntimeError("invoice %s is missing" % invoice_id) from error


for amount in (150, 240, 999):
    try:
        checkout(amount)
    except CardDeclined:
        sentry_sdk.capture_exception()

for call in (lambda: read_cart({}), lambda: load_invoice("inv_42")):
    try:
        call()
    except Exception:
        sentry_sdk.capture_exception()

sentry_sdk.flush(timeout=10)
