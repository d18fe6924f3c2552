#!/usr/bin/env python3
"""Generates conformance pages from the Admin API spec (openai-openapi.yaml) for every endpoint Orgward
parses. Each case is a fixture folder (manifest.json + page.json) plus an entry in index.json saying what
must happen: import, with these columns of the first row null / not null / equal to a value, or fail with
"<JSON path>: required field is missing" and leave the database as it was.

Variants: the full object (every property present, per discriminator: owner and actor types); every
optional property absent (all at once and one at a time); every nullable property null (likewise);
an unknown property in every object; unlisted values for every enum; every number written as an integer,
a decimal and with an exponent; and each required property missing in turn, for every object the parser
reads (nested objects kept only in raw, such as audit-log payloads, are validated by no one and only
get the tolerant variants).

A property the schema lists as required but the spec's own response example leaves out is tolerated (the
example is what servers send): its "missing" case must import. Those are printed.

usage: gen_cases.py SPEC OUTDIR
"""
import copy
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import specmodel  # noqa: E402

CAPTURED_AT = 1795132800
BUCKET_START = 1790000000
BUCKET_SECONDS = 86400
UNKNOWN_KEY = "x_conformance_unknown"
UNLISTED = "x_conformance_unlisted"
MISSING = object()


class Site:
    """One property occurrence in a generated page."""

    def __init__(self, path, rel, required, nullable, schema, validated):
        self.path = path          # tuple of keys/indexes from the page root
        self.rel = rel            # dotted path inside the item ("owner.user.id"), None above items
        self.required = required
        self.nullable = nullable
        self.schema = schema
        self.validated = validated  # the parser reads the enclosing object: required is enforced


def json_path(path):
    out = "$"
    for k in path:
        out += f"[{k}]" if isinstance(k, int) else "." + k
    return out


def exp_form(v):
    """An integer written with an exponent: 1790000000 -> 1.79e9."""
    s = str(abs(v))
    t = s.rstrip("0") or "0"
    return ("-" if v < 0 else "") + f"{t[0]}.{t[1:] or '0'}e{len(s) - 1}"


class Builder:
    def __init__(self, walker, ep, discr):
        self.w = walker
        self.ep = ep
        self.discr = discr
        self.sites = []
        # Objects the parser reads into columns: every strict prefix of a mapped path, and the item.
        self.read = {""}
        for src in ep["columns"]:
            parts = src.split(".")
            for i in range(1, len(parts)):
                self.read.add(".".join(parts[:i]))

    def pick(self, branch):
        name = branch[1] or ""
        if self.ep["name"] == "costs":
            return name == "CostsResult"
        kind = self.ep.get("usage_kind")
        return kind is not None and name == "Usage" + "".join(
            w.capitalize() for w in kind.split("_")) + "Result"

    def build(self, schema, path, rel):
        s, _, _ = self.w.node(schema, self.pick)
        t = s.get("type")
        if t == "object" or "properties" in s:
            return self.build_object(s, path, rel)
        if t == "array":
            items = s.get("items", {"type": "string"})
            return [self.build(items, path + (0,), rel)]
        return self.scalar(s, path, rel)

    def scalar(self, s, path, rel):
        key = path[-1] if path else ""
        if rel is not None and rel in self.discr:
            return self.discr[rel]
        if "enum" in s:
            return s["enum"][0]
        if path == ("object",):
            return "list"  # ProjectUserListResponse types it as any string; its example says "list"
        t = s.get("type")
        if key == "has_more":
            return False
        if key == "start_time":
            return BUCKET_START
        if key == "end_time":
            return BUCKET_START + BUCKET_SECONDS
        if t == "integer":
            return BUCKET_START if s.get("format") == "unixtime" else 7
        if t == "number":
            return 1.25
        if t == "boolean":
            return True
        return f"{key}-conformance" if isinstance(key, str) else "item-conformance"

    def build_object(self, s, path, rel):
        out = {}
        required = set(s.get("required", []))
        validated = rel is None or rel in self.read
        props = s.get("properties", {})
        type_key = (rel + "." if rel else "") + "type"
        chosen = self.discr.get(type_key) if rel and "type" in props else None
        branches = self.w.node(props["type"])[0].get("enum", []) if chosen is not None else []
        for k, v in props.items():
            if k != chosen and k in branches:
                continue  # the other branch of a discriminated object (owner.user/service_account)
            child_rel = None if rel is None else (f"{rel}.{k}" if rel else k)
            _, nullable, _ = self.w.node(v, self.pick)
            self.sites.append(Site(path + (k,), child_rel, k in required, nullable, v, validated))
            out[k] = self.build(v, path + (k,), child_rel)
        return out


def item_prefix(ep):
    if ep.get("single"):
        return ()
    return ("data", 0, "results", 0) if ep["bucketed"] else ("data", 0)


def build_page(walker, ep, discr):
    b = Builder(walker, ep, discr)
    schema = walker.response_schema(ep["path"])
    if ep.get("single"):
        s, _, _ = walker.node(schema)
        return b.build_object(s, (), ""), b.sites
    # Walk with rel=None down to the item, then item-relative paths.
    s, _, _ = walker.node(schema)
    page = b.build_object(s, (), None)
    prefix = item_prefix(ep)
    # Rebuild the item with item-relative bookkeeping.
    holder = page
    spath = ()
    for k in prefix[:-1]:
        holder = holder[k]
        spath += (k,)
    if ep["bucketed"]:
        bucket_schema, _, _ = walker.node(walker.node(s["properties"]["data"])[0]["items"])
        item_schema = walker.node(bucket_schema["properties"]["results"])[0]["items"]
    else:
        item_schema = walker.node(s["properties"]["data"])[0]["items"]
    b.sites = [x for x in b.sites if x.path[:len(prefix)] != prefix]
    item_s, _, _ = walker.node(item_schema, b.pick)
    holder[prefix[-1]] = b.build_object(item_s, prefix, "")
    page["has_more"] = False
    for k in ("first_id", "last_id", "next_page", "next"):
        if k in page:
            page[k] = None
    return page, b.sites


def get(doc, path):
    for k in path:
        if isinstance(k, int):
            if not isinstance(doc, list) or k >= len(doc):
                return MISSING
        elif not isinstance(doc, dict) or k not in doc:
            return MISSING
        doc = doc[k]
    return doc


def put(doc, path, value):
    parent = get(doc, path[:-1])
    if parent is MISSING:
        return False
    if value is MISSING:
        parent.pop(path[-1], None)
    else:
        parent[path[-1]] = value
    return True


def expected_columns(ep, page):
    """column -> "null" | "nonnull" for the first row, from the mapping and what the page holds."""
    item = get(page, item_prefix(ep))
    cols = {}
    for src, target in ep["columns"].items():
        col, _, cond = target.partition("?")
        holds = True
        if cond:
            # The parser reads the branch its type names, or the one branch present when "type" is absent.
            ckey, _, cval = cond.partition("=")
            where = tuple(ckey.split("."))
            branches = [k for k in ("user", "service_account", "session", "api_key")
                        if isinstance(get(item, where[:-1] + (k,)), dict)]
            holds = get(item, where) == cval or (get(item, where) is MISSING and branches == [cval])
        v = get(item, tuple(src.split(".")))
        present = holds and v is not MISSING and v is not None
        cols[col] = "nonnull" if present or cols.get(col) == "nonnull" else "null"
    for col, text in ep.get("defaults", {}).items():
        if cols.get(col) == "null":
            cols[col] = {"text": text}
    if ep.get("payload_column"):
        payload = item.get(item.get("type")) if isinstance(item.get("type"), str) else None
        cols[ep["payload_column"]] = "nonnull" if isinstance(payload, (dict, list)) else "null"
    return cols


def example_gaps(walker, ep, sites):
    """Required properties the spec's own example omits (normalized JSON paths)."""
    text = walker.example(ep["path"])
    try:
        ex = json.loads(text) if text else None
    except ValueError:
        ex = None
    if ex is None:
        return set()
    gaps = set()

    def instances(doc, path):
        if not path:
            return [doc]
        k, rest = path[0], path[1:]
        if isinstance(k, int):
            return [x for e in (doc if isinstance(doc, list) else []) for x in instances(e, rest)]
        return instances(doc[k], rest) if isinstance(doc, dict) and k in doc else []

    for site in sites:
        if site.required:
            for parent in instances(ex, site.path[:-1]):
                if isinstance(parent, dict) and site.path[-1] not in parent:
                    gaps.add(json_path(site.path))
    return gaps


class Writer:
    def __init__(self, outdir):
        self.outdir = outdir
        self.index = []
        self.ids = set()

    def add(self, ep, variant, page, expect, raw_edits=None):
        cid = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{ep['name']}--{variant}")[:150]
        n, base = 2, cid
        while cid in self.ids:
            cid, n = f"{base}-{n}", n + 1
        self.ids.add(cid)
        d = os.path.join(self.outdir, cid)
        os.makedirs(d)
        text = json.dumps(page, indent=1, sort_keys=False)
        for placeholder, literal in (raw_edits or {}).items():
            text = text.replace(json.dumps(placeholder), literal)
        with open(os.path.join(d, "page.json"), "w", encoding="utf-8") as f:
            f.write(text)
        manifest = {"format": "orgward-fixtures/1", "captured_at": CAPTURED_AT,
                    "organization": {"key": "conformance", "name": "Conformance"},
                    "responses": [{"file": "page.json", "request": ep["request"]}]}
        with open(os.path.join(d, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump(manifest, f)
        self.index.append({"id": cid, "endpoint": ep["name"], "request": ep["request"], **expect})


def numeric_variants(ep, page, sites, w):
    """One page per number form: every number property written as an integer, a decimal, an exponent."""
    forms = {"integer": lambda v, t: str(int(v)),
             "decimal": lambda v, t: "0.25" if t == "number" else f"{v}.0",
             "exponent": lambda v, t: "1.5e-3" if t == "number" else exp_form(v),
             "exponent_upper": lambda v, t: "2E+2" if t == "number" else exp_form(v).upper()}
    prefix = item_prefix(ep)
    for form, make in forms.items():
        doc = copy.deepcopy(page)
        edits, values = {}, {}
        for i, site in enumerate(sites):
            s, _, _ = w.node(site.schema)
            t = s.get("type")
            cur = get(doc, site.path)
            if t not in ("number", "integer") or cur is MISSING or cur is None:
                continue
            literal = make(cur, t)
            if literal is None:
                literal = "5"
            placeholder = f"@@num{i}@@"
            put(doc, site.path, placeholder)
            edits[placeholder] = literal
            if site.path[:len(prefix)] == prefix and site.rel in ep["columns"]:
                col = ep["columns"][site.rel].partition("?")[0]
                values[col] = {"decimal": literal} if t == "number" else {"int": int(float(literal))}
        if edits:
            yield form, doc, edits, values


def unknown_everywhere(doc):
    if isinstance(doc, dict):
        for v in doc.values():
            unknown_everywhere(v)
        doc[UNKNOWN_KEY] = {"nested": [1, "two", None, {"deeper": True}]}
    elif isinstance(doc, list):
        for v in doc:
            unknown_everywhere(v)


def generate(spec_path, outdir):
    spec = specmodel.load_spec(spec_path)
    w = specmodel.Walker(spec)
    if os.path.isdir(outdir):
        shutil.rmtree(outdir)
    os.makedirs(outdir)
    out = Writer(outdir)
    tolerated = []
    for ep in specmodel.endpoints():
        if ep.get("usage_kind"):
            ep["request"] = (f"GET /v1{ep['path']}?start_time=0&bucket_width=1d&group_by="
                             + ",".join(w.group_by(ep["path"])))
        if ep["name"] == "invites":
            ep["defaults"] = {"projects": "[]"}
        seen_missing, item_rels = set(), set()
        for di, discr in enumerate(ep["discriminators"]):
            page, sites = build_page(w, ep, discr)
            tag = "-".join(f"{k}={v}" for k, v in discr.items()) or "default"
            item_rels |= {s.rel for s in sites if s.rel is not None}
            reads = {".".join(k.split(".")[:i]) for k in ep["columns"] for i in range(1, k.count(".") + 1)}
            if ep.get("usage_kind"):  # one mapping for all kinds: keep what this kind's result has
                ep["columns"] = {k: v for k, v in ep["columns"].items() if k in item_rels}
            gaps = example_gaps(w, ep, sites)
            ok = lambda doc: {"ok": True, "columns": expected_columns(ep, doc)}  # noqa: E731
            out.add(ep, f"full-{tag}", page, ok(page))
            # Every optional property absent, at every level at once (deepest first), then one by one.
            doc = copy.deepcopy(page)
            for site in sorted(sites, key=lambda x: -len(x.path)):
                if not site.required:
                    put(doc, site.path, MISSING)
            out.add(ep, f"absent-all-{tag}", doc, ok(doc))
            doc = copy.deepcopy(page)
            for site in sites:
                if site.nullable and get(doc, site.path) is not MISSING:
                    put(doc, site.path, None)
            out.add(ep, f"null-all-{tag}", doc, ok(doc))
            for site in sites:
                name = json_path(site.path)
                # One at a time: what the parser reads (raw-only subtrees get the all-at-once pages).
                single = site.rel is None or site.rel in ep["columns"] or site.rel in reads
                if not site.required and single:
                    doc = copy.deepcopy(page)
                    put(doc, site.path, MISSING)
                    out.add(ep, f"absent-{tag}-{name}", doc, ok(doc))
                if site.nullable and single:
                    doc = copy.deepcopy(page)
                    put(doc, site.path, None)
                    out.add(ep, f"null-{tag}-{name}", doc, ok(doc))
                if site.required and (site.validated or name in gaps) and name not in seen_missing:
                    seen_missing.add(name)
                    doc = copy.deepcopy(page)
                    put(doc, site.path, MISSING)
                    reason = specmodel.TOLERATED_MISSING.get((ep["name"], name))
                    if name in gaps or reason:
                        why = reason or "absent from the spec's own response example"
                        tolerated.append(f"{ep['name']}: {name} ({why})")
                        out.add(ep, f"missing-tolerated-{name}", doc, ok(doc))
                    else:
                        out.add(ep, f"missing-{name}", doc,
                                {"ok": False, "error": f"{name}: required field is missing"})
            doc = copy.deepcopy(page)
            unknown_everywhere(doc)
            out.add(ep, f"unknown-{tag}", doc, {**ok(doc), "raw_contains": UNKNOWN_KEY})
            doc = copy.deepcopy(page)
            for site in sites:
                s, _, _ = w.node(site.schema)
                if "enum" in s and not s.get("x-stainless-const") and get(doc, site.path) is not MISSING:
                    put(doc, site.path, UNLISTED)
            out.add(ep, f"enum-unlisted-{tag}", doc, ok(doc))
            if di == 0:
                for form, doc, edits, values in numeric_variants(ep, page, sites, w):
                    expect = ok(doc)
                    expect["columns"].update(values)
                    out.add(ep, f"numbers-{form}", doc, expect, edits)
        stale = [k for k in ep["columns"] if k not in item_rels]
        if stale:
            raise SystemExit(f"{ep['name']}: mapped properties the spec does not have: {stale}")
    with open(os.path.join(outdir, "index.json"), "w", encoding="utf-8") as f:
        json.dump({"spec": os.path.abspath(spec_path), "cases": out.index}, f, indent=1)
    print(f"{len(out.index)} cases in {outdir}")
    for t in sorted(set(tolerated)):
        print(f"required in the schema, tolerated when missing: {t}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    generate(sys.argv[1], sys.argv[2])
