"""JSON Schema of report files, generated from the model, for editor completion and validation."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from boardreport import model

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_PARTS = {
    "type": "array",
    "items": {"type": "string"},
    "description": "Part files (relative paths) whose sections are appended here, in order.",
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = self.object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object(
        self, cls: type, *, tag: str | None = None, extra: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["type"] = {"const": tag}
            required.append("type")
        for attribute in attrs.fields(cls):
            properties[attribute.name] = self.type(hints[attribute.name])
            if attribute.default is attrs.NOTHING:
                required.append(attribute.name)
        if cls is model.Section:
            properties["parts"] = _PARTS
        properties.update(extra or {})
        schema: dict[str, Any] = {
            "type": "object",
            "title": cls.__name__,
            "properties": properties,
            "additionalProperties": False,
        }
        doc = (cls.__doc__ or "").strip().split("\n\n")[0]
        if doc:
            schema["description"] = " ".join(doc.split())
        if required:
            schema["required"] = required
        return schema

    def blocks(self) -> dict[str, Any]:
        if "Block" not in self.defs:
            variants = []
            for tag, cls in model.BLOCK_TYPES.items():
                name = f"{cls.__name__}Block"
                self.defs[name] = self.object(cls, tag=tag)
                variants.append({"$ref": f"#/$defs/{name}"})
            self.defs["Block"] = {"oneOf": variants}
        return {"$ref": "#/$defs/Block"}

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
            return {"type": "array", "prefixItems": [self.type(a) for a in args], "items": False}
        if hint is str:
            return {"type": "string"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is Decimal:
            return {"type": "number"}
        if hint is dt.date:
            return {"type": "string", "format": "date"}
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return {"enum": [m.value for m in hint]}
        if isinstance(hint, type) and attrs.has(hint):
            return self.ref(hint)
        msg = f"no JSON Schema for {hint!r}"
        raise TypeError(msg)


def report_schema() -> dict[str, Any]:
    """Return the schema of a report's root file (``report.toml``)."""
    builder = _Builder()
    root = builder.object(model.Report, extra={"parts": _PARTS})
    return {"$schema": SCHEMA_DIALECT, **root, "$defs": dict(sorted(builder.defs.items()))}


def part_schema() -> dict[str, Any]:
    """Return the schema of a part file (one section)."""
    builder = _Builder()
    root = builder.object(model.Section)
    return {"$schema": SCHEMA_DIALECT, **root, "$defs": dict(sorted(builder.defs.items()))}
