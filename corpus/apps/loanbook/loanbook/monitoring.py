import os

import sentry_sdk
from sentry_sdk.integrations.flask import FlaskIntegration
from sentry_sdk.integrations.threading import ThreadingIntegration


def init_sentry():
    sentry_sdk.init(
        dsn=os.environ.get("SENTRY_DSN"),
        release=os.environ.get("CORPUS_RELEASE"),
        environment="production",
        integrations=[FlaskIntegration(), ThreadingIntegration(propagate_hub=True)],
        traces_sample_rate=0,
        send_client_reports=False,
    )
