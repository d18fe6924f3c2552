"""What Orgward reads of the Admin API spec: the endpoints it parses, which JSON property lands in which
column, and a walker over the spec's response schemas. Shared by gen_cases.py and drift.py."""
import os

import yaml

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - python3-yaml is always built with libyaml on Debian
    from yaml import SafeLoader as Loader

PROJECT = "proj_conformance"
GROUP = "group_conformance"
USER = "user_conformance"
USAGE_KINDS = ["completions", "embeddings", "moderations", "images", "audio_speeches",
               "audio_transcriptions", "vector_stores", "code_interpreter_sessions",
               "file_search_calls", "web_search_calls"]
USAGE_METRICS = ["input_tokens", "output_tokens", "input_cached_tokens", "input_cache_write_tokens",
                 "input_uncached_tokens", "input_text_tokens", "output_text_tokens",
                 "input_cached_text_tokens", "input_audio_tokens", "input_cached_audio_tokens",
                 "output_audio_tokens", "input_image_tokens", "input_cached_image_tokens",
                 "output_image_tokens", "num_model_requests", "images", "characters", "seconds",
                 "usage_bytes", "num_sessions", "num_requests"]
USAGE_DIMENSIONS = ["project_id", "user_id", "api_key_id", "model", "batch", "service_tier", "size",
                    "source", "vector_store_id", "context_level"]


# Required in the schema, tolerated when missing (the page imports with NULL), with the reason. Keyed by
# endpoint name and JSON path. Properties the spec's own response example omits are tolerated as well
# (gen_cases.py finds those itself).
TOLERATED_MISSING = {
    ("project_api_keys", "$.data[0].owner_project_access"):
        "newer than the rest of ProjectApiKey; keys listed without it keep NULL (test_pageparser pins it)",
    ("certificates", "$.data[0].active"):
        "missing on some responses; the certificate keeps NULL (test_pageparser pins it)",
    ("project_certificates", "$.data[0].active"):
        "missing on some responses; the certificate keeps NULL (test_pageparser pins it)",
}


def load_spec(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def same(*names):
    return {n: n for n in names}


# Each endpoint Orgward parses: the spec path, the request a fixture manifest records, the item's JSON
# path prefix, and where each item property lands ("a.b" -> column). A value "col?key=value" stores only
# when the item's key has that value (a type-named payload or owner). JSON columns hold their subtree.
def endpoints():
    out = []
    p = "/organization/projects/{project_id}"

    def concrete(path):
        return path.replace("{project_id}", PROJECT).replace("{group_id}", GROUP).replace("{user_id}", USER)

    def lst(name, path, columns, discriminators=None):
        out.append({"name": name, "path": path, "bucketed": False,
                    "request": "GET /v1" + concrete(path) + "?limit=100",
                    "columns": columns, "discriminators": discriminators or [{}]})

    def single(name, path, columns):
        # One object per request: the body is the item (item-relative paths start at the top).
        out.append({"name": name, "path": path, "bucketed": False, "single": True,
                    "request": "GET /v1" + concrete(path), "columns": columns, "discriminators": [{}]})

    lst("users", "/organization/users",
        same("id", "name", "email", "role", "added_at", "created", "is_default", "is_service_account",
             "is_scim_managed", "api_key_last_used_at", "technical_level", "developer_persona"))
    lst("invites", "/organization/invites",
        same("id", "email", "role", "status", "created_at", "expires_at", "accepted_at", "projects"))
    lst("projects", "/organization/projects",
        same("id", "name", "status", "created_at", "archived_at", "external_key_id", "residency"))
    lst("project_users", p + "/users", {"id": "user_id", **same("name", "email", "role", "added_at")})
    lst("service_accounts", p + "/service_accounts", same("id", "name", "role", "created_at"))
    owner = {}
    for who in ("user", "service_account"):
        cond = "?owner.type=" + who
        owner.update({f"owner.{who}.id": "owner_id" + cond, f"owner.{who}.name": "owner_name" + cond,
                      f"owner.{who}.role": "owner_role" + cond})
    owner["owner.user.email"] = "owner_email?owner.type=user"
    lst("project_api_keys", p + "/api_keys",
        {**same("id", "name", "redacted_value", "created_at", "last_used_at", "owner_project_access"),
         "owner.type": "owner_type", **owner},
        [{"owner.type": "user"}, {"owner.type": "service_account"}])
    lst("rate_limits", p + "/rate_limits",
        same("id", "model", "max_requests_per_1_minute", "max_tokens_per_1_minute",
             "max_images_per_1_minute", "max_audio_megabytes_per_1_minute", "max_requests_per_1_day",
             "batch_1_day_max_input_tokens"))
    cert = {**same("name", "active", "created_at"), "certificate_details.valid_at": "valid_at",
            "certificate_details.expires_at": "expires_at"}
    lst("certificates", "/organization/certificates", {"id": "id", **cert})
    lst("project_certificates", p + "/certificates", {"id": "certificate_id", **cert})
    lst("admin_api_keys", "/organization/admin_api_keys",
        {**same("id", "name", "redacted_value", "created_at", "expires_at", "last_used_at"),
         "owner.type": "owner_type", "owner.id": "owner_id", "owner.name": "owner_name",
         "owner.role": "owner_role"})
    audit = {**same("id", "type", "effective_at"), "project.id": "project_id",
             "project.name": "project_name", "actor.type": "actor_type",
             "actor.session.user.id": "actor_id?actor.type=session",
             "actor.session.user.email": "actor_email?actor.type=session",
             "actor.session.ip_address": "actor_ip?actor.type=session",
             "actor.api_key.id": "actor_id?actor.type=api_key",
             "actor.api_key.user.email": "actor_email?actor.api_key.type=user",
             "actor.api_key.service_account.id": "actor_id?actor.api_key.type=service_account",
             "actor.api_key.user.id": "actor_id?actor.api_key.type=user"}
    out.append({"name": "audit_logs", "path": "/organization/audit_logs", "bucketed": False,
                "request": "GET /v1/organization/audit_logs?limit=100", "columns": audit,
                "payload_column": "payload",  # the property named after the event type
                "discriminators": [{"actor.type": "session", "type": "project.created"},
                                   {"actor.type": "api_key", "actor.api_key.type": "user",
                                    "type": "api_key.created"},
                                   {"actor.type": "api_key", "actor.api_key.type": "service_account",
                                    "type": "certificate.created"}]})
    # Issue #12: RBAC, governance and spend controls.
    lst("groups", "/organization/groups", same("id", "name", "created_at", "is_scim_managed", "group_type"))
    lst("group_users", "/organization/groups/{group_id}/users", {"id": "user_id", **same("name", "email")})
    assigned = {"id": "role_id", **same("name", "permissions", "resource_type", "predefined_role",
                                        "description", "assignment_sources")}
    lst("group_roles", "/organization/groups/{group_id}/roles", assigned)
    lst("roles", "/organization/roles",
        same("id", "name", "description", "permissions", "resource_type", "predefined_role"))
    lst("user_roles", "/organization/users/{user_id}/roles", assigned)
    lst("project_groups", p + "/groups", same("group_id", "group_name", "group_type", "created_at"))
    alert = {**same("id", "threshold_amount", "currency", "interval"),
             "notification_channel.type": "channel_type", "notification_channel.recipients": "recipients",
             "notification_channel.subject_prefix": "subject_prefix"}
    lst("spend_alerts", "/organization/spend_alerts", alert)
    lst("project_spend_alerts", p + "/spend_alerts", alert)
    single("model_permissions", p + "/model_permissions", same("mode", "model_ids"))
    single("hosted_tool_permissions", p + "/hosted_tool_permissions",
           {f"{t}.enabled": t for t in ("file_search", "web_search", "image_generation", "mcp",
                                        "code_interpreter")})
    single("data_retention", "/organization/data_retention", same("type"))
    single("project_data_retention", p + "/data_retention", same("type"))
    limit = {**same("threshold_amount", "currency", "interval"), "enforcement.status": "enforcement_status"}
    single("spend_limit", "/organization/spend_limit", limit)
    single("project_spend_limit", p + "/spend_limit", limit)
    out.append({"name": "costs", "path": "/organization/costs", "bucketed": True,
                "request": "GET /v1/organization/costs?start_time=0&bucket_width=1d"
                           "&group_by=project_id,line_item,api_key_id",
                "columns": {**same("project_id", "line_item", "api_key_id", "quantity", "quantity_unit"),
                            "amount.value": "amount", "amount.currency": "currency"},
                "discriminators": [{}]})
    for kind in USAGE_KINDS:
        out.append({"name": "usage_" + kind, "path": "/organization/usage/" + kind, "bucketed": True,
                    "usage_kind": kind, "request": None,  # group_by set from the spec's parameter
                    "columns": same(*(USAGE_METRICS + USAGE_DIMENSIONS)), "discriminators": [{}]})
    return out


class Walker:
    """Resolves $ref, nullable anyOf and the usage oneOf of the spec's schemas."""

    def __init__(self, spec):
        self.spec = spec
        self.schemas = spec["components"]["schemas"]

    def deref(self, s):
        name = None
        while "$ref" in s:
            name = s["$ref"].rsplit("/", 1)[-1]
            s = self.schemas[name]
        return s, name

    def node(self, s, pick=None):
        """(schema, nullable, name): anyOf/oneOf with a null branch is the other branch, nullable.
        pick((schema, name)) chooses among several object branches (the usage result of one kind)."""
        s, name = self.deref(s)
        nullable = False
        for comb in ("anyOf", "oneOf"):
            if comb not in s:
                continue
            branches = []
            for b in s[comb]:
                rb, rn = self.deref(b)
                if rb.get("type") == "null":
                    nullable = True
                else:
                    branches.append((rb, rn))
            chosen = None
            if pick and len(branches) > 1:
                chosen = next((b for b in branches if pick(b)), None)
            if chosen is None:
                # Several string branches (one with an enum): the enum one describes the values.
                chosen = next((b for b in branches if "enum" in b[0]), branches[0])
            inner, inner_nullable, inner_name = self.node(chosen[0], pick)
            return inner, nullable or inner_nullable, chosen[1] or inner_name or name
        return s, nullable, name

    def response_schema(self, path):
        op = self.spec["paths"][path]["get"]
        return op["responses"]["200"]["content"]["application/json"]["schema"]

    def example(self, path):
        ex = self.spec["paths"][path]["get"].get("x-oaiMeta", {}).get("examples")
        if isinstance(ex, list):
            ex = ex[0] if ex else None
        return ex.get("response") if isinstance(ex, dict) else None

    def group_by(self, path):
        for param in self.spec["paths"][path]["get"].get("parameters", []):
            param, _ = self.deref(param)
            if param.get("name") == "group_by":
                schema, _, _ = self.node(param["schema"])
                return list(schema.get("items", {}).get("enum", []))
        return []


def default_spec_path():
    return os.environ.get("ORGWARD_SPEC",
                          os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared",
                                       "reference", "openai-openapi.yaml"))
