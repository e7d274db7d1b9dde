from . import billing, bulk, fleet, ingest, tariffs


def run_task(services, name, params):
    if name == "sync":
        return ingest.sync_meter(services.client, params["meter"], params["day"], params["previous"])
    if name == "price":
        return tariffs.price_usage(services.client, params["region"], params["usage"])
    if name == "close-period":
        return billing.close_period(services.client, params["account"], params["intervals"])
    if name == "firmware":
        return fleet.firmware_drift(services.client, params["meter"], params["expected"])
    if name == "weather":
        return fleet.weather_normalized_usage(services.weather, params["station"], params["day"], params["kwh"])
    if name == "upload":
        return bulk.import_upload(params["text"])
    raise LookupError(f"unknown task {name}")
