"""A flood of requests without a valid token, from its own process (so the flood's client
work does not share the test process's interpreter lock with the server it attacks).

``python -m tests.faults.flood_child URL COUNT THREADS``: prints ``started``, sends COUNT
requests on keep-alive connections from THREADS threads — a third with a well-formed token
nobody holds, the rest with none, over several routes — then prints the statuses seen as
one JSON object ``{"401": n, "429": m}``.
"""

from __future__ import annotations

import base64
import http.client
import json
import secrets
import sys
import threading
from collections import Counter
from urllib.parse import urlsplit

PATHS = ("/v1/health", "/v1/envelopes", "/openapi.json", "/docs", "/v1/nothing")


def flood(url: str, count: int, statuses: Counter[int], lock: threading.Lock) -> None:
    parts = urlsplit(url)
    seen: Counter[int] = Counter()

    def connect() -> http.client.HTTPConnection:
        return http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)

    conn = connect()
    try:
        for i in range(count):
            headers = {}
            if i % 3 == 0:  # a well-formed token nobody holds: the server looks it up
                token = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()[:42] + "A"
                headers["Authorization"] = f"Bearer {token}"
            conn.request("GET", PATHS[i % len(PATHS)], headers=headers)
            response = conn.getresponse()
            response.read()
            seen[response.status] += 1
            if response.will_close:
                conn.close()
                conn = connect()
    finally:
        conn.close()
        with lock:
            statuses.update(seen)


def main() -> None:
    url, count, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    workers = [
        threading.Thread(target=flood, args=(url, count // threads, statuses, lock))
        for _ in range(threads)
    ]
    print("started", flush=True)
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(json.dumps({str(k): v for k, v in statuses.items()}), flush=True)


if __name__ == "__main__":
    main()
