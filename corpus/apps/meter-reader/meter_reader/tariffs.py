from decimal import Decimal


def parse_rate(text):
    return Decimal(text)


def load_schedule(client, region):
    tariff = client.fetch_tariff(region)
    return {band["name"]: parse_rate(band["rate"]) for band in tariff["bands"]}


def price_usage(client, region, usage_by_band):
    schedule = load_schedule(client, region)
    return sum(schedule[band] * Decimal(str(kwh)) for band, kwh in usage_by_band.items())
