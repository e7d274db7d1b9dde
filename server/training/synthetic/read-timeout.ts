import type { SyntheticEventPayload, SyntheticFrame } from "./types";

// The two ReadTimeoutError traces of the fingerprinting issue: same exception in urllib3's urlopen, same
// outer path generate_summary_and_run_automation → get_issue_summary → _generate_summary → run_automation,
// then different features (the autofix state lookup vs the fixability score) reaching the same signed
// request helper. Different root causes with different fixes: a model that merges them overgroups.

const site = "/usr/local/lib/python3.13/site-packages";

function app(file: string, fn: string, lineno: number, context: string): SyntheticFrame {
  const dotted = file.replace(/\.py$/, "").replace(/\//g, ".");
  return {
    filename: file,
    abs_path: `/usr/src/sentry/src/${file}`,
    module: dotted,
    function: fn,
    lineno,
    context_line: context,
    in_app: true,
  };
}

function lib(file: string, fn: string, lineno: number, context: string): SyntheticFrame {
  const dotted = file.replace(/\.py$/, "").replace(/\//g, ".");
  return {
    filename: file,
    abs_path: `${site}/${file}`,
    module: dotted,
    function: fn,
    lineno,
    context_line: context,
    in_app: false,
  };
}

const outer: SyntheticFrame[] = [
  lib("celery/app/trace.py", "trace_task", 453, "R = retval = fun(*args, **kwargs)"),
  lib("celery/app/trace.py", "__protected_call__", 736, "return self.run(*args, **kwargs)"),
  app("sentry/silo/base.py", "override", 158, "return original_method(*args, **kwargs)"),
  app("sentry/tasks/base.py", "_wrapped", 186, "result = func(*args, **kwargs)"),
  app(
    "sentry/tasks/autofix.py",
    "generate_summary_and_run_automation",
    68,
    "get_issue_summary(group=group, source=SeerAutomationSource.POST_PROCESS)",
  ),
  app("sentry/seer/issue_summary.py", "get_issue_summary", 421, "summary_dict, status_code = _generate_summary("),
  app("sentry/seer/issue_summary.py", "_generate_summary", 336, "_run_automation(group, user, event, source)"),
  app("sentry/seer/issue_summary.py", "_run_automation", 262, "run_automation(group, user, event, source)"),
];

const sharedSink: SyntheticFrame[] = [
  app("sentry/seer/signed_seer_api.py", "make_signed_seer_api_request", 58, "return connection_pool.urlopen("),
  lib("urllib3/connectionpool.py", "urlopen", 841, "retries = retries.increment("),
  lib("urllib3/util/retry.py", "increment", 474, "raise reraise(type(error), error, _stacktrace)"),
  lib("urllib3/util/util.py", "reraise", 39, "raise value"),
  lib("urllib3/connectionpool.py", "urlopen", 787, "response = self._make_request("),
  lib(
    "urllib3/connectionpool.py",
    "_make_request",
    536,
    "self._raise_timeout(err=e, url=url, timeout_value=read_timeout)",
  ),
  lib("urllib3/connectionpool.py", "_raise_timeout", 367, "raise ReadTimeoutError("),
];

const pathA: SyntheticFrame[] = [
  app(
    "sentry/seer/autofix/issue_summary.py",
    "run_automation",
    211,
    "autofix_state = get_autofix_state(group_id=group.id, organization_id=group.organization.id)",
  ),
  app("sentry/seer/autofix/utils.py", "get_autofix_state", 124, "response = make_get_autofix_state_request("),
  app("sentry/seer/autofix/utils.py", "make_get_autofix_state_request", 98, "response = make_signed_seer_api_request("),
];

const pathB: SyntheticFrame[] = [
  app(
    "sentry/seer/autofix/issue_summary.py",
    "run_automation",
    190,
    "fixability_score = get_and_update_group_fixability_score(group)",
  ),
  app(
    "sentry/seer/issue_summary.py",
    "get_and_update_group_fixability_score",
    302,
    "response_data = _generate_fixability_score(group)",
  ),
  app("sentry/seer/issue_summary.py", "_generate_fixability_score", 284, "response = make_signed_seer_api_request("),
];

function event(id: string, middle: SyntheticFrame[]): SyntheticEventPayload {
  return {
    event_id: id,
    platform: "python",
    level: "error",
    timestamp: 1_760_000_000,
    release: "backend@25.10.0",
    environment: "production",
    exception: {
      values: [
        {
          type: "ReadTimeoutError",
          module: "urllib3.exceptions",
          value: "HTTPConnectionPool(host='seer-autofix', port=80): Read timed out. (read timeout=15)",
          mechanism: { type: "celery", handled: false },
          stacktrace: { frames: [...outer, ...middle, ...sharedSink] },
        },
      ],
    },
    tags: { server_name: "worker-seer-1", runtime: "python" },
    sdk: { name: "sentry.python", version: "2.19.2" },
  };
}

/** The two ReadTimeoutError events: A reads the autofix state, B scores fixability. Labeled SEPARATE. */
export function readTimeoutPair(): { a: SyntheticEventPayload; b: SyntheticEventPayload } {
  return {
    a: event("a0000000000000000000000000000001", pathA),
    b: event("b0000000000000000000000000000002", pathB),
  };
}
