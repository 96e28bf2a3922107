"""JSON Schema of report files, generated from the model, for editor completion and validation.

Everything comes from the model: every attrs class becomes a definition, every field a property
whose description is the field's docstring (the text docs/format.md's key tables also give).
The schema is written in draft-07, the dialect TOML editors' validators (taplo, in Even Better
TOML) read: fixed-length arrays use ``items`` as a list with ``additionalItems: false``, and a
block is matched to its definition by its ``type`` tag with ``if``/``then``, so an error inside
a block is reported against that block's own keys.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import functools
import inspect
import textwrap
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from boardreport import model

SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
PARTS_DOC = (
    "Part files (paths relative to this file's folder) whose sections are added here, in order."
)
BLOCK_TYPE_DOC = "The kind of block; it decides which other keys the block takes."
DATE_DOC = "Written as a TOML date without quotes, year-month-day: 2015-03-31."
_PARTS = {"type": "array", "items": {"type": "string", "minLength": 1}, "description": PARTS_DOC}


@functools.cache
def field_docs(cls: type) -> dict[str, str]:
    """The docstrings of ``cls``'s fields: the string literal written under each field.

    These are the model's field documentation, read the way documentation tools read
    attribute docstrings; classes the model inherits from contribute theirs too.
    """
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass is object or not attrs.has(klass):
            continue
        try:
            source = textwrap.dedent(inspect.getsource(klass))
        except (OSError, TypeError):
            continue
        [node] = ast.parse(source).body
        assert isinstance(node, ast.ClassDef)
        for statement, following in zip(node.body, [*node.body[1:], None], strict=True):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                docs[statement.target.id] = " ".join(following.value.value.split())
    return docs


def _class_doc(cls: type) -> str:
    doc = (cls.__doc__ or "").strip().split("\n\n")[0]
    return " ".join(doc.split())


def _with_doc(schema: dict[str, Any], doc: str) -> dict[str, Any]:
    if not doc:
        return schema
    if "$ref" in schema:  # draft-07 ignores keywords beside $ref: wrap it
        return {"allOf": [schema], "description": doc}
    return {**schema, "description": doc}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = self.object(cls)
        return {"$ref": f"#/definitions/{name}"}

    def object(
        self, cls: type, *, tag: str | None = None, extra: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = field_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["type"] = {"const": tag, "description": BLOCK_TYPE_DOC}
            required.append("type")
        for attribute in attrs.fields(cls):
            value = self.type(hints[attribute.name])
            doc = docs.get(attribute.name, "")
            if attribute.validator is model._check_id:
                value = {**value, "pattern": model.ID_PATTERN.pattern}
            if value.get("format") == "date":
                doc = f"{doc} {DATE_DOC}".strip()
            properties[attribute.name] = _with_doc(value, doc)
            if attribute.default is attrs.NOTHING:
                required.append(attribute.name)
        if cls is model.Section:
            properties["parts"] = _PARTS
        properties.update(extra or {})
        schema: dict[str, Any] = {
            "type": "object",
            "title": f"{cls.__name__} block" if tag else cls.__name__,
            "properties": properties,
            "additionalProperties": False,
        }
        doc = _class_doc(cls)
        if doc:
            schema["description"] = doc
        if required:
            schema["required"] = required
        return schema

    def blocks(self) -> dict[str, Any]:
        if "Block" not in self.defs:
            tags = list(model.BLOCK_TYPES)
            branches = []
            for tag, cls in model.BLOCK_TYPES.items():
                name = f"{cls.__name__}Block"
                self.defs[name] = self.object(cls, tag=tag)
                branches.append(
                    {
                        "if": {"properties": {"type": {"const": tag}}, "required": ["type"]},
                        "then": {"$ref": f"#/definitions/{name}"},
                    }
                )
            self.defs["Block"] = {
                "title": "Block",
                "description": "One block of a section's content; its `type` says which kind.",
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"enum": tags, "description": BLOCK_TYPE_DOC}},
                "allOf": branches,
            }
        return {"$ref": "#/definitions/Block"}

    def type(self, hint: Any) -> dict[str, Any]:
        if hint == model.Block:
            return self.blocks()
        if hint is model.Month:
            return {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"}
        if hint is model.Period:
            years = {"type": "string", "pattern": r"^\s*(19|20)\d{2}\s*[-/–]\s*(\d{2}|\d{4})\s*$"}
            return {"anyOf": [years, self.ref(model.Period)]}
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            options = [self.type(a) for a in args if a is not type(None)]
            return options[0] if len(options) == 1 else {"anyOf": options}
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.type(args[0])}
            return {
                "type": "array",
                "items": [self.type(a) for a in args],
                "additionalItems": False,
                "minItems": len(args),
            }
        if hint is str:
            return {"type": "string"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is Decimal:
            return {"type": "number"}
        if hint is dt.date:
            return {
                "type": "string",
                "format": "date",
                "pattern": r"^\d{4}-\d{2}-\d{2}$",
            }
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return {"enum": [m.value for m in hint]}
        if isinstance(hint, type) and attrs.has(hint):
            return self.ref(hint)
        msg = f"no JSON Schema for {hint!r}"
        raise TypeError(msg)


TAPLO_CONFIG = """\
# Editor support for this report (taplo, and Even Better TOML in VS Code, read this file):
# report.toml and every part file are checked against boardreport's JSON Schemas, which
# `boardreport new` wrote beside report.toml. `boardreport schema` prints the current ones.
include = ["report.toml", "parts/**/*.toml"]

[[rule]]
include = ["report.toml"]

[rule.schema]
path = "./report.schema.json"

[[rule]]
include = ["parts/**/*.toml"]

[rule.schema]
path = "./part.schema.json"
"""
"""The ``.taplo.toml`` that ``boardreport new`` writes beside ``report.toml``."""


def _document(root: dict[str, Any], builder: _Builder) -> dict[str, Any]:
    return {"$schema": SCHEMA_DIALECT, **root, "definitions": dict(sorted(builder.defs.items()))}


def report_schema() -> dict[str, Any]:
    """Return the schema of a report's root file (``report.toml``)."""
    builder = _Builder()
    root = builder.object(model.Report, extra={"parts": _PARTS})
    return _document(root, builder)


def part_schema() -> dict[str, Any]:
    """Return the schema of a part file (one section)."""
    builder = _Builder()
    root = builder.object(model.Section)
    return _document(root, builder)
