"""The JSON Schema (draft-07) that editors use to complete and check scenario files.

Exported from ``model.ScenarioFile`` (every file of a scenario validates against it) and
post-processed for the VS Code YAML extension:

* draft-07 with ``definitions`` (not ``$defs``) and refs rewritten to match;
* each effect item and each condition is an object with exactly one property and no others
  (``minProperties``/``maxProperties`` 1, ``additionalProperties: false``), so the editor
  completes verbs, shows each verb's documentation on hover and says "Property set_flg is not
  allowed" instead of a confusing ``oneOf`` message;
* tuples use the draft-07 ``items: [...]`` form;
* the keys of a localised text must be ISO 639-1 language codes (``patternProperties`` with no
  other keys allowed), so ``{en: ..., jp: ...}`` is underlined in the editor too;
* years written as bare integers (``start: 2013``) are accepted where the model accepts them;
* descriptions come from the models' docstrings and the registry's one-line descriptions.
"""

from __future__ import annotations

from typing import Any

from . import registry
from .model import SCHEMA_VERSION, ScenarioFile

DRAFT_07 = "http://json-schema.org/draft-07/schema#"

#: definition -> fields that accept a bare integer year as well as a "YYYY[-MM]" string
_YEAR_FIELDS = {
    "Calendar": ("start", "end"),
    "EventWindow": ("from", "until"),
    "Event": ("date",),
    "HistoryStep": ("year",),
    "BibItem": ("date",),
    "YearRange": ("from", "until"),
}
_YEAR_INT = {"type": "integer", "minimum": 0, "maximum": 9999}


def _walk(node: Any) -> Any:
    """Rewrite refs and draft-2020 tuple forms, recursively."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                out[k] = v.replace("#/$defs/", "#/definitions/")
            else:
                out[k] = _walk(v)
        if "patternProperties" in out and "additionalProperties" not in out:
            # localised texts: only language codes are keys ({en: ..., jp: ...} is squiggled)
            out["additionalProperties"] = False
        if "prefixItems" in out:
            out["items"] = out.pop("prefixItems")
            out["additionalItems"] = False
        return out
    if isinstance(node, list):
        return [_walk(x) for x in node]
    return node


def _not_null(prop: dict[str, Any]) -> dict[str, Any]:
    """``anyOf: [X, {type: null}]`` -> X (keeping title/description)."""
    prop = dict(prop)
    prop.pop("default", None)
    alts = prop.get("anyOf")
    if isinstance(alts, list):
        rest = [a for a in alts if a != {"type": "null"}]
        if len(rest) == 1:
            del prop["anyOf"]
            prop = {**rest[0], **prop}
        else:
            prop["anyOf"] = rest
    return prop


def _one_key(defn: dict[str, Any], docs: dict[str, str]) -> None:
    props = defn.get("properties", {})
    for k in list(props):
        p = _not_null(props[k])
        if k in docs and docs[k]:
            p.setdefault("description", docs[k])
            p.pop("title", None)
        props[k] = p
    defn["minProperties"] = 1
    defn["maxProperties"] = 1
    defn["additionalProperties"] = False


def _accept_int_year(prop: dict[str, Any]) -> dict[str, Any]:
    if "anyOf" in prop:
        alts = prop["anyOf"]
        if _YEAR_INT not in alts:
            strs = [i for i, a in enumerate(alts) if a.get("type") == "string"]
            at = strs[0] + 1 if strs else 0
            prop = {**prop, "anyOf": alts[:at] + [_YEAR_INT] + alts[at:]}
        return prop
    if prop.get("type") == "string":
        meta = {k: v for k, v in prop.items() if k in ("title", "description", "default")}
        body = {k: v for k, v in prop.items() if k not in meta}
        return {**meta, "anyOf": [body, _YEAR_INT]}
    return prop


def json_schema() -> dict[str, Any]:
    """The draft-07 JSON Schema of one scenario file."""
    raw = ScenarioFile.model_json_schema(ref_template="#/$defs/{model}")
    defs = raw.pop("$defs", {})
    schema: dict[str, Any] = {
        "$schema": DRAFT_07,
        "$id": "https://crossroads.example/scenario.schema.json",
        "title": "Crossroads scenario file",
    }
    schema.update(_walk(raw))
    schema["definitions"] = _walk(defs)
    d = schema["definitions"]

    effect_docs = {k: v[1] for k, v in registry.EFFECTS.items()}
    _one_key(d["Effect"], effect_docs)
    _one_key(d["Condition"], dict(registry.CONDITIONS))
    if "Quantity" in d:
        _one_key(
            d["Quantity"],
            {k: (v.__doc__ or "").strip().split("\n")[0] for k, v in registry.QUANTITIES.items()},
        )
    for name, fields in _YEAR_FIELDS.items():
        props = d.get(name, {}).get("properties", {})
        for f in fields:
            if f in props:
                props[f] = _accept_int_year(props[f])
    sv = schema["properties"]["schema_version"]
    sv.update(
        {
            "minimum": 1,
            "maximum": SCHEMA_VERSION,
            "description": f"format version of this file; this game reads {SCHEMA_VERSION}",
        }
    )
    schema["description"] = (
        "One file of a Crossroads scenario. The main file (manifest) needs schema_version, "
        "meta and calendar; other files are listed under include. See docs/scenario-format.md."
    )
    return schema
