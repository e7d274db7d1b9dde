import queue
import threading
import time

import sentry_sdk

from .tasks import run_task


class UpstreamUnavailable(Exception):
    pass


def with_backoff(fn, attempts=2, base_delay=0.001):
    for attempt in range(attempts):
        try:
            return fn()
        except Exception as exc:
            if attempt + 1 == attempts:
                raise UpstreamUnavailable(f"gave up after {attempts} attempts: {exc.__class__.__name__}") from exc
            time.sleep(base_delay * 2 ** attempt)


class QueueWorker:
    """Consumes tasks from an in-process queue on worker threads; failed tasks are retried, then reported."""

    def __init__(self, services, threads=2):
        self.services = services
        self.tasks = queue.Queue()
        self.threads = [threading.Thread(target=self._consume, name=f"meter-worker-{i}", daemon=True)
                        for i in range(threads)]
        for thread in self.threads:
            thread.start()

    def submit(self, name, params, trace=None):
        done = threading.Event()
        self.tasks.put((name, params, trace, done))
        return done

    def _consume(self):
        while True:
            name, params, trace, done = self.tasks.get()
            try:
                self._handle(name, params, trace)
            finally:
                done.set()

    def _handle(self, name, params, trace):
        with sentry_sdk.push_scope() as scope:
            scope.set_tag("task", name)
            if trace:
                scope.set_tag("corpus_case", trace)
            try:
                with_backoff(lambda: run_task(self.services, name, params))
            except UpstreamUnavailable as exc:
                sentry_sdk.capture_exception(exc)
