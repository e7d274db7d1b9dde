def firmware_drift(client, meter_id, expected):
    manifest = client.fetch_firmware_manifest(meter_id)
    return manifest["version"] != expected


def weather_normalized_usage(weather, station, day, kwh):
    hdd = weather.degree_days(station, day)
    return kwh / max(hdd, 1)
