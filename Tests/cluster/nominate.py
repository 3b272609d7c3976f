#!/usr/bin/env python3
"""Partners posting nominations the way a careful partner system does, for Tests/cluster/kill-instance.sh.

Each partner's threads post their share of nominations, each with its own Idempotency-Key and person, and retry the
same key with the same body after a connection error, a timeout, a 5xx, a 429 or a 409 idempotency-in-flight
(honouring Retry-After), until a 201 or the bound. With --kill-pid, SIGKILL goes to that process once --kill-after
nominations are acknowledged. Afterwards every acknowledged key is posted once more (it must replay the same id), and
with --database-url the database is read: each acknowledged nomination stored exactly once, with the acknowledged
id, and nothing stored that was not acknowledged. Prints a summary; exits 1 when a check fails.

    nominate.py --base URL --tokens FILE [--per-partner N] [--threads T] [--kill-pid PID --kill-after K]
                [--bound SECONDS] [--max-wait SECONDS] [--database-url URL] [--json OUT]

FILE has one `PARTNER_CODE TOKEN` per line.
"""
import argparse
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

RETRIED_STATUSES = {500, 502, 503, 504, 429}


def body(run, partner_index, n):
    citizen = "%03d%01d%08d" % (run % 1000, partner_index, n)
    return citizen, json.dumps({
        "candidate": {
            "full_name": "Nguyễn Thị Kiểm Thử",
            "date_of_birth": "2001-05-14",
            "citizen_id": citizen,
            "email": "kill%s@example.edu.vn" % citizen,
            "education": [{"degree": "bachelor", "field": "law", "institution": "Trường Đại học Luật TP. Hồ Chí Minh",
                           "graduation_year": 2023, "classification": "excellent"}],
        },
        "nominator": {"name": "TS. Trần Văn An", "title": "Trưởng khoa", "email": "an.tran@example.edu.vn"},
        "relationship": "teacher",
        "justification": "Thủ khoa đầu ra.",
        "consent": {"obtained_at": "2026-11-02T09:00:00Z", "notice_version": "2026-01"},
    }, ensure_ascii=False).encode()


class Client:
    """One keep-alive connection, made again after any error."""

    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        self.connection = None

    def post(self, path, headers, payload, timeout=30):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            self.connection.request("POST", path, body=payload, headers=headers)
            reply = self.connection.getresponse()
            data = reply.read()
            if reply.getheader("Connection", "").lower() == "close":
                self.close()
            return reply.status, {k.lower(): v for k, v in reply.getheaders()}, data
        except Exception:
            self.close()
            raise

    def close(self):
        if self.connection is not None:
            try:
                self.connection.close()
            except Exception:
                pass
        self.connection = None


class Run:
    def __init__(self, args, partners):
        self.args = args
        self.partners = partners
        self.lock = threading.Lock()
        self.keys = {}          # key -> record
        self.acked = 0
        self.kill_at = None     # monotonic time of the kill
        self.in_flight = 0
        self.in_flight_at_kill = None
        self.started = time.monotonic()
        self.run_id = random.randrange(1000)

    def note(self, key, **fields):
        with self.lock:
            self.keys.setdefault(key, {"attempts": [], "ids": []}).update(fields)

    def attempt(self, key, what):
        with self.lock:
            self.keys[key]["attempts"].append([round(time.monotonic() - self.started, 3), what])

    def maybe_kill(self):
        a = self.args
        if not a.kill_pid:
            return
        with self.lock:
            if self.kill_at is not None or self.acked < a.kill_after:
                return
            self.kill_at = time.monotonic()
            self.in_flight_at_kill = self.in_flight
        os.kill(a.kill_pid, signal.SIGKILL)
        print("nominate: SIGKILL to pid %d after %d acknowledged, %d requests in flight"
              % (a.kill_pid, a.kill_after, self.in_flight_at_kill), flush=True)

    def submit(self, client, partner, token, key, payload):
        """Posts until 201, a final refusal, or the bound; returns the acknowledged id or None."""
        headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json", "Idempotency-Key": key}
        deadline = time.monotonic() + self.args.bound
        backoff = 0.1
        while True:
            with self.lock:
                self.in_flight += 1
            try:
                status, reply_headers, data = client.post("/v1/nominations", headers, payload)
            except (OSError, http.client.HTTPException) as error:
                status, reply_headers, data = None, {}, type(error).__name__
            finally:
                with self.lock:
                    self.in_flight -= 1
            slug = ""
            if status is not None and status >= 400:
                try:
                    slug = json.loads(data).get("type", "").rsplit("/", 1)[-1]
                except Exception:
                    slug = "not-json"
            what = data if status is None else ("%s %s" % (status, slug) if slug else status)
            self.attempt(key, what)
            if status == 201:
                ident = json.loads(data)["id"]
                with self.lock:
                    record = self.keys[key]
                    record["ids"].append(ident)
                    if record.get("acked") is None:
                        record["acked"] = ident
                        record["acked_at"] = time.monotonic()
                        self.acked += 1
                return ident
            retry = status is None or status in RETRIED_STATUSES or (status == 409 and slug == "idempotency-in-flight")
            if not retry:
                self.note(key, refused="%s %s" % (status, slug))
                return None
            if time.monotonic() >= deadline:
                self.note(key, gave_up=str(what))
                return None
            wait = backoff
            if "retry-after" in reply_headers:
                try:
                    wait = max(wait, float(reply_headers["retry-after"]))
                except ValueError:
                    pass
            backoff = min(backoff * 2, 2.0)
            time.sleep(min(wait, max(0.0, deadline - time.monotonic()) + 0.01))

    def worker(self, partner_index, partner, token, numbers):
        client = Client(self.args.base)
        for n in numbers:
            key = "kill-%d-%s-%d" % (self.run_id, partner, n)
            citizen, payload = body(self.run_id, partner_index, n)
            self.note(key, partner=partner, citizen_id=citizen, payload=payload.decode())
            self.submit(client, partner, token, key, payload)
            self.maybe_kill()
        client.close()

    def load(self):
        threads = []
        for index, (partner, token) in enumerate(self.partners):
            numbers = list(range(self.args.per_partner))
            for t in range(self.args.threads):
                thread = threading.Thread(target=self.worker, args=(index, partner, token, numbers[t::self.args.threads]))
                thread.start()
                threads.append(thread)
        for thread in threads:
            thread.join()
        self.loaded = time.monotonic()

    def replay(self):
        """Every acknowledged key once more: the same id, marked as replayed."""
        failures = []
        client = Client(self.args.base)
        tokens = dict(self.partners)
        for key, record in sorted(self.keys.items()):
            if record.get("acked") is None:
                continue
            headers = {"Authorization": "Bearer " + tokens[record["partner"]], "Content-Type": "application/json",
                       "Idempotency-Key": key}
            for _ in range(20):
                try:
                    status, reply_headers, data = client.post("/v1/nominations", headers, record["payload"].encode())
                except (OSError, http.client.HTTPException):
                    time.sleep(0.2)
                    continue
                if status == 429:
                    time.sleep(float(reply_headers.get("retry-after", "1")))
                    continue
                break
            else:
                failures.append("%s: no answer to its replay" % key)
                continue
            ident = json.loads(data).get("id") if status == 201 else None
            if status != 201 or ident != record["acked"]:
                failures.append("%s: the replay answered %s %s, acknowledged %s" % (key, status, ident, record["acked"]))
            elif reply_headers.get("idempotent-replayed") != "true":
                failures.append("%s: the replay is not marked Idempotent-Replayed" % key)
        client.close()
        return failures


def rows(database_url, query):
    """The rows of a query, each a list of its columns as text."""
    out = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-F", "\t", database_url, "-c", query],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line.strip()]


def stored(database_url):
    """citizen_id -> list of nomination ids, and key -> the id the key's stored answer names."""
    nominations = {}
    for citizen, ident in rows(database_url, "SELECT submitted->'candidate'->>'citizen_id', id FROM nominations"):
        nominations.setdefault(citizen, []).append(ident)
    keys = {}
    for key, state, ident in rows(database_url, "SELECT partner_code || ' ' || key, state, "
                                                "coalesce(response_body::json->>'id', '') FROM idempotency_keys"):
        keys[key.split(" ", 1)[1]] = (state, ident)
    return nominations, keys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--tokens", required=True)
    parser.add_argument("--per-partner", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2, help="threads per partner")
    parser.add_argument("--kill-pid", type=int)
    parser.add_argument("--kill-after", type=int, default=0)
    parser.add_argument("--bound", type=float, default=60, help="seconds a key is retried before the run gives up on it")
    parser.add_argument("--max-wait", type=float,
                        help="seconds after the kill by which every key that met a failure must be acknowledged")
    parser.add_argument("--database-url")
    parser.add_argument("--json")
    args = parser.parse_args()
    partners = [tuple(line.split()) for line in open(args.tokens) if line.strip()]
    run = Run(args, partners)
    run.load()
    failures = []
    records = run.keys
    acked = {k: r for k, r in records.items() if r.get("acked")}
    total = len(records)
    # Up to the last acknowledgment: a key retried until the bound would otherwise count its wait as load.
    elapsed = max([r["acked_at"] for r in acked.values()] or [run.loaded]) - run.started
    print("nominate: %d of %d nominations acknowledged, the last after %.1f s (%.1f/s), %d attempts"
          % (len(acked), total, elapsed, len(acked) / elapsed if elapsed else 0,
             sum(len(r["attempts"]) for r in records.values())))
    for key, record in sorted(records.items()):
        if not record.get("acked"):
            last = record["attempts"][-1][1] if record["attempts"] else "none"
            failures.append("%s: not acknowledged (%s; last answer %s; %d attempts)"
                            % (key, record.get("refused") or "gave up after %.0f s" % args.bound, last,
                               len(record["attempts"])))
        if len(set(record["ids"])) > 1:
            failures.append("%s: two ids acknowledged: %s" % (key, sorted(set(record["ids"]))))
    if args.kill_pid:
        if run.kill_at is None:
            failures.append("the instance was never killed (fewer than %d acknowledged)" % args.kill_after)
        else:
            # The keys whose requests failed at or after the kill, and how long after it they were acknowledged.
            hit = {}
            for key, record in records.items():
                failed = [a for a in record["attempts"] if a[0] >= run.kill_at - run.started - 0.001 and a[1] != 201]
                if failed:
                    hit[key] = record
            outcomes = {}
            for record in hit.values():
                for _, what in record["attempts"]:
                    if what != 201:
                        outcomes[str(what)] = outcomes.get(str(what), 0) + 1
            waits = [r["acked_at"] - run.kill_at for r in hit.values() if r.get("acked_at")]
            print("nominate: %d keys met a failure after the kill (%s); acknowledged at most %.1f s after it"
                  % (len(hit), ", ".join("%s ×%d" % kv for kv in sorted(outcomes.items())) or "none",
                     max(waits) if waits else 0))
            if args.max_wait is not None and waits and max(waits) > args.max_wait:
                failures.append("a key was acknowledged %.1f s after the kill (at most %.0f s expected: the other "
                                "instance answered all along)" % (max(waits), args.max_wait))
    failures += run.replay()
    if args.database_url:
        nominations, keys = stored(args.database_url)
        for key, record in sorted(records.items()):
            ids = nominations.get(record["citizen_id"], [])
            if record.get("acked"):
                if ids != [record["acked"]]:
                    failures.append("%s: acknowledged %s, stored %s" % (key, record["acked"], ids or "nothing"))
                if keys.get(key) != ("done", record["acked"]):
                    failures.append("%s: its key's stored answer is %s" % (key, keys.get(key)))
            elif ids:
                failures.append("%s: stored %s but never acknowledged" % (key, ids))
        print("nominate: database: %d nominations stored for %d keys; %d acknowledged ones checked"
              % (sum(len(nominations.get(r["citizen_id"], [])) for r in records.values()), total, len(acked)))
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"kill_at": run.kill_at and run.kill_at - run.started, "keys": records}, out, indent=1)
    if any(not r.get("acked") and r["attempts"] and r["attempts"][-1][1] == "409 idempotency-in-flight"
           for r in records.values()):
        print("nominate: keys still 409 idempotency-in-flight: the claim of a request that died with its instance "
              "still holds the key (issue 14, item 2: no key stays locked by a request that no longer runs)",
              file=sys.stderr)
    for failure in failures[:40]:
        print("nominate: FAILED: " + failure, file=sys.stderr)
    if len(failures) > 40:
        print("nominate: FAILED: … and %d more" % (len(failures) - 40), file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
