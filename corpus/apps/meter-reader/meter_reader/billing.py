def load_factor(intervals):
    peak = max(intervals)
    return sum(intervals) / (len(intervals) * peak)


def close_period(client, account, intervals):
    export = {"account": account, "kwh": round(sum(intervals), 3), "load_factor": round(load_factor(intervals), 4)}
    return client.post_export(export)
