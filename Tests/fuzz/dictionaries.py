"""Writes the schemathesis configuration of a run: Tests/fuzz/schemathesis.toml, then dictionaries of real ids and
codes from the demo data, bound to the path parameters and body fields that name records, so that a share of the
generated requests reaches past "no such record" into the rules. Each binding is used with the probability below;
the other requests keep their generated (mostly unknown) values.
    python3 dictionaries.py BASE.toml DATA_DIR OUT.toml
DATA_DIR holds the CLI's `--format json` lists: applications, candidates, positions, rubrics, agreements, users,
agencies, partners."""
import json
import pathlib
import sys

base, data, out = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
PROBABILITY = 0.7


def load(name, key="id", keep=lambda record: True, limit=40):
    records = json.loads((data / f"{name}.json").read_text())
    return [record[key] for record in records if keep(record)][:limit]


dictionaries = {
    "applications": load("applications"),
    "candidates": load("candidates"),
    "positions": load("positions"),
    "rubrics": load("rubrics"),
    "agreements": load("agreements"),
    "evaluators": load("users", keep=lambda user: user["role"] == "evaluator"),
    "agencies": load("agencies", key="code"),
    "partners": load("partners", key="code"),
}
# Operations (a path regex; one entry per operation, since the first entry that matches one is the one it gets) and
# the parameters and body fields bound there, each to its dictionary.
bindings = [
    (r"^/v1/applications/\{id\}(/history|/transitions|/score)?$", {"path.id": "applications"}),
    (r"^/v1/applications/\{id\}/(evaluators|recusals)$", {"path.id": "applications", "body.evaluator_id": "evaluators"}),
    (r"^/v1/applications/\{id\}/evaluations$",
     {"path.id": "applications", "body.evaluator_id": "evaluators", "body.rubric_id": "rubrics"}),
    (r"^/v1/candidates/\{id\}(/duplicates)?$", {"path.id": "candidates"}),
    (r"^/v1/candidates/\{id\}/merge$", {"path.id": "candidates", "body.other_id": "candidates"}),
    (r"^/v1/positions/\{id\}$", {"path.id": "positions", "body.agency_code": "agencies"}),
    (r"^/v1/positions/\{id\}/ranking$", {"path.id": "positions"}),
    (r"^/v1/rubrics/\{id\}(/publish|/retire)?$", {"path.id": "rubrics"}),
    (r"^/v1/agreements/\{id\}$", {"path.id": "agreements"}),
    (r"^/v1/partners/\{code\}(/agreements)?$", {"path.code": "partners"}),
    (r"^/v1/applications$", {"body.candidate_id": "candidates", "body.position_id": "positions"}),
    (r"^/v1/referrals$", {"body.candidate_id": "candidates"}),
    (r"^/v1/nominations$", {"body.position_id": "positions"}),
    (r"^/v1/(positions|targets)$", {"body.agency_code": "agencies"}),
]


def toml(value):
    return json.dumps(value, ensure_ascii=False)  # a JSON string or array is a TOML one too


lines = [pathlib.Path(base).read_text().rstrip(), ""]
for name, values in dictionaries.items():
    if values:
        lines += [f"[dictionaries.{name}]", f"values = {toml(values)}", ""]
for path, keys in bindings:
    keys = {key: name for key, name in keys.items() if dictionaries[name]}
    if not keys:
        continue
    parameters = ", ".join(f"{toml(key)} = {{ dictionary = {toml(name)}, probability = {PROBABILITY} }}"
                           for key, name in keys.items())
    lines += ["[[operations]]", f"include-path-regex = {toml(path)}", f"parameters = {{ {parameters} }}", ""]
pathlib.Path(out).write_text("\n".join(lines))
