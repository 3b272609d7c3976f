"""The statements a server sent, from PostgreSQL's log (log_statement = all), with their parameters written in:
one statement per line group, each ending in ';', ready for pgbench -f. Reads the log excerpt named on the command
line; skips the last-used stamp of a token (written at most every five minutes) and the read log's batched insert
(one statement a second for all the reads of that second, not a statement of one request)."""
import re, sys

text = open(sys.argv[1], encoding="utf-8").read()
entries = re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[\d+\] )", text)
statements = []
for entry in entries:
    m = re.search(r"LOG:  execute [^:]*: (.*)", entry, re.S)
    if m:
        statements.append([m.group(1).strip(), {}])
        continue
    m = re.search(r"DETAIL:  parameters: (.*)", entry, re.S)
    if m and statements:
        for name, value in re.findall(r"\$(\d+) = (NULL|'(?:[^']|'')*')", m.group(1)):
            statements[-1][1][int(name)] = value
for sql, params in statements:
    if sql.startswith("UPDATE access_tokens") or sql.startswith("INSERT INTO audit_log") and "candidate.read" in str(params):
        continue
    sql = re.sub(r"\$(\d+)\b", lambda m: params.get(int(m.group(1)), "NULL"), sql)
    print(sql.rstrip(";") + ";")
