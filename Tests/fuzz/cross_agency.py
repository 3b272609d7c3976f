"""The cross-agency passes of Tests/fuzz/schemathesis.sh: an agency-scoped HR officer of one agency (the viewer) reads
every GET operation that reads records while the fuzzer's dictionaries hold ids of another agency's records (the
foreign agency's positions, the applications to them, the candidates who have an application only there), and the
check below fails the run when an answer shows anything out of the viewer's reach (issue 12: "anything else answers
404 as if it did not exist, in lists, searches, reports").

    python3 cross_agency.py shared AGENCY
        Two candidates whose only application is at AGENCY, one past its panel, one nominated there by a partner: the
        script opens an application for them at the other agency too, so that each officer reads candidates in
        reach who have an application (a stage history, a panel, a nomination) out of reach.
    python3 cross_agency.py facts VIEWER_AGENCY VIEWER_USER_ID FOREIGN_AGENCY >FACTS.json
        What is and is not in the viewer's reach, read straight from the tables (DATABASE_URL) rather than through
        the product's own rule: every record out of reach (not only the foreign agency's), the foreign agency's
        records for the dictionaries, and the shared candidates (in reach, with an application elsewhere too).
    python3 cross_agency.py config BASE.toml FACTS.json OUT.toml
        The schemathesis configuration of the pass: BASE.toml with the dictionaries and their bindings.
    SCHEMATHESIS_HOOKS=cross_agency.py TALENT_FUZZ_FACTS=FACTS.json schemathesis run --checks no_cross_agency_read
        The check. On a 2xx answer: no string in the body is the id of a record out of reach, nor a citizen ID,
        e-mail or phone of a candidate out of reach; no object has an `agency_code` other than the viewer's (but in
        the agencies, the staff accounts and the caller's own); a record named in the path answered 404, never 2xx;
        a list filtered by something out of reach (a foreign id, the foreign agency) names no record at all, since
        the viewer reaches nothing that could match it; and a shared candidate is not found by a `stage` that only
        her application out of reach is in. On any other answer to a request naming a record out of reach: the same
        request with an id that never existed answers the same status, so that the status is no oracle."""
import json
import os
import re
import subprocess
import sys
import uuid

UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
LIMIT = 40  # values per dictionary, as in dictionaries.py
# A record named in the path is out of reach most of the time; each filter of a list is used in half of the
# requests, so that they also come one at a time.
PROBABILITY = {"path": 0.9, "query": 0.5}

FACTS_SQL = """
WITH app AS (SELECT a.id, a.candidate_id, p.agency_code FROM applications a JOIN positions p ON p.id = a.position_id),
reached AS (SELECT c.id FROM candidates c
            WHERE EXISTS (SELECT 1 FROM app WHERE app.candidate_id = c.id AND app.agency_code = :'viewer')
               OR c.created_by = :'user'::uuid),
outside AS (SELECT c.* FROM candidates c WHERE c.id NOT IN (SELECT id FROM reached)),
foreign_app AS (SELECT * FROM app WHERE agency_code <> :'viewer'),
inside_values AS (SELECT v FROM candidates c, LATERAL (VALUES (c.citizen_id), (c.email), (c.phone)) x(v)
                  WHERE c.id IN (SELECT id FROM reached) AND v IS NOT NULL
                  UNION SELECT k.value FROM candidate_contacts k WHERE k.candidate_id IN (SELECT id FROM reached))
SELECT json_build_object(
  'viewer', :'viewer', 'foreign', :'foreign',
  'out_of_reach', json_build_object(
    'positions', (SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM positions WHERE agency_code <> :'viewer'),
    'applications', (SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM foreign_app),
    'candidates', (SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM outside),
    'referrals', (SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM referrals
                  WHERE candidate_id IN (SELECT id FROM outside)),
    'nominations', (SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM nominations
                    WHERE candidate_id IN (SELECT id FROM outside)
                       OR application_id IN (SELECT id FROM foreign_app)),
    'evaluation_sheets', (SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM evaluation_sheets
                          WHERE application_id IN (SELECT id FROM foreign_app)),
    'targets', (SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM targets WHERE agency_code <> :'viewer')),
  'identifiers', (SELECT coalesce(json_agg(DISTINCT v), '[]') FROM (
      SELECT v FROM outside c, LATERAL (VALUES (c.citizen_id), (c.email), (c.phone)) x(v) WHERE v IS NOT NULL
      UNION SELECT k.value FROM candidate_contacts k WHERE k.candidate_id IN (SELECT id FROM outside)) o
    WHERE v NOT IN (SELECT v FROM inside_values)
      AND v NOT IN (SELECT email FROM staff_users WHERE email IS NOT NULL)),
  'dictionaries', json_build_object(
    'positions', (SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM positions WHERE agency_code = :'foreign'),
    'applications', (SELECT coalesce(json_agg(id ORDER BY created_at, id), '[]') FROM applications
                     WHERE id IN (SELECT id FROM foreign_app WHERE agency_code = :'foreign')),
    'candidates', (SELECT coalesce(json_agg(id ORDER BY created_at, id), '[]') FROM outside c
                   WHERE EXISTS (SELECT 1 FROM app WHERE app.candidate_id = c.id AND app.agency_code = :'foreign')),
    'searches', (SELECT coalesce(json_agg(v), '[]') FROM (
                   SELECT unnest(ARRAY[c.citizen_id, c.full_name]) v FROM outside c
                   WHERE EXISTS (SELECT 1 FROM app WHERE app.candidate_id = c.id AND app.agency_code = :'foreign')
                   ORDER BY c.created_at, c.id) s WHERE v IS NOT NULL),
    'nominations', (SELECT coalesce(json_agg(id ORDER BY id), '[]') FROM nominations
                    WHERE application_id IN (SELECT id FROM foreign_app WHERE agency_code = :'foreign'))),
  'shared', (SELECT coalesce(json_agg(c.id ORDER BY c.id), '[]') FROM candidates c
             WHERE c.id IN (SELECT id FROM reached)
               AND EXISTS (SELECT 1 FROM foreign_app f WHERE f.candidate_id = c.id)),
  'shared_searches', (SELECT coalesce(json_agg(c.citizen_id ORDER BY c.id), '[]') FROM candidates c
             WHERE c.id IN (SELECT id FROM reached) AND c.citizen_id IS NOT NULL
               AND EXISTS (SELECT 1 FROM foreign_app f WHERE f.candidate_id = c.id)),
  'shared_stages', (SELECT coalesce(json_object_agg(c.id, (
                       SELECT coalesce(json_agg(DISTINCT a.stage), '[]') FROM applications a
                       JOIN positions p ON p.id = a.position_id
                       WHERE a.candidate_id = c.id AND p.agency_code = :'viewer')), '{}') FROM candidates c
             WHERE c.id IN (SELECT id FROM reached)
               AND EXISTS (SELECT 1 FROM foreign_app f WHERE f.candidate_id = c.id)))
"""


def facts(viewer, user, foreign):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-v", f"viewer={viewer}", "-v",
                          f"user={user}", "-v", f"foreign={foreign}", "-d", os.environ["DATABASE_URL"]],
                         input=FACTS_SQL, capture_output=True, text=True, check=True).stdout
    print(json.dumps(json.loads(out), ensure_ascii=False, indent=1))


def shared(agency):
    """Two candidates whose only application is at AGENCY, to share with another agency: one past a panel there (her
    file has a stage history, a panel and scores at AGENCY) and nominated by no partner, and one whom a partner
    nominated to AGENCY's position (the nomination names that application)."""
    print(subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-v", f"agency={agency}",
                          "-d", os.environ["DATABASE_URL"]], input="""
        WITH only_there AS (
            SELECT a.* FROM applications a JOIN positions p ON p.id = a.position_id
            WHERE p.agency_code = :'agency'
              AND (SELECT count(*) FROM applications o WHERE o.candidate_id = a.candidate_id) = 1)
        (SELECT candidate_id FROM only_there a WHERE stage IN ('interview', 'offer', 'hired')
           AND NOT EXISTS (SELECT 1 FROM nominations n WHERE n.candidate_id = a.candidate_id)
         ORDER BY created_at, id LIMIT 1)
        UNION ALL
        (SELECT candidate_id FROM only_there a WHERE EXISTS (SELECT 1 FROM nominations n WHERE n.application_id = a.id)
         ORDER BY created_at, id LIMIT 1)""", capture_output=True, text=True, check=True).stdout.strip())


def config(base, facts_path, out):
    import pathlib
    f = json.loads(pathlib.Path(facts_path).read_text())
    d = f["dictionaries"]
    # The shared candidates (their record is in reach, their applications elsewhere are not) are a quarter of the
    # draws.
    foreign = d["candidates"][:LIMIT - 10]
    candidates = f["shared"] * max(1, len(foreign) // (3 * max(1, len(f["shared"])))) + foreign
    dictionaries = {
        "candidates": candidates,
        "positions": d["positions"][:LIMIT],
        "applications": d["applications"][:LIMIT],
        "nominations": d["nominations"][:LIMIT],
        # A shared candidate's citizen ID finds her (she is in reach), and with a foreign filter must not.
        "searches": f["shared_searches"] * 4 + d["searches"][:LIMIT - 4 * len(f["shared_searches"])],
        "agency": [f["foreign"]],
        # Every section of a candidate's file, so that the file of a shared candidate is read whole.
        "include": ["applications,referrals,nominations,panels", "applications", "panels", "nominations"],
        "entities": [f"{kind}:{id}" for kind, ids in (("candidate", candidates), ("application", d["applications"]),
                                                      ("position", d["positions"])) for id in ids[:10]],
    }
    bindings = [
        (r"^/v1/candidates/\{id\}$", {"path.id": "candidates", "query.include": "include"}),
        (r"^/v1/candidates/\{id\}/duplicates$", {"path.id": "candidates"}),
        (r"^/v1/candidates$", {"query.q": "searches", "query.position_id": "positions", "query.agency": "agency"}),
        (r"^/v1/positions/\{id\}(/ranking)?$", {"path.id": "positions"}),
        (r"^/v1/positions$", {"query.agency": "agency"}),
        (r"^/v1/applications/\{id\}(/history|/evaluators|/evaluations|/score)?$", {"path.id": "applications"}),
        (r"^/v1/applications$", {"query.candidate_id": "candidates", "query.position_id": "positions",
                                 "query.agency": "agency"}),
        (r"^/v1/referrals$", {"query.candidate_id": "candidates"}),
        (r"^/v1/nominations/\{id\}$", {"path.id": "nominations"}),
        (r"^/v1/audit$", {"query.entity": "entities"}),
        (r"^/v1/(targets|reports/pipeline)$", {"query.agency": "agency"}),
    ]
    lines = [pathlib.Path(base).read_text().rstrip(), ""]
    for name, values in dictionaries.items():
        if values:
            lines += [f"[dictionaries.{name}]", f"values = {json.dumps(values, ensure_ascii=False)}", ""]
    for path, keys in bindings:
        keys = {key: name for key, name in keys.items() if dictionaries[name]}
        if keys:
            parameters = ", ".join(f"{json.dumps(key)} = {{ dictionary = {json.dumps(name)}, "
                                   f"probability = {PROBABILITY[key.split('.')[0]]} }}" for key, name in keys.items())
            lines += ["[[operations]]", f"include-path-regex = {json.dumps(path)}",
                      f"parameters = {{ {parameters} }}", ""]
    pathlib.Path(out).write_text("\n".join(lines))


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"facts": facts, "shared": shared, "config": config}[command](*arguments)
    sys.exit(0)

# ---- the check, loaded by schemathesis from SCHEMATHESIS_HOOKS ----
import urllib.parse  # noqa: E402

import requests  # noqa: E402
import schemathesis  # noqa: E402

_facts = None


def _load():
    global _facts
    if _facts is None:
        with open(os.environ["TALENT_FUZZ_FACTS"], encoding="utf-8") as file:
            f = json.load(file)
        kinds = {id.lower(): kind.rstrip("s") for kind, ids in f["out_of_reach"].items() for id in ids}
        _facts = {"viewer": f["viewer"], "foreign": f["foreign"], "ids": kinds,
                  "identifiers": set(f["identifiers"]),
                  "shared_stages": {id.lower(): stages for id, stages in f["shared_stages"].items()}}
    return _facts


def _strings(value, key=None):
    """Every (key, string) of a JSON document, with the key of the object the string is a value of."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)
    elif isinstance(value, str):
        yield key, value


def _named(request_url, f):
    """What of the viewer's out-of-reach the request names: (where, value, kind) for the path and the query."""
    parts = urllib.parse.urlsplit(request_url)
    named = []
    for segment in parts.path.split("/"):
        segment = urllib.parse.unquote(segment)
        if segment.lower() in f["ids"]:
            named.append(("path", segment, f["ids"][segment.lower()]))
    for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True):
        for piece in re.split(r"[:,]", value):
            if piece.lower() in f["ids"]:
                named.append((key, piece, f["ids"][piece.lower()]))
        if key == "agency" and value.upper() == f["foreign"].upper():
            named.append((key, value, "agency"))
    return named


def _stand_in(request_url, named):
    """The request with each id it names replaced by one that never existed."""
    url = request_url
    for _, value, _ in named:
        replacement = str(uuid.uuid4())
        url = url.replace(urllib.parse.quote(value, safe=""), replacement).replace(value, replacement)
    return url


@schemathesis.check
def no_cross_agency_read(ctx, response, case):
    """Nothing out of the agency-scoped caller's reach is shown, counted or confirmed (Tests/fuzz/cross_agency.py)."""
    if case.method.upper() != "GET":
        return None
    f = _load()
    request = response.request
    named = _named(request.url, f)
    status = response.status_code
    where = f"{case.method.upper()} {urllib.parse.urlsplit(request.url).path}"
    if 200 <= status < 300:
        content = response.content
        if response.content_size > len(content):  # kept in part: read it whole
            content = requests.get(request.url, headers=dict(request.headers), timeout=10,
                                   allow_redirects=False).content
        text = content.decode("utf-8", "replace")
        try:
            document = json.loads(text)
        except ValueError:
            document = None
        # Not JSON (a page, a CSV file): its words, split at spaces, quotes, tags and separators.
        strings = list(_strings(document)) if document is not None else [
            (None, s) for s in re.split(r"[\s\"'<>,;=]+", text) if s]
        leaks = sorted({f"{f['ids'][s.lower()]} {s}" for _, s in strings if s.lower() in f["ids"]}
                       | {f"identifier {s}" for _, s in strings if s in f["identifiers"]})
        # Agencies are no secret, nor are staff accounts (an officer puts evaluators of other agencies on her panels).
        own_lists = where.startswith(("GET /v1/agencies", "GET /v1/users")) or where == "GET /v1/me"
        if not own_lists:
            leaks += sorted({f"agency_code {s}" for k, s in strings if k == "agency_code" and s != f["viewer"]})
        if leaks:
            raise AssertionError(f"{where} answered {status} to {f['viewer']}'s agency-scoped officer with what is "
                                 f"out of their reach: {', '.join(leaks[:8])}" + (" …" if len(leaks) > 8 else ""))
        in_path = [value for place, value, _ in named if place == "path"]
        if in_path:
            raise AssertionError(f"{where} answered {status}, not 404, for {in_path[0]}, out of "
                                 f"{f['viewer']}'s agency-scoped officer's reach")
        stages = [v for k, v in urllib.parse.parse_qsl(urllib.parse.urlsplit(request.url).query) if k == "stage"]
        if where == "GET /v1/candidates" and stages and isinstance(document, dict):
            for item in document.get("items") or []:
                own = f["shared_stages"].get(str(item.get("id")).lower())
                if own is not None and stages[-1] not in own:
                    raise AssertionError(f"{where}?stage={stages[-1]} found {item.get('id')}, whose applications "
                                         f"within reach are {', '.join(own) or 'none'}: found through one out of reach")
        filters = [f"{place}={value}" for place, value, _ in named if place != "path"]
        if filters and document is not None:
            found = sorted({s for _, s in strings if UUID.match(s)})
            if found:
                raise AssertionError(
                    f"{where} filtered by {', '.join(filters)} (out of reach) answered {status} naming records: "
                    f"{', '.join(found[:4])}; the officer reaches nothing that matches it")
        return True
    # Which agencies exist is no secret (GET /v1/agencies): only a record's id is replaced.
    named = [n for n in named if n[2] != "agency"]
    if named and status != 404:
        other = requests.get(_stand_in(request.url, named), headers=dict(request.headers), timeout=10,
                             allow_redirects=False)
        if other.status_code != status:
            raise AssertionError(
                f"{where} answered {status} for {named[0][1]} (out of reach) but {other.status_code} for one that "
                f"does not exist: the status tells that it exists")
    return True
