from . import readings


def sync_meter(client, meter_id, day, previous_total):
    status = client.fetch_register_status(meter_id)
    if status.get("state") == "decommissioned":
        return None
    raw = client.fetch_intervals(meter_id, day)
    series = readings.check_monotonic([readings.normalize(r) for r in raw])
    return {"meter": meter_id, "day": day, "delta": readings.consumption_delta(series, previous_total)}
