"""meterctl: operator commands. `sync METER DAY --previous KWH`, `sync-all DAY METER...`, `price REGION`,
`close-period ACCOUNT`, `firmware METER`, `weather STATION DAY`, `upload FILE`."""
import argparse
import json
import sys
from types import SimpleNamespace

import sentry_sdk

from meter_reader import billing, bulk, fleet, ingest, tariffs
from meter_reader.headend import HeadEndClient, WeatherClient
from meter_reader.monitoring import init_sentry


def services_from(args):
    return SimpleNamespace(client=HeadEndClient(args.headend), weather=WeatherClient(args.weather))


def cmd_sync(s, args):
    previous = None if args.previous == "none" else float(args.previous)
    print(ingest.sync_meter(s.client, args.meter, args.day, previous))


def cmd_sync_all(s, args):
    failures = 0
    totals = json.loads(args.totals)
    for meter in args.meters:
        try:
            ingest.sync_meter(s.client, meter, args.day, totals.get(meter))
        except Exception as exc:
            failures += 1
            sentry_sdk.capture_exception(exc)
    print(f"{failures} of {len(args.meters)} meters failed")


def cmd_price(s, args):
    print(tariffs.price_usage(s.client, args.region, json.loads(args.usage)))


def cmd_close_period(s, args):
    print(billing.close_period(s.client, args.account, json.loads(args.intervals)))


def cmd_firmware(s, args):
    print(fleet.firmware_drift(s.client, args.meter, args.expected))


def cmd_weather(s, args):
    print(fleet.weather_normalized_usage(s.weather, args.station, args.day, float(args.kwh)))


def cmd_upload(s, args):
    with open(args.file, newline="") as handle:
        print(len(bulk.import_upload(handle.read())))


def build_parser():
    parser = argparse.ArgumentParser(prog="meterctl")
    parser.add_argument("--headend", required=True)
    parser.add_argument("--weather", required=True)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sync")
    p.add_argument("meter"), p.add_argument("day"), p.add_argument("--previous", default="0")
    p.set_defaults(run=cmd_sync)
    p = sub.add_parser("sync-all")
    p.add_argument("day"), p.add_argument("meters", nargs="+"), p.add_argument("--totals", default="{}")
    p.set_defaults(run=cmd_sync_all)
    p = sub.add_parser("price")
    p.add_argument("region"), p.add_argument("usage")
    p.set_defaults(run=cmd_price)
    p = sub.add_parser("close-period")
    p.add_argument("account"), p.add_argument("intervals")
    p.set_defaults(run=cmd_close_period)
    p = sub.add_parser("firmware")
    p.add_argument("meter"), p.add_argument("--expected", default="4.2.0")
    p.set_defaults(run=cmd_firmware)
    p = sub.add_parser("weather")
    p.add_argument("station"), p.add_argument("day"), p.add_argument("kwh")
    p.set_defaults(run=cmd_weather)
    p = sub.add_parser("upload")
    p.add_argument("file")
    p.set_defaults(run=cmd_upload)
    return parser


def main(argv):
    args = build_parser().parse_args(argv)
    args.run(services_from(args), args)


if __name__ == "__main__":
    init_sentry()
    if sys.argv[1] == "--script":
        with open(sys.argv[2]) as handle:
            script = json.load(handle)
        for step in script:
            with sentry_sdk.push_scope() as scope:
                scope.set_tag("corpus_case", step["trace"])
                try:
                    main(step["argv"])
                except Exception as exc:
                    sentry_sdk.capture_exception(exc)
    else:
        main(sys.argv[1:])
    sentry_sdk.flush(10)
