import csv
import io

from . import readings


def parse_upload(text):
    return list(csv.DictReader(io.StringIO(text), strict=True))


def import_upload(text):
    rows = parse_upload(text)
    return [readings.normalize(row) for row in rows]
