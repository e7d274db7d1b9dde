"""Drives meter-reader through its entry points (the operator CLI and its batch command, the queue worker with
retries, the asyncio scheduler) against a simulated head-end. Environment: SENTRY_DSN, CORPUS_RELEASE, CORPUS_SEED."""
import json
import os
import random
import subprocess
import sys
import tempfile
from types import SimpleNamespace

import sentry_sdk

import headend_sim
from meter_reader.headend import HeadEndClient, WeatherClient
from meter_reader.monitoring import init_sentry
from meter_reader.scheduler import run_schedule
from meter_reader.worker import QueueWorker

OCCURRENCES = 3
rng = random.Random(int(os.environ.get("CORPUS_SEED", "1")))
init_sentry()
server, headend_url = headend_sim.start()
weather_url = headend_sim.closed_port_url()
services = SimpleNamespace(client=HeadEndClient(headend_url), weather=WeatherClient(weather_url))
workdir = tempfile.mkdtemp(prefix="meter-reader-")


def meter(prefix):
    return f"{prefix}-{rng.randint(1000, 9999)}"


def ok_intervals():
    return [round(rng.uniform(0.2, 3.0), 3) for _ in range(24)]


def sync(prefix, previous=0.0):
    return lambda: {"meter": meter(prefix), "day": "2024-03-01", "previous": previous}


ROOT_CAUSES = [
    ("interval-fetch-timeout", "sync", sync("M-SLOWINT")),
    ("status-fetch-timeout", "sync", sync("M-SLOWSTAT")),
    ("reading-without-register", "sync", sync("M-NOREG")),
    ("timestamp-month-13", "sync", sync("M-MONTH13")),
    ("register-went-backwards", "sync", sync("M-REGRESS")),
    ("no-previous-total", "sync", sync("M-OK", previous=None)),
    ("tariff-region-missing", "price", lambda: {"region": f"XX-{rng.randint(10, 99)}", "usage": {"peak": 12.5}}),
    ("tariff-rate-decimal-comma", "price", lambda: {"region": f"EU-COMMA-{rng.randint(10, 99)}", "usage": {"peak": 3.5, "offpeak": 8}}),
    ("billing-export-rejected", "close-period", lambda: {"account": f"ACC-REJ-{rng.randint(100, 999)}", "intervals": ok_intervals()}),
    ("zero-peak-load-factor", "close-period", lambda: {"account": f"ACC-{rng.randint(100, 999)}", "intervals": [0.0] * 24}),
    ("firmware-maintenance-page", "firmware", lambda: {"meter": meter("M-MAINT"), "expected": "4.2.0"}),
    ("weather-service-down", "weather", lambda: {"station": rng.choice(["EGLL", "EDDF", "LFPG"]), "day": "2024-03-01", "kwh": 12.0}),
    ("upload-unterminated-quote", "upload", lambda: {"text": 'meter,at,register,kwh\nM-1,2024-03-01T00:00:00,1.8.0,12.5\nM-2,"2024-03-01T01:00:00,1.8.0,13.1\n'}),
]

worker = QueueWorker(services)
scheduled = []
cli_script = []
CLI_BASE = ["--headend", headend_url, "--weather", weather_url]


def cli(argv, trace):
    cli_script.append({"argv": CLI_BASE + [str(a) for a in argv], "trace": trace})


def cli_upload(p, trace):
    path = os.path.join(workdir, f"upload-{len(cli_script)}.csv")
    with open(path, "w") as handle:
        handle.write(p["text"])
    cli(["upload", path], trace)


def cli_argv(name, p):
    if name == "price":
        return ["price", p["region"], json.dumps(p["usage"])]
    if name == "close-period":
        return ["close-period", p["account"], json.dumps(p["intervals"])]
    if name == "firmware":
        return ["firmware", p["meter"], "--expected", p["expected"]]
    if name == "weather":
        return ["weather", p["station"], p["day"], p["kwh"]]
    raise LookupError(name)


def cli_sync_all(p, trace):
    healthy = meter("M-OK")
    totals = {healthy: 0.0}
    if p["previous"] is not None:
        totals[p["meter"]] = p["previous"]
    cli(["sync-all", p["day"], healthy, p["meter"], "--totals", json.dumps(totals)], trace)


def queued(name):
    return lambda p, t: worker.submit(name, p, t).wait()


def polled(name):
    return lambda p, t: scheduled.append((name, p, t))


def entry_points(name):
    if name == "sync":
        return {
            "cli sync": lambda p, t: cli(["sync", p["meter"], p["day"], "--previous", "none" if p["previous"] is None else p["previous"]], t),
            "cli sync-all": cli_sync_all,
            "worker sync": queued("sync"),
            "scheduler sync": polled("sync"),
        }
    cli_entry = cli_upload if name == "upload" else (lambda p, t: cli(cli_argv(name, p), t))
    return {f"cli {name}": cli_entry, f"worker {name}": queued(name), f"scheduler {name}": polled(name)}


cases = 0
for cause, operation, trigger in ROOT_CAUSES:
    for entry, run in entry_points(operation).items():
        for n in range(OCCURRENCES):
            run(trigger(), f"{cause}|{entry}|{n}")
            cases += 1
run_schedule(services, scheduled)

script_path = os.path.join(workdir, "script.json")
with open(script_path, "w") as handle:
    json.dump(cli_script, handle)
subprocess.run([sys.executable, "meterctl.py", "--script", script_path], check=True, stdout=subprocess.DEVNULL)
server.shutdown()
sentry_sdk.flush(10)
print(f"CORPUS_CASES {cases}")
