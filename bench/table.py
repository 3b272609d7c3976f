"""bench/run.sh's table: the RESULT rows (tab-separated: scale, scenario, figure, limit, ratio or figure, goal) as
Markdown, with the date, the commit and the machine, printed and written to the file named.

    python3 bench/table.py RESULTS.tsv OUT.md COMMIT
"""
import datetime, os, platform, subprocess, sys

rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]


def met(value, goal):
    op, limit = goal.split()
    v, g = float(value), float(limit)
    return "yes" if (v <= g if op == "<=" else v >= g) else "**no**"


mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
pg = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
lines = [f"Run of {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {sys.argv[3]}, "
         f"{os.cpu_count()} cores, {mem:.0f} GiB, {platform.system()} {platform.release()}, {pg} (`bench/run.sh`):",
         "", "| scale | scenario | figure | limit | ratio or figure | goal | met |", "|---|---|---|---|---|---|---|"]
for scale, scenario, figure, limit, value, goal in rows:
    lines.append(f"| {scale} | {scenario} | {figure} | {limit} | {value} | {goal} | {met(value, goal)} |")
text = "\n".join(lines) + "\n"
open(sys.argv[2], "w", encoding="utf-8").write(text)
print("\n" + text)
