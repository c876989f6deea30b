"""Which texts of a scenario have no version in a language (the W305 lint in ``checks.py``).

A text field is one whose type is ``model.Text`` (a string, or ``{en: ..., ja: ...}``); the
fields are found once per model class from the annotations, so a new text field in ``model.py``
is covered without being listed here.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from . import model as M
from .diagnostics import path_str

_TEXT_FIELDS: dict[type, dict[str, bool]] = {}


def _has_text_validator(t: Any) -> bool:
    if typing.get_origin(t) is typing.Annotated:
        for m in typing.get_args(t)[1:]:
            if M.marks_text(m):
                return True
        return _has_text_validator(typing.get_args(t)[0])
    return any(_has_text_validator(a) for a in typing.get_args(t))


def _text_fields(cls: type[BaseModel]) -> dict[str, bool]:
    """field name -> is a list of texts, for every localisable text field of ``cls``."""
    if cls not in _TEXT_FIELDS:
        out = {}
        for name, f in cls.model_fields.items():
            direct = any(M.marks_text(m) for m in f.metadata)
            if direct:
                out[name] = False
            elif _has_text_validator(f.annotation):
                out[name] = typing.get_origin(f.annotation) is list
        _TEXT_FIELDS[cls] = out
    return _TEXT_FIELDS[cls]


def _missing_in(text: Any, lang: str) -> bool:
    if isinstance(text, str):
        return bool(text.strip())
    if isinstance(text, dict):
        return not str(text.get(lang) or "").strip() and bool(str(text.get("en", "")).strip())
    return False


def _walk_texts(obj: Any, path: tuple[Any, ...], lang: str, out: list[tuple[Any, ...]]) -> None:
    if isinstance(obj, BaseModel):
        cls = type(obj)
        texts = _text_fields(cls)
        for name, f in cls.model_fields.items():
            v = getattr(obj, name)
            if v is None:
                continue
            key = f.alias or name
            if name in texts:
                if texts[name]:
                    for i, t in enumerate(v):
                        if _missing_in(t, lang):
                            out.append(path + (key, i))
                elif _missing_in(v, lang):
                    out.append(path + (key,))
            elif isinstance(v, BaseModel | list | dict):
                _walk_texts(v, path + (key,), lang, out)
    elif isinstance(obj, list):
        for i, x in enumerate(obj):
            if isinstance(x, BaseModel | list | dict):
                _walk_texts(x, path + (i,), lang, out)
    elif isinstance(obj, dict):
        for k, x in obj.items():
            if isinstance(x, BaseModel | list | dict):
                _walk_texts(x, path + (k,), lang, out)


def missing_paths(sections: dict[str, Any], lang: str) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for name in M.Scenario.model_fields:
        v = sections.get(name)
        if name == "discussion_questions":
            for i, t in enumerate(v or []):
                if _missing_in(t, lang):
                    out.append((name, i))
        elif v is not None:
            _walk_texts(v, (name,), lang, out)
    return out


def missing_translations(scenario: M.Scenario, lang: str) -> list[str]:
    """Paths (e.g. ``events[3].title``) of every text that has no ``lang`` version."""
    if lang == "en":
        return []
    sections = {name: getattr(scenario, name) for name in M.Scenario.model_fields}
    return [path_str(p) for p in missing_paths(sections, lang)]
