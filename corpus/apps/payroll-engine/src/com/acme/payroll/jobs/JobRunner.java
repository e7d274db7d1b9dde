package com.acme.payroll.jobs;

import corpus.sentry.Sentry;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Background jobs on a worker pool, retried, reported once they have failed for good. */
public final class JobRunner {
  private static final int ATTEMPTS = 2;
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final PayrollJobs jobs;

  public JobRunner(PayrollJobs jobs) {
    this.jobs = jobs;
  }

  public Future<?> submit(String job, Map<String, String> tags, Object payload) {
    return workers.submit(() -> {
      Sentry.restoreTags(tags);
      try {
        runWithRetries(job, payload);
      } catch (PayrollJobException failed) {
        Sentry.captureException(failed);
      }
    });
  }

  private void runWithRetries(String job, Object payload) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        jobs.perform(job, payload);
        return;
      } catch (RuntimeException error) {
        last = error;
      }
    }
    throw new PayrollJobException(job, ATTEMPTS, last);
  }

  public void drain() throws InterruptedException {
    workers.shutdown();
    workers.awaitTermination(2, TimeUnit.MINUTES);
  }
}
