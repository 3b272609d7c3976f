#!/usr/bin/env python3
"""Fault tests of `talent serve` against a PostgreSQL cluster of their own (Tests/faults/faults.sh sets it up).

Each scenario drives the real binary over loopback HTTP the way partner universities' systems do: nominations with an
Idempotency-Key, retried on a lost connection, a 5xx or a 409 idempotency-in-flight (honouring Retry-After). Every
assertion is about what a partner or an operator would see: every acknowledged nomination stored exactly once, every
replay naming the acknowledged id, answers within bounded time while the server or the database is killed.
"""
import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time

BIN = os.environ["TALENT_BIN"]
OWNER_URL = os.environ["DATABASE_MIGRATION_URL"]
DB_SH = os.environ["DB_SH"]
TOKENS = dict(pair.split("=", 1) for pair in os.environ["PARTNER_TOKENS"].split(","))
PORT = int(os.environ["API_PORT"])
checks = 0


def fail(message):
    print(f"faults: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def ok(condition, message):
    global checks
    if not condition:
        fail(message)
    checks += 1


def sql(query):
    out = subprocess.run(["psql", "-X", "-q", "-tA", "-d", OWNER_URL, "-c", query], check=True,
                         capture_output=True, text=True)
    return out.stdout.strip()


def pg_ctl(*args):
    subprocess.run([DB_SH, "pg_ctl", *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Server:
    """One `talent serve` process on PORT; started, killed and restarted by the scenarios."""

    def __init__(self, **env):
        self.env = dict(os.environ, TALENT_PARTNER_RATE_PER_MINUTE="100000", **env)
        self.process = None

    def start(self):
        self.process = subprocess.Popen([BIN, "serve", "--host", "127.0.0.1", "--port", str(PORT),
                                         "--log-level", "error"], env=self.env, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                fail(f"the server exited with {self.process.returncode} at start")
            try:
                if request("GET", "/health", timeout=1)[0] == 200:
                    return time.monotonic()
            except OSError:
                pass
            time.sleep(0.05)
        fail("the server did not answer /health within 60 s")

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self, timeout=30):
        """SIGTERM; returns how long the process took to exit."""
        started = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            fail(f"the server ignored SIGTERM for {timeout} s")
        return time.monotonic() - started


def request(method, path, body=None, headers=None, timeout=15):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    try:
        connection.request(method, path, body=json.dumps(body).encode() if body is not None else None,
                           headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return response.status, dict(response.getheaders()), (json.loads(data) if data else None)
    finally:
        connection.close()


def nomination(n):
    return {
        "candidate": {"full_name": "Nguyễn Thị Minh Thư", "date_of_birth": "2001-05-14",
                      "citizen_id": f"{900000000000 + n:012d}", "email": f"sv{n}@example.edu.vn"},
        "nominator": {"name": "TS. Trần Văn An", "title": "Trưởng khoa", "email": "an.tran@example.edu.vn"},
        "relationship": "teacher", "justification": "Thủ khoa đầu ra.",
        "consent": {"obtained_at": "2026-11-02T09:00:00Z", "notice_version": "2026-01"},
    }


def post_nomination(partner, key, n, timeout=15):
    headers = {"Authorization": f"Bearer {TOKENS[partner]}", "Content-Type": "application/json",
               "Idempotency-Key": key}
    return request("POST", "/v1/nominations", nomination(n), headers, timeout=timeout)


def submit_until_acknowledged(partner, key, n, log, give_up=60):
    """Retries as a partner's system does until a 201; records what each attempt got."""
    deadline = time.monotonic() + give_up
    while time.monotonic() < deadline:
        try:
            status, headers, body = post_nomination(partner, key, n)
        except OSError as error:
            log.append((time.monotonic(), "connection", str(error)))
            time.sleep(0.05)
            continue
        if status == 201:
            return body["id"], time.monotonic()
        retry_after = headers.get("Retry-After")
        log.append((time.monotonic(), status, retry_after))
        in_flight = status == 409 and (body or {}).get("type", "").endswith("/idempotency-in-flight")
        if not (in_flight or status in (502, 503, 504)):
            fail(f"{key}: unexpected {status} {body}")
        if status in (409, 503) and retry_after is None:
            fail(f"{key}: {status} without Retry-After")
        time.sleep(min(float(retry_after or 0.1), 1.0))
    fail(f"{key}: not acknowledged within {give_up} s: {log[-5:]}")


def stored_ids(prefix):
    """key → the nomination id the key's stored answer names, and the nominations' count, for keys of a prefix."""
    rows = sql(f"SELECT key, response_body::json->>'id' FROM idempotency_keys WHERE key LIKE '{prefix}%'")
    answers = dict(line.split("|") for line in rows.splitlines() if line)
    ids = "', '".join(answers.values()) or "00000000-0000-0000-0000-000000000000"
    count = int(sql(f"SELECT count(*) FROM nominations WHERE id IN ('{ids}')"))
    return answers, count


def crash_under_load(server):
    """Four partners post with retries while the server is killed with SIGKILL three times: each posts at least
    per_partner nominations and goes on until the third restart (a fast machine finishes 400 before it)."""
    per_partner = 100
    results, logs = {}, {}
    restarts = []  # (killed at, answering again at)
    done = threading.Event()
    killed_three_times = threading.Event()

    def partner_worker(index, partner):
        for i in range(5_000):
            if i >= per_partner and killed_three_times.is_set():
                break
            n = index * 10_000 + i
            key = f"crash-{partner}-{i}"
            log = logs.setdefault(key, [])
            results[key] = submit_until_acknowledged(partner, key, n, log) + (n,)

    threads = [threading.Thread(target=partner_worker, args=(i, p)) for i, p in enumerate(sorted(TOKENS))]
    for thread in threads:
        thread.start()

    def killer():
        try:
            for _ in range(3):
                time.sleep(1.2)
                if done.is_set():
                    return
                killed = time.monotonic()
                server.kill9()
                time.sleep(0.3)
                restarts.append((killed, server.start()))
        finally:
            killed_three_times.set()

    kill_thread = threading.Thread(target=killer)
    kill_thread.start()
    for thread in threads:
        thread.join()
    done.set()
    kill_thread.join()
    ok(len(restarts) == 3, f"the server was killed {len(restarts)} times while partners posted, not 3 (make the load longer)")
    ok(len(results) >= per_partner * len(TOKENS), f"only {len(results)} nominations acknowledged")

    # No retry waited more than 2 s after the server answered again.
    worst = 0.0
    for key, log in logs.items():
        failed_at = [at for at, _, _ in log]
        if not failed_at:
            continue
        acknowledged_at = results[key][1]
        back = max((up for _, up in restarts if up <= acknowledged_at), default=None)
        if back is not None and min(failed_at) < back:
            worst = max(worst, acknowledged_at - back)
    ok(worst <= 2.0, f"a retry was acknowledged {worst:.2f} s after the server was back (limit 2 s)")

    answers, count = stored_ids("crash-")
    ok(len(answers) == len(results), f"{len(answers)} keys stored for {len(results)} acknowledged nominations")
    ok(count == len(results), f"{count} nominations stored for {len(results)} acknowledged")
    ok(all(answers[key] == id for key, (id, _, _) in results.items()), "a stored answer differs from the acknowledged id")
    people = int(sql("SELECT count(*) FROM candidates WHERE citizen_id LIKE '9000000%'"))
    ok(people == len(results), f"{people} candidates for {len(results)} nominations")
    # Every replay names the acknowledged id.
    for key, (id, _, n) in list(results.items())[::7]:
        partner = key.split("-")[1]
        status, _, body = post_nomination(partner, key, n)
        ok(status == 201 and body["id"] == id, f"replay of {key}: {status} {body}")
    kills = len(restarts)
    print(f"faults: {len(results)} nominations by {len(TOKENS)} partners, server killed {kills} times, "
          f"slowest retry after a restart {worst:.2f} s")


class Locker:
    """A psql session holding an ACCESS EXCLUSIVE lock on a table for some seconds (the nominations wait on it)."""

    def __init__(self, table, seconds):
        self.process = subprocess.Popen(
            ["psql", "-X", "-q", "-d", OWNER_URL, "-c",
             f"BEGIN; LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep({seconds}); COMMIT;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if sql(f"SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                   f"WHERE c.relname = '{table}' AND l.mode = 'AccessExclusiveLock' AND l.granted") != "0":
                return
            time.sleep(0.05)
        fail(f"could not lock {table}")

    def wait(self):
        self.process.wait(timeout=120)


def in_background(function, *args):
    result = {}

    def run():
        try:
            result["value"] = function(*args)
        except OSError as error:
            result["error"] = error
        result["at"] = time.monotonic()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


def long_first_request(server):
    """The first request with a key runs long (blocked behind a lock): retries meanwhile are 409 with Retry-After, never a
    second nomination; once it finishes, the key replays its answer."""
    locker = Locker("referrals", 6)
    first, answer = in_background(post_nomination, sorted(TOKENS)[0], "long-1", 50_001, 60)
    time.sleep(1.0)
    for _ in range(3):
        status, headers, body = post_nomination(sorted(TOKENS)[0], "long-1", 50_001)
        ok(status == 409 and body["type"].endswith("idempotency-in-flight") and headers.get("Retry-After"),
           f"a retry while the first request runs answered {status} {body}")
        time.sleep(1.0)
    locker.wait()
    first.join(timeout=30)
    status, _, body = answer["value"]
    ok(status == 201, f"the long first request answered {status} {body}")
    replay_status, _, replay = post_nomination(sorted(TOKENS)[0], "long-1", 50_001)
    ok(replay_status == 201 and replay["id"] == body["id"], f"the replay answered {replay_status} {replay}")
    answers, count = stored_ids("long-")
    ok(len(answers) == 1 and count == 1, f"one key stored {len(answers)} answers and {count} nominations")


def restart_with_writes_waiting(server):
    """Two nominations wait on a lock when PostgreSQL is restarted with -m immediate: both answer within seconds, and
    their retries are acknowledged within 5 s of the database being ready; the server keeps its process."""
    partner = sorted(TOKENS)[1]
    locker = Locker("referrals", 60)
    waiting = [in_background(post_nomination, partner, f"restart-{i}", 60_000 + i, 60) for i in range(2)]
    time.sleep(0.8)
    restarted = time.monotonic()
    pg_ctl("restart", "-m", "immediate", "-w", "-t", "60")
    ready = time.monotonic()
    locker.wait()
    for thread, result in waiting:
        thread.join(timeout=30)
        ok(not thread.is_alive(), "a write waiting on a lock never answered after PostgreSQL restarted")
        ok("at" in result and result["at"] - restarted < 10,
           f"a waiting write answered {result.get('at', 0) - restarted:.1f} s after the restart")
        if "value" in result:
            status, headers, _ = result["value"]
            ok(status in (201, 503) and (status == 201 or headers.get("Retry-After")),
               f"a waiting write answered {status} {headers}")
    ok(server.process.poll() is None, "the server exited when PostgreSQL restarted")
    for i in range(2):
        _, acknowledged = submit_until_acknowledged(partner, f"restart-{i}", 60_000 + i, [], give_up=30)
        ok(acknowledged - ready < 5, f"a retry was acknowledged {acknowledged - ready:.1f} s after PostgreSQL was ready")
    answers, count = stored_ids("restart-")
    ok(len(answers) == 2 and count == 2, f"two keys stored {len(answers)} answers and {count} nominations")


def database_down(server):
    """PostgreSQL stopped: /health is 503 within 1 s, a request is 503 with Retry-After within 3 s (never 500), and the
    API answers again within 5 s of PostgreSQL being back, with the same process."""
    partner = sorted(TOKENS)[2]
    pg_ctl("stop", "-m", "immediate", "-w")
    try:
        for _ in range(3):
            started = time.monotonic()
            status, headers, body = request("GET", "/health", timeout=5)
            took = time.monotonic() - started
            ok(status == 503 and body["database"] == "unavailable" and took < 1.0,
               f"/health with the database down: {status} {body} in {took:.2f} s")
        started = time.monotonic()
        status, headers, body = post_nomination(partner, "down-1", 70_001, timeout=10)
        took = time.monotonic() - started
        ok(status == 503 and headers.get("Retry-After") and took < 3.0,
           f"a nomination with the database down: {status} {body} in {took:.2f} s")
        ok(body["type"].endswith("/unavailable") or body["type"].endswith("/busy"), f"problem type {body['type']}")
    finally:
        subprocess.run([DB_SH, "start"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ready = time.monotonic()
    ok(server.process.poll() is None, "the server exited while PostgreSQL was down")
    _, acknowledged = submit_until_acknowledged(partner, "down-1", 70_001, [], give_up=30)
    ok(acknowledged - ready < 5, f"the API answered {acknowledged - ready:.1f} s after PostgreSQL was back (limit 5 s)")
    status, _, body = request("GET", "/health")
    ok(status == 200 and body == {"status": "ok", "database": "ok", "pool": "ok"}, f"/health after: {status} {body}")


def pool_busy():
    """A pool of one connection held by a request waiting on a lock: another request answers 503 busy with Retry-After
    within the pool wait, and /health says the pool is busy, not the database down."""
    server = Server(TALENT_POOL_SIZE="1", TALENT_DB_POOL_WAIT_MS="500")
    server.start()
    try:
        partner = sorted(TOKENS)[3]
        locker = Locker("referrals", 4)
        holder, _ = in_background(post_nomination, partner, "busy-1", 80_001, 30)
        time.sleep(0.5)
        started = time.monotonic()
        status, headers, body = request("GET", "/v1/agreements", headers={"Authorization": f"Bearer {TOKENS[partner]}"})
        took = time.monotonic() - started
        ok(status == 503 and body["type"].endswith("/busy") and headers.get("Retry-After") == "1" and took < 1.5,
           f"a request with the pool taken: {status} {body} in {took:.2f} s")
        status, _, body = request("GET", "/health", timeout=5)
        ok(status == 503 and body == {"status": "busy", "database": "ok", "pool": "busy"}, f"/health: {status} {body}")
        locker.wait()
        holder.join(timeout=30)
    finally:
        took = server.stop()
    ok(took < 10, f"the server took {took:.1f} s to stop")


def sigterm_with_request_in_flight():
    """SIGTERM while a request waits on a lock: the server ends within its grace period."""
    server = Server()
    server.start()
    locker = Locker("referrals", 30)
    waiting, _ = in_background(post_nomination, sorted(TOKENS)[0], "term-1", 90_001, 60)
    time.sleep(0.5)
    took = server.stop(timeout=30)
    ok(took < 10, f"the server took {took:.1f} s to stop on SIGTERM with a request in flight")
    waiting.join(timeout=10)
    locker.process.kill()
    locker.wait()


def main():
    started = time.monotonic()
    server = Server()
    server.start()
    try:
        crash_under_load(server)
        # Long enough locks wait on: the first request of a key may take as long as it takes.
        server.stop()
        server = Server(TALENT_DB_LOCK_TIMEOUT_MS="60000")
        server.start()
        long_first_request(server)
        server.stop()
        server = Server()
        server.start()
        restart_with_writes_waiting(server)
        database_down(server)
    finally:
        if server.process and server.process.poll() is None:
            server.stop()
    pool_busy()
    sigterm_with_request_in_flight()
    print(f"faults: all {checks} fault checks passed in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
