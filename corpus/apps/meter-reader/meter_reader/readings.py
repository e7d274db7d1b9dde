from datetime import datetime


class ReadingRegression(Exception):
    """A cumulative register went backwards: a meter swap, a rollover, or a corrupted upload."""


def parse_timestamp(value):
    return datetime.fromisoformat(value)


def normalize(raw):
    return {
        "at": parse_timestamp(raw["at"]),
        "register": raw["register"],
        "kwh": float(raw["kwh"]),
    }


def check_monotonic(readings):
    for previous, current in zip(readings, readings[1:]):
        if current["kwh"] < previous["kwh"]:
            raise ReadingRegression(
                f"register {current['register']} went from {previous['kwh']} to {current['kwh']} at {current['at']}"
            )
    return readings


def consumption_delta(readings, previous_total):
    return round(readings[-1]["kwh"] - previous_total, 3)
