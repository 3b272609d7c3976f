"""The statements a server sent, from PostgreSQL's log (log_statement = all), with their parameters written in:
one statement per line group, each ending in ';', ready for pgbench -f. Reads the log excerpt named on the command
line; skips the last-used stamp of a token (written at most every five minutes) and the read log's batched insert
(one statement a second for all the reads of that second, not a statement of one request), and the server's outbox
worker (its transactions claiming due e-mail and webhooks and recording each attempt, which run every two seconds
and may fall in the excerpt)."""
import re, sys

text = open(sys.argv[1], encoding="utf-8").read()
entries = re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[\d+\] )", text)
# What the outbox worker sends: its claims, and the outcome of each attempt.
WORKER = ("WITH due AS", "UPDATE outbox SET state")


def background(sql, params):
    """A statement of the server's own, not of the request: the worker's, the read log's batch, a token's stamp."""
    return (sql.startswith(WORKER) or sql.startswith("UPDATE access_tokens")
            or sql.startswith("INSERT INTO audit_log") and "candidate.read" in str(params))


statements = []
last = {}           # each backend's last statement, which its parameters follow
open_block = {}     # each backend's open transaction: the indexes of its statements
blocks = []         # the transactions seen whole
dropped = set()
for entry in entries:
    pid = re.match(r"\S+ \S+ \S+ \[(\d+)\]", entry)
    pid = pid.group(1) if pid else ""
    m = re.search(r"LOG:  execute [^:]*: (.*)", entry, re.S)
    if m:
        sql = m.group(1).strip()
        statements.append([sql, {}])
        index = len(statements) - 1
        last[pid] = index
        if sql == "BEGIN":
            open_block[pid] = [index]
        elif pid in open_block:
            open_block[pid].append(index)
            if sql in ("COMMIT", "ROLLBACK"):
                blocks.append(open_block.pop(pid))
        elif sql in ("COMMIT", "ROLLBACK"):
            dropped.add(index)   # the end of a transaction begun before the excerpt
        continue
    m = re.search(r"DETAIL:  parameters: (.*)", entry, re.S)
    if m and pid in last:
        for name, value in re.findall(r"\$(\d+) = (NULL|'(?:[^']|'')*')", m.group(1)):
            statements[last[pid]][1][int(name)] = value
for index, (sql, params) in enumerate(statements):
    if background(sql, params):
        dropped.add(index)
for block in blocks:
    if any(i in dropped for i in block):
        dropped.update(block)
for index in sorted(dropped, reverse=True):
    del statements[index]
for sql, params in statements:
    sql = re.sub(r"\$(\d+)\b", lambda m: params.get(int(m.group(1)), "NULL"), sql)
    print(sql.rstrip(";") + ";")
