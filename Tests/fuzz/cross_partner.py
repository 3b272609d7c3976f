"""The cross-partner passes of Tests/fuzz/schemathesis.sh: a partner university's token reads the nomination routes
while the fuzzer's dictionaries hold the ids of other partners' nominations, and the check below fails the run when
an answer shows another partner's nomination or the people it names (docs/partners.md: "a partner reads only its own
nominations").

    python3 cross_partner.py facts PARTNER >FACTS.json
        What is out of PARTNER's reach, read straight from the tables (DATABASE_URL): every nomination of another
        partner, and the citizen IDs and e-mails of the people only other partners nominated.
    python3 cross_partner.py config BASE.toml FACTS.json OUT.toml
        The schemathesis configuration of the pass: BASE.toml with the other partners' nomination ids as the
        dictionary of `GET /v1/nominations/{id}`.
    SCHEMATHESIS_HOOKS=cross_partner.py TALENT_FUZZ_FACTS=FACTS.json schemathesis run --checks no_cross_partner_read
        The check. On a 2xx answer: no string in the body is another partner's nomination id, or a citizen ID or
        e-mail of someone only other partners nominated; a nomination named in the path answered 404, never 2xx; on
        any other answer, the same request with an id that never existed answers the same status."""
import json
import os
import subprocess
import sys
import urllib.parse
import uuid

ONE_NOMINATION = r"^/v1/nominations/\{id\}$"

FACTS_SQL = """
SELECT json_build_object(
  'viewer', :'viewer',
  'nominations', (SELECT coalesce(json_agg(id ORDER BY created_at, id), '[]') FROM nominations
                  WHERE partner_code <> :'viewer'),
  'identifiers', (SELECT coalesce(json_agg(DISTINCT v), '[]') FROM candidates c,
                    LATERAL (VALUES (c.citizen_id), (c.email)) x(v)
                  WHERE v IS NOT NULL
                    AND EXISTS (SELECT 1 FROM nominations n WHERE n.candidate_id = c.id AND n.partner_code <> :'viewer')
                    AND NOT EXISTS (SELECT 1 FROM nominations n WHERE n.candidate_id = c.id
                                    AND n.partner_code = :'viewer')))
"""


def facts(viewer):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-v", f"viewer={viewer}",
                          "-d", os.environ["DATABASE_URL"]], input=FACTS_SQL, capture_output=True, text=True,
                         check=True).stdout
    print(json.dumps(json.loads(out), ensure_ascii=False, indent=1))


def config(base, facts_path, out):
    import pathlib
    f = json.loads(pathlib.Path(facts_path).read_text())
    lines = [pathlib.Path(base).read_text().rstrip(), ""]
    if f["nominations"]:
        lines += ["[dictionaries.nominations]", f"values = {json.dumps(f['nominations'][:40])}", "",
                  "[[operations]]", f"include-path-regex = {json.dumps(ONE_NOMINATION)}",
                  'parameters = { "path.id" = { dictionary = "nominations", probability = 0.9 } }', ""]
    pathlib.Path(out).write_text("\n".join(lines))


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"facts": facts, "config": config}[command](*arguments)
    sys.exit(0)

import requests  # noqa: E402
import schemathesis  # noqa: E402

_facts = None


def _load():
    global _facts
    if _facts is None:
        with open(os.environ["TALENT_FUZZ_FACTS"], encoding="utf-8") as file:
            f = json.load(file)
        _facts = {"viewer": f["viewer"], "ids": {id.lower() for id in f["nominations"]},
                  "identifiers": set(f["identifiers"])}
    return _facts


def _strings(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, str):
        yield value


@schemathesis.check
def no_cross_partner_read(ctx, response, case):
    """Nothing of another partner's nominations is shown or confirmed (Tests/fuzz/cross_partner.py)."""
    if case.method.upper() != "GET":
        return None
    f = _load()
    request = response.request
    path = urllib.parse.urlsplit(request.url).path
    named = [urllib.parse.unquote(s) for s in path.split("/") if urllib.parse.unquote(s).lower() in f["ids"]]
    status = response.status_code
    where = f"GET {path}"
    if 200 <= status < 300:
        try:
            document = json.loads(response.content.decode("utf-8", "replace"))
        except ValueError:
            document = None
        strings = set(_strings(document)) if document is not None else set()
        leaks = sorted({f"nomination {s}" for s in strings if s.lower() in f["ids"]}
                       | {f"identifier {s}" for s in strings if s in f["identifiers"]})
        if leaks:
            raise AssertionError(f"{where} answered {status} to partner {f['viewer']} with another partner's: "
                                 f"{', '.join(leaks[:6])}")
        if named:
            raise AssertionError(f"{where} answered {status}, not 404, to partner {f['viewer']} for another "
                                 f"partner's nomination {named[0]}")
        return True
    if named and status != 404:
        other = requests.get(request.url.replace(named[0], str(uuid.uuid4())), headers=dict(request.headers),
                             timeout=10, allow_redirects=False)
        if other.status_code != status:
            raise AssertionError(f"{where} answered {status} for another partner's nomination but "
                                 f"{other.status_code} for one that does not exist: the status tells that it exists")
    return True
