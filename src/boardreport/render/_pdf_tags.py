"""Finishing WeasyPrint's tagged PDF: page furniture as artifacts, links described by their target.

WeasyPrint tags the text of page-margin boxes (running headers, page numbers, the draft banner)
as marked content with structure elements that it leaves out of the structure tree, so tagged
content is not reachable from the tree. PDF/UA wants such repeated furniture marked as
``/Artifact`` instead: :func:`finish` rewrites those marked-content sequences as artifacts and
drops their entries from the parent tree. WeasyPrint also describes each internal link by its
anchor id (``chair-foreword``); :func:`finish` gives it the title of what it leads to. The PDF is
read and written with pikepdf (qpdf), with a content-derived file identifier, so the same input
gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import pikepdf

_BDC = pikepdf.Operator("BDC")
_BMC = pikepdf.Operator("BMC")


def _in_tree(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """The object numbers of every structure element reachable from the structure tree root."""
    found: set[tuple[int, int]] = set()
    stack: list[pikepdf.Object] = [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        if kids is None:
            continue
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and kid.objgen not in found:
                if kid.is_indirect:
                    found.add(kid.objgen)
                stack.append(kid)
    return found


def _parent_arrays(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Array]:
    """Each page's array from the parent tree: marked-content id → structure element."""
    nums = pdf.Root.StructTreeRoot.ParentTree.get("/Nums", pikepdf.Array())
    arrays: dict[int, pikepdf.Array] = {}
    for index in range(0, len(nums) - 1, 2):
        value = nums[index + 1]
        if isinstance(value, pikepdf.Array):
            arrays[int(nums[index])] = value
    return arrays


def _orphans(mcids: pikepdf.Array, in_tree: set[tuple[int, int]]) -> set[int]:
    return {
        mcid
        for mcid, element in enumerate(mcids)
        if isinstance(element, pikepdf.Dictionary) and element.objgen not in in_tree
    }


_Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage


def _is_orphan(instruction: _Instruction, orphans: set[int]) -> bool:
    """Whether ``instruction`` opens a marked-content sequence whose id is in ``orphans``."""
    if not isinstance(instruction, pikepdf.ContentStreamInstruction):
        return False  # an inline image
    operands = instruction.operands
    if instruction.operator != _BDC or len(operands) != 2:
        return False
    properties = operands[1]
    return isinstance(properties, pikepdf.Dictionary) and int(properties.get("/MCID", -1)) in (
        orphans
    )


def _as_artifacts(page: pikepdf.Page, orphans: set[int]) -> list[_Instruction]:
    artifact = pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact], _BMC)
    return [
        artifact if _is_orphan(instruction, orphans) else instruction
        for instruction in pikepdf.parse_content_stream(page)
    ]


def _describe_links(pdf: pikepdf.Pdf, titles: Mapping[str, str]) -> None:
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", pikepdf.Array()):
            target = annotation.get("/Dest")
            if annotation.get("/Subtype") == "/Link" and isinstance(target, pikepdf.String):
                title = titles.get(str(target))
                if title:
                    annotation.Contents = pikepdf.String(title)


def finish(document: bytes, link_titles: Mapping[str, str]) -> bytes:
    """Return the tagged PDF ``document`` with its untreed marked content made artifacts and
    each internal link described by ``link_titles`` (anchor → title of what it leads to)."""
    with pikepdf.open(io.BytesIO(document)) as pdf:
        if "/StructTreeRoot" not in pdf.Root:
            return document
        _describe_links(pdf, link_titles)
        in_tree = _in_tree(pdf)
        arrays = _parent_arrays(pdf)
        for page in pdf.pages:
            key = page.obj.get("/StructParents")
            mcids = None if key is None else arrays.get(int(key))
            orphans = set() if mcids is None else _orphans(mcids, in_tree)
            if not orphans or mcids is None:
                continue
            page.obj.Contents = pdf.make_stream(
                pikepdf.unparse_content_stream(_as_artifacts(page, orphans))
            )
            for mcid in orphans:
                mcids[mcid] = None
        out = io.BytesIO()
        pdf.save(
            out,
            deterministic_id=True,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
    return out.getvalue()
