import requests


class HeadEndClient:
    """The head-end system's REST API (meter registers, interval data, tariffs, billing exports)."""

    def __init__(self, base_url, timeout=0.25):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "meter-reader/3"

    def _get(self, path, **params):
        response = self.session.get(f"{self.base_url}{path}", params=params, timeout=self.timeout)
        response.raise_for_status()
        return response

    def _post(self, path, payload):
        response = self.session.post(f"{self.base_url}{path}", json=payload, timeout=self.timeout)
        response.raise_for_status()
        return response

    def fetch_register_status(self, meter_id):
        return self._get(f"/meters/{meter_id}/status").json()

    def fetch_intervals(self, meter_id, day):
        return self._get(f"/meters/{meter_id}/intervals", day=day).json()["readings"]

    def fetch_tariff(self, region):
        return self._get(f"/tariffs/{region}").json()

    def fetch_firmware_manifest(self, meter_id):
        return self._get(f"/meters/{meter_id}/firmware").json()

    def post_export(self, export):
        return self._post("/billing/exports", export).json()


class WeatherClient:
    def __init__(self, base_url, timeout=0.2):
        self.base_url = base_url
        self.timeout = timeout

    def degree_days(self, station, day):
        response = requests.get(f"{self.base_url}/stations/{station}/degree-days", params={"day": day},
                                timeout=self.timeout)
        response.raise_for_status()
        return response.json()["hdd"]
