"""Validates YAML files against stretchtui's JSON Schemas (schema/).

    schema_check.py [-v] SCHEMA_DIR good|bad [--as NAME] FILE...
    schema_check.py [-v] SCHEMA_DIR agree BIN CASES TMPDIR

Each file is read as an editor with the YAML language server reads it
(YAML 1.2's core schema: `yes` is text, `010` is ten, no dates), turned
into JSON data and validated with jsonschema's draft 2020-12 validator
against the schema its name calls for: exercises.yaml/.yml, config.yaml/
.yml, else a routine (`--as exercises` or `--as routine` names it for the
files after it). "good": every file must validate; "bad": every file
must be rejected. Prints one line per file that is not as expected (or,
with -v, per file) and exits 1 when any is not.

"agree": each case of the file CASES (see tests/data/schema/agree.txt)
becomes a file in TMPDIR, which `BIN check` and the schema both judge:
"=" cases must get the same verdict from both, "~" cases (where the
schema is known to be looser) must not be rejected by the schema alone.
"""
import json
import os
import pathlib
import re
import subprocess
import sys

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2's core schema instead of 1.1's, and no
    aliases (stretchtui takes none; an alias bomb would eat the memory)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases are not supported",
                self.peek_event().start_mark)
        return super().compose_node(parent, index)


CoreLoader.yaml_implicit_resolvers = {}
for _tag, _regex, _first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
]:
    CoreLoader.add_implicit_resolver("tag:yaml.org,2002:" + _tag,
                                     re.compile(_regex), list(_first))


def _core_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _core_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


CoreLoader.add_constructor("tag:yaml.org,2002:int", _core_int)
CoreLoader.add_constructor("tag:yaml.org,2002:bool", _core_bool)


def schema_for(path):
    name = pathlib.Path(path).name
    if name in ("exercises.yaml", "exercises.yml"):
        return "exercises.schema.json"
    if name in ("config.yaml", "config.yml"):
        return "config.schema.json"
    return "routine.schema.json"


def validators(schema_dir):
    """One validator per schema, each finding its neighbours by file name
    (through the referencing library where jsonschema has it)."""
    schemas = {}
    for path in sorted(pathlib.Path(schema_dir).glob("*.schema.json")):
        schemas[path.name] = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schemas[path.name])
    try:
        import referencing
        import referencing.jsonschema
    except ImportError:   # jsonschema before 4.18
        return {name: jsonschema.Draft202012Validator(
                    schema, resolver=jsonschema.RefResolver(
                        name, schema, store=dict(schemas)))
                for name, schema in schemas.items()}
    registry = referencing.Registry().with_resources(
        (name, referencing.jsonschema.DRAFT202012.create_resource(schema))
        for name, schema in schemas.items())
    return {name: jsonschema.Draft202012Validator(schema, registry=registry)
            for name, schema in schemas.items()}


def problems(validator, path):
    """The schema's complaints about the file, as lines; [] when valid."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            data = yaml.load(f, Loader=CoreLoader)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as e:
        return ["not YAML this reader takes: " + str(e).replace("\n", " ")]
    data = json.loads(json.dumps(data, default=str))   # keys as strings
    return ["/".join(str(p) for p in e.absolute_path) + ": " + e.message
            for e in validator.iter_errors(data)]


def judge(checks, want_good, args, verbose):
    """good/bad: the number of files not as expected."""
    failed, forced = 0, None
    while args:
        path = args.pop(0)
        if path == "--as":
            name = args.pop(0)
            forced = None if name == "auto" else name + ".schema.json"
            continue
        schema = forced or schema_for(path)
        found = problems(checks[schema], path)
        if (not found) != want_good:
            failed += 1
            what = "rejected" if want_good else "accepted"
            print(f"{path}: {what} by {schema}", file=sys.stderr)
            for line in found[:5]:
                print("    " + line[:300], file=sys.stderr)
        elif verbose:
            print(f"{path}: {'valid' if not found else found[0][:200]}")
    return failed


def case_files(cases_path, tmpdir):
    """(mark, text, path) for each case: "= STEP", "~ STEP", with R
    (a whole routine) or L (a whole library) after the mark."""
    out = []
    with open(cases_path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    for n, line in enumerate(lines, 1):
        mark, text = line[0], line[2:]
        if text.startswith("R "):
            body, name = text[2:] + "\n", f"case-{n}.yaml"
        elif text.startswith("L "):
            body, name = text[2:] + "\n", f"lib-{n}/exercises.yaml"
        else:
            body, name = f"name: T\nsteps:\n  - {text}\n", f"case-{n}.yaml"
        path = pathlib.Path(tmpdir, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        out.append((mark, text, str(path)))
    return out


def agree(checks, binary, cases_path, tmpdir, verbose):
    """agree: the number of cases where the schema and check disagree
    where they must not."""
    cases = case_files(cases_path, tmpdir)
    run = subprocess.run([binary, "check"] + [c[2] for c in cases],
                         capture_output=True, text=True, check=False,
                         env=dict(os.environ, LC_ALL="C"))
    ok_paths = {line.split(": ok", 1)[0] for line in run.stdout.splitlines()
                if ": ok" in line}
    failed = 0
    for mark, text, path in cases:
        loader_ok = path in ok_paths
        found = problems(checks[schema_for(path)], path)
        schema_ok = not found
        bad = (schema_ok != loader_ok) if mark == "=" else \
              (loader_ok and not schema_ok)
        if bad or verbose:
            print(f"{'DISAGREE' if bad else 'agree'} {mark} {text}: check "
                  f"{'accepts' if loader_ok else 'rejects'}, schema "
                  f"{'accepts' if schema_ok else 'rejects: ' + found[0][:150]}",
                  file=sys.stderr if bad else sys.stdout)
        failed += bad
    return failed


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    if len(argv) < 3 or argv[1] not in ("good", "bad", "agree"):
        print(__doc__, file=sys.stderr)
        return 2
    checks = validators(argv[0])
    if argv[1] == "agree":
        return 1 if agree(checks, argv[2], argv[3], argv[4], verbose) else 0
    return 1 if judge(checks, argv[1] == "good", argv[2:], verbose) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
