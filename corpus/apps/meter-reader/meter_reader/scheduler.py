import asyncio

import sentry_sdk

from .tasks import run_task


async def poll_once(services, name, params, trace=None):
    with sentry_sdk.push_scope() as scope:
        scope.set_tag("scheduler", "poll")
        if trace:
            scope.set_tag("corpus_case", trace)
        try:
            await asyncio.to_thread(run_task, services, name, params)
        except Exception as exc:
            sentry_sdk.capture_exception(exc)


async def poll_all(services, jobs):
    for name, params, trace in jobs:
        await poll_once(services, name, params, trace)


def run_schedule(services, jobs):
    asyncio.run(poll_all(services, jobs))
