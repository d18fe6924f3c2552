#!/usr/bin/env python3
"""Drift between the Admin API spec and what Orgward mirrors.

Lists every /organization/... path (Admin, usage, costs) Orgward does not read, and every property of the
response schemas of the paths it reads that no column stores (specmodel.endpoints() maps properties to
columns; test_conformance proves each mapping against the parser). Each must be named, with a reason, in
known-unmirrored.txt; anything else is new in the spec and fails the test, printed one per line.

Allowlist lines: "<path or Schema.property>  <reason>". "Schema.prop.*" covers a property and its subtree, "*.object" a
property of every schema.

usage: drift.py [--self-check] SPEC
  --self-check: adds a fake path and a fake property to an in-memory copy of the spec and passes only
  when exactly those two are reported (so the comparison cannot silently pass).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import specmodel  # noqa: E402

ALLOWLIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "known-unmirrored.txt")
SELF_CHECK_PATH = "/organization/x_drift_self_check"
SELF_CHECK_PROPERTY = "x_drift_self_check"


def read_allowlist(path):
    entries = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, _, reason = line.partition(" ")
            if not reason.strip():
                raise SystemExit(f"{path}:{n}: '{key}' needs a reason after it")
            entries[key] = reason.strip()
    return entries


def properties(walker, ep):
    """(key, item-relative path as a tuple, or None above the item) for every property under the
    endpoint's response schema. Keys are "<nearest named schema>.<dotted path>" (audit event payloads are
    themselves named with dots: "AuditLog.project.created")."""
    out = []

    def walk(schema, owner, rel_owner, item_rel, seen):
        s, _, name = walker.node(schema)
        if name and name in seen:
            return
        if name:
            owner, rel_owner, seen = name, "", seen | {name}
        for comb in ("oneOf", "anyOf"):  # several object branches: walk each
            if comb in s:
                for b in s[comb]:
                    walk(b, owner, rel_owner, item_rel, seen)
                return
        if s.get("type") == "array":
            walk(s.get("items", {}), owner, rel_owner, item_rel, seen)
            return
        for k, v in s.get("properties", {}).items():
            sub = (rel_owner + "." if rel_owner else "") + k
            child_rel = item_rel + (k,) if item_rel is not None else None
            out.append((f"{owner}.{sub}", child_rel))
            # The item: "data" of a list, "results" of a bucket start item-relative paths.
            starts_item = item_rel is None and ((k == "data" and not ep["bucketed"]) or k == "results")
            walk(v, owner, sub, () if starts_item else child_rel, seen)

    walk(walker.response_schema(ep["path"]), "", "", () if ep.get("single") else None, frozenset())
    return out


# Columns that hold their property's whole subtree as JSON.
JSON_COLUMNS = {"projects", "assignment_sources"}
BUCKET_COLUMNS = {"UsageTimeBucket.start_time": "bucket_start", "UsageTimeBucket.end_time": "bucket_end"}


def stored(ep, rel):
    """Whether the item property at rel lands in a column: mapped, an object the parser reads mapped
    properties from, or inside a JSON column's subtree (invite projects, role assignment sources; an audit event's payload, the
    item property named after its type)."""
    if rel is None:
        return False
    for src, target in ep["columns"].items():
        path = tuple(src.split("."))
        if rel == path[:len(rel)]:
            return True  # the property, or an object holding it
        if rel[:len(path)] == path and target in JSON_COLUMNS:
            return True
    mapped_tops = {src.split(".")[0] for src in ep["columns"]}
    return bool(ep.get("payload_column")) and rel[0] not in mapped_tops


def unmirrored(spec):
    w = specmodel.Walker(spec)
    eps = specmodel.endpoints()
    read_paths = {ep["path"] for ep in eps}
    found = set()
    for path in spec["paths"]:
        if path.startswith("/organization/") and path not in read_paths:
            found.add(path)
    keys, stored_keys = set(), set()
    for ep in eps:
        for key, rel in properties(w, ep):
            keys.add(key)
            if stored(ep, rel) or (ep["bucketed"] and key in BUCKET_COLUMNS):
                stored_keys.add(key)
    found |= keys - stored_keys
    return found


def covered(key, allow):
    if key in allow:
        return True
    parts = key.split(".")
    for i in range(1, len(parts) + 1):  # "X.*" covers X and everything under it
        if ".".join(parts[:i]) + ".*" in allow:
            return True
    return "*." + parts[-1] in allow


def check(spec, allow):
    found = unmirrored(spec)
    new = sorted(k for k in found if not covered(k, allow))
    return new, found


def main(argv):
    self_check = "--self-check" in argv
    args = [a for a in argv if a != "--self-check"]
    spec = specmodel.load_spec(args[0] if args else specmodel.default_spec_path())
    allow = read_allowlist(ALLOWLIST)
    if self_check:
        spec["paths"][SELF_CHECK_PATH] = {"get": {}}
        spec["components"]["schemas"]["User"]["properties"][SELF_CHECK_PROPERTY] = {"type": "string"}
        new, _ = check(spec, allow)
        want = sorted([SELF_CHECK_PATH, "User." + SELF_CHECK_PROPERTY])
        if new != want:
            print(f"self-check FAILED: injected {want}, drift reported {new}")
            return 1
        print(f"self-check ok: the injected {want} were reported as new")
        return 0
    new, found = check(spec, allow)
    stale = sorted(k for k in allow if "*" not in k and k not in found)
    for k in stale:
        print(f"note: allowlisted but no longer unmirrored (remove the line): {k}")
    if new:
        print(f"{len(new)} path(s)/propert(y/ies) in the spec that Orgward neither stores nor lists in "
              f"{os.path.basename(ALLOWLIST)}:")
        for k in new:
            print("  NEW " + k)
        return 1
    print(f"no drift: {len(found)} unmirrored paths/properties, all listed with a reason")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
