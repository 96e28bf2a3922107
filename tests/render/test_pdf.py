"""The PDF: tagged PDF/UA-1, metadata, bookmarks, page numbers, reading order, layout, same bytes.

The reference report and a new board's skeleton are each built once per module (WeasyPrint takes
seconds); every test reads those files with pikepdf and poppler-utils (pdftotext, pdftoppm).
"""

from __future__ import annotations

import datetime as dt
import http.server
import itertools
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import attrs
import pikepdf
import pytest
from markdown_it import MarkdownIt
from PIL import Image

from boardreport import model, serve, wording
from boardreport.cli import main
from boardreport.errors import RenderError
from boardreport.io import load
from boardreport.render import pdf as pdf_render
from boardreport.render import render

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "reports" / "wolverhampton_2014_15"
BOARD = "Brackenford Safeguarding Children Board"
MM = 72 / 25.4
PAGE_HEIGHT = 297 * MM
BODY_TOP, BODY_BOTTOM = 22 * MM, 20 * MM
"""The page margins of print.css: running headers and page numbers live there."""

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils is installed by scripts/install-weasyprint.sh",
)


class Built:
    """One built report: its PDF (opened with pikepdf) and the Markdown of the same build."""

    def __init__(self, out: Path, title: str, board: str, logged: list[str]) -> None:
        self.path = out / "report.pdf"
        self.logged = logged
        """What WeasyPrint logged while drawing it: unsupported CSS, images without text."""
        self.markdown = (out / "report.md").read_text(encoding="utf-8")
        self.pdf = pikepdf.open(self.path)
        self.title = title
        self.board = board

    def page_texts(self, *, body_only: bool = False) -> list[str]:
        """The text of each page in reading order; ``body_only`` leaves out the page margins."""
        command = ["pdftotext", "-raw", "-enc", "UTF-8"]  # content order, no de-hyphenation
        if body_only:
            height = PAGE_HEIGHT - BODY_TOP - BODY_BOTTOM
            command += ["-r", "72", "-x", "0", "-y", str(int(BODY_TOP)), "-W", "600"]
            command += ["-H", str(int(height))]
        command += [str(self.path), "-"]
        text = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        return text.split("\f")[: len(self.pdf.pages)]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def _build(folder: Path, out: Path) -> list[str]:
    """Build report.md and report.pdf; return what WeasyPrint logged at warning level or above."""
    collect = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collect)
    try:
        # 1: built as a draft (a new board's skeleton has unresolved errors)
        assert main(["build", str(folder), "--out", str(out), "--format", "md,pdf"]) in (0, 1)
        assert (out / "report.pdf").is_file()
    finally:
        logger.removeHandler(collect)
    return collect.messages


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("reference") / "out"
    logged = _build(REFERENCE, out)
    report = load(REFERENCE)
    return Built(out, report.title, report.board, logged)


@pytest.fixture(scope="module")
def skeleton_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("skeleton") / "brackenford"
    arguments = ["--board", BOARD, "--area", "Brackenford", "--period", "2015-16"]
    assert main(["new", str(folder), *arguments]) == 0
    return folder


@pytest.fixture(scope="module")
def skeleton(skeleton_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("skeleton-build") / "out"
    logged = _build(skeleton_folder, out)
    report = load(skeleton_folder)
    return Built(out, report.title, report.board, logged)


@pytest.fixture(params=["reference", "skeleton"])
def built(request: pytest.FixtureRequest) -> Built:
    """Each test below runs on the reference report and on the skeleton."""
    result: Built = request.getfixturevalue(request.param)
    return result


# ---------------------------------------------------------------------------------------------
# reading the PDF


def _structure(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every structure element of the tagged PDF, depth first, in reading order."""
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Dictionary) and node.get("/Type") == "/StructElem":
            yield node
        kids = node.get("/K")
        if kids is None:
            continue
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        stack.extend(reversed([k for k in kids if isinstance(k, pikepdf.Dictionary)]))


def _descendants(element: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
    kids = element.get("/K")
    kids = list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            yield kid
            yield from _descendants(kid)


def _outline(pdf: pikepdf.Pdf) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every bookmark, in order."""
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    found: list[tuple[int, str, int]] = []

    def walk(items: list[pikepdf.OutlineItem], level: int) -> None:
        for item in items:
            destination = item.destination
            assert isinstance(destination, pikepdf.Array), item.title
            found.append((level, str(item.title), pages[destination[0].objgen]))
            walk(item.children, level + 1)

    with pdf.open_outline() as outline:
        walk(outline.root, 1)
    return found


def _markdown_headings(markdown: str) -> list[tuple[int, str]]:
    """(level, text) of every heading of the Markdown output, in order."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    headings: list[tuple[int, str]] = []
    for opening, inline in itertools.pairwise(tokens):
        if opening.type == "heading_open":
            text = "".join(c.content for c in inline.children or () if c.type == "text")
            headings.append((int(opening.tag[1]), text))
    return headings


def _outline_depths(headings: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Headings with their depth in a bookmark tree: a heading's parent is the nearest earlier
    heading of a lower level, so an h5 straight under an h3 is one step deeper, not two."""
    depths: list[tuple[int, str]] = []
    open_levels: list[int] = []
    for level, text in headings:
        while open_levels and open_levels[-1] >= level:
            open_levels.pop()
        open_levels.append(level)
        depths.append((len(open_levels), text))
    return depths


def _words(text: str) -> str:
    """The text without white space, so that where its lines break does not matter."""
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------------------------------------
# PDF/UA essentials


def test_weasyprint_has_nothing_to_complain_of(built: Built) -> None:
    """No unsupported CSS, missing language or image without alternative text was logged."""
    assert built.logged == []


def test_the_pdf_is_tagged_in_english_and_shows_its_title(built: Built) -> None:
    root = built.pdf.Root
    assert "/StructTreeRoot" in root
    assert bool(root.MarkInfo.Marked) is True
    assert str(root.Lang) == "en-GB"
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True


def test_the_xmp_metadata_declares_pdf_ua_1_and_the_document(built: Built) -> None:
    meta = built.pdf.open_metadata()
    assert meta.get("pdfuaid:part") == "1"
    assert meta.get("dc:title") == built.title
    info = built.pdf.docinfo
    assert str(info["/Title"]) == built.title
    assert str(info["/Author"]) == built.board
    assert str(info["/Subject"]).startswith(f"Annual report of {built.board}")


def test_all_content_is_in_the_structure_tree_or_an_artifact(built: Built) -> None:
    """Every marked-content id on every page belongs to an element of the structure tree; the
    running headers and page numbers are artifacts."""
    in_tree = {e.objgen for e in _structure(built.pdf)}
    nums = built.pdf.Root.StructTreeRoot.ParentTree.Nums
    arrays = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for index, page in enumerate(built.pdf.pages):
        mcids = arrays[int(page.obj.StructParents)]
        marks = [
            (str(operator), list(operands))
            for operands, operator in pikepdf.parse_content_stream(page)
            if str(operator) in ("BDC", "BMC")
        ]
        tagged = [int(ops[1].MCID) for name, ops in marks if name == "BDC" and len(ops) == 2]
        assert tagged, index
        assert all(mcids[mcid].objgen in in_tree for mcid in tagged), index
        artifacts = [ops for name, ops in marks if ops and ops[0] == "/Artifact"]
        assert artifacts, index


def test_every_figure_has_alternative_text(built: Built) -> None:
    figures = [e for e in _structure(built.pdf) if e.S == "/Figure"]
    assert all(str(f.get("/Alt", "")).strip() for f in figures)


def test_the_reference_charts_are_tagged_figures_drawn_as_vectors(reference: Built) -> None:
    """Each chart is one /Figure whose alternative text is the chart's description."""
    charts = [c.item for c in model.iter_blocks(load(REFERENCE), model.Chart)]
    figures = [str(e.Alt) for e in _structure(reference.pdf) if e.S == "/Figure"]
    assert len(charts) >= 1 and sorted(figures) == sorted(c.description for c in charts)
    images = [
        o
        for o in reference.pdf.objects
        if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"
    ]
    assert images == []  # the charts are drawn with paths, not pictures


def test_chart_text_is_drawn_in_the_font_its_labels_were_measured_with() -> None:
    """vl-convert's generic sans-serif becomes Liberation Sans (Arial's metrics), not DejaVu."""
    svg = '<svg><text font-family="sans-serif">CCG</text><text font-family="serif">x</text></svg>'
    drawn = pdf_render.chart_fonts(svg)
    assert f'font-family="{pdf_render.CHART_FONTS}">CCG' in drawn
    assert 'font-family="serif">x' in drawn


def test_every_table_has_header_cells(built: Built) -> None:
    tables = [e for e in _structure(built.pdf) if e.S == "/Table"]
    assert tables
    for table in tables:
        cells = [d.S for d in _descendants(table)]
        assert "/TH" in cells, cells[:10]


def test_a_table_broken_across_pages_repeats_its_header_row(built: Built) -> None:
    """Each page's part of a table starts with the header row (a tagged THead of THs); the
    parts after the first have no caption, and the reference report has such parts."""
    parts = [e for e in _structure(built.pdf) if e.S == "/Table"]
    pages = {page.objgen: index for index, page in enumerate(built.pdf.pages)}
    for part in parts:
        heads = [d for d in _descendants(part) if d.S == "/THead"]
        assert heads, f"a table on page {pages[part.Pg.objgen] + 1} has no header row"
        assert {d.S for d in _descendants(heads[0]) if d.S in ("/TH", "/TD")} == {"/TH"}
    continued = [p for p in parts if not any(d.S == "/Caption" for d in _descendants(p))]
    if built.title == load(REFERENCE).title:
        assert continued, "no table of the reference report is broken across pages"


def test_every_font_is_embedded(built: Built) -> None:
    listing = subprocess.run(
        ["pdffonts", str(built.path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    header = listing[0]
    emb = header.index("emb")
    fonts = listing[2:]
    assert fonts
    assert all(line[emb : emb + 3] == "yes" for line in fonts), listing


# ---------------------------------------------------------------------------------------------
# navigation and reading order


def test_the_bookmarks_are_the_headings_and_open_their_pages(built: Built) -> None:
    """One bookmark per heading of the report, at the heading's level, on its heading's page."""
    outline = _outline(built.pdf)
    assert [(level, title) for level, title, _ in outline] == _outline_depths(
        _markdown_headings(built.markdown)
    )
    texts = [_words(t) for t in built.page_texts(body_only=True)]
    for _, title, page in outline:
        assert _words(title) in texts[page], (title, page)


def test_every_link_is_described_by_what_it_leads_to(built: Built) -> None:
    """A link inside the document is described by what it leads to (a heading's title, a
    table's caption, "Note 3"), never by an anchor id; a link out is described by its address."""
    links = [
        annotation
        for page in built.pdf.pages
        for annotation in page.obj.get("/Annots", [])
        if annotation.get("/Subtype") == "/Link"
    ]
    assert links
    described = [str(link.Contents) for link in links]
    assert {title for _, title, _ in _outline(built.pdf)} & set(described)
    ids = [text for text in described if re.fullmatch(r"[a-z0-9][a-z0-9:-]*", text)]
    assert ids == []


def test_every_page_but_the_cover_has_its_number(built: Built) -> None:
    texts = built.page_texts()
    total = len(texts)
    assert total > 2
    assert "Page 1 of" not in texts[0]
    for number, text in enumerate(texts[1:], start=2):
        assert f"Page {number} of {total}" in text, number


def test_the_text_reads_in_the_order_of_the_headings(built: Built) -> None:
    """The page bodies, read in order, hold the Markdown's headings in the Markdown's order
    (after the contents list, which repeats them)."""
    headings = [_words(text) for _, text in _markdown_headings(built.markdown)]
    texts = [_words(t) for t in built.page_texts(body_only=True)]
    title, contents, *rest = headings
    assert title in texts[0] and contents == "Contents" and texts[1].startswith(contents)
    first_chapter = next(page for level, _, page in _outline(built.pdf)[2:] if level == 2)
    body = "".join(texts[first_chapter:])
    at = 0
    for heading in rest:
        found = body.find(heading, at)
        assert found >= 0, f"{heading!r} is missing or out of order"
        at = found + len(heading)


def test_the_contents_list_gives_each_chapter_its_page(built: Built) -> None:
    chapters = [(title, page) for level, title, page in _outline(built.pdf) if level == 2][1:]
    contents = "".join(_words(t) for t in built.page_texts(body_only=True)[1:3])
    for title, page in chapters:
        assert re.search(re.escape(_words(title)) + r"\.*" + str(page + 1) + r"(?!\d)", contents)


def test_the_cover_names_the_board_period_and_publication(built: Built) -> None:
    cover = built.page_texts()[0]
    assert _words(built.board) in _words(cover) and _words(built.title) in _words(cover)
    assert "Reporting period: 1 April" in cover
    assert "Published" in cover or "Publication date not recorded" in cover


# ---------------------------------------------------------------------------------------------
# the draft banner


def test_a_report_with_open_errors_says_draft_on_every_page(skeleton: Built) -> None:
    texts = skeleton.page_texts()
    assert all(wording.DRAFT in text for text in texts)


def test_a_checked_report_without_open_errors_has_no_draft_banner(reference: Built) -> None:
    assert not any(wording.DRAFT in text for text in reference.page_texts())


# ---------------------------------------------------------------------------------------------
# what the pages look like


def _fullness(pixels: Image.Image) -> float:
    """How far down the page body the ink reaches, from 0 (blank) to 1 (to the bottom margin)."""
    width, height = pixels.size
    top = round(height * BODY_TOP / PAGE_HEIGHT)
    bottom = height - round(height * BODY_BOTTOM / PAGE_HEIGHT)
    data = pixels.load()
    assert data is not None
    for row in range(bottom - 1, top - 1, -1):
        if any(int(data[x, row]) < 160 for x in range(width)):  # type: ignore[arg-type]
            return (row - top + 1) / (bottom - top)
    return 0.0


def test_no_page_is_less_than_a_quarter_full_except_before_a_chapter(
    reference: Built, tmp_path: Path
) -> None:
    """Pages rendered to images: every page body is at least a quarter full, except the cover,
    the last page and a page that a new chapter follows (chapters start on a new page)."""
    subprocess.run(
        ["pdftoppm", "-r", "24", "-gray", str(reference.path), str(tmp_path / "page")], check=True
    )
    images = sorted(tmp_path.glob("page-*.pgm"))
    assert len(images) == len(reference.pdf.pages)
    chapters = {page for level, _, page in _outline(reference.pdf) if level == 2}
    short = []
    for index, image in enumerate(images):
        if index == 0 or index == len(images) - 1 or index + 1 in chapters:
            continue
        with Image.open(image) as pixels:
            fullness = _fullness(pixels)
        if fullness < 0.25:
            short.append((index + 1, round(fullness, 2)))
    assert short == []


# ---------------------------------------------------------------------------------------------
# the same bytes, dates, no network


def _subprocess_build(folder: Path, out: Path, seed: str) -> bytes:
    environment = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1467331200"}
    command = [sys.executable, "-m", "boardreport", "build", str(folder), "--out", str(out)]
    command += ["--format", "pdf"]
    done = subprocess.run(command, capture_output=True, env=environment, timeout=600)
    assert done.returncode in (0, 1), done.stderr  # 1: a draft, still built
    return (out / "report.pdf").read_bytes()


def test_two_builds_give_the_same_bytes(skeleton_folder: Path, tmp_path: Path) -> None:
    """Two builds in two processes with different hash seeds write byte-identical PDFs, dated
    from SOURCE_DATE_EPOCH (1 July 2016), never from the time of the build."""
    first = _subprocess_build(skeleton_folder, tmp_path / "one", "1")
    second = _subprocess_build(skeleton_folder, tmp_path / "two", "2")
    assert first == second
    with pikepdf.open(tmp_path / "one" / "report.pdf") as pdf:
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20160701000000")
        assert str(pdf.docinfo["/ModDate"]).startswith("D:20160701000000")


def test_dates_come_from_the_report_then_source_date_epoch() -> None:
    report = load(REFERENCE)
    assert pdf_render.pdf_dates(report, {}) == ("", "")
    epoch = {"SOURCE_DATE_EPOCH": "1435708800"}
    assert pdf_render.pdf_dates(report, epoch) == ("2015-07-01T00:00:00Z",) * 2
    published = attrs.evolve(report, publication_date=dt.date(2015, 9, 30))
    assert pdf_render.pdf_dates(published, {}) == ("2015-09-30", "2015-09-30")
    assert pdf_render.pdf_dates(published, epoch) == ("2015-09-30", "2015-07-01T00:00:00Z")
    assert pdf_render.pdf_dates(report, {"SOURCE_DATE_EPOCH": " "}) == ("", "")
    for wrong in ("soon", "-1", "1e9", "9" * 30):
        with pytest.raises(RenderError, match="SOURCE_DATE_EPOCH"):
            pdf_render.pdf_dates(report, {"SOURCE_DATE_EPOCH": wrong})


class _Counting(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def test_the_pdf_renderer_fetches_nothing(tmp_path: Path) -> None:
    """Images, stylesheets and fonts at http: or file: addresses are refused, never read."""
    import weasyprint

    server = http.server.HTTPServer(("127.0.0.1", 0), _Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }", encoding="utf-8")
    url = f"http://127.0.0.1:{server.server_address[1]}"
    page = (
        f'<html lang="en-GB"><head><title>t</title><link rel="stylesheet" href="{url}/a.css">'
        f'<link rel="stylesheet" href="{secret.as_uri()}"></head>'
        f'<body><img src="{url}/b.png" alt="b"><p>text</p></body></html>'
    )
    try:
        weasyprint.HTML(string=page, url_fetcher=pdf_render._fetcher()).write_pdf()
    finally:
        server.shutdown()
        server.server_close()
    assert _Counting.requests == []
    fetcher = pdf_render._fetcher()
    with pytest.raises(ValueError, match="disallowed protocol"):
        fetcher.fetch(secret.as_uri())
    assert fetcher.fetch("data:text/plain,ok").read() == b"ok"


def test_render_gives_the_pdf_as_bytes(fixture_report: model.Report) -> None:
    """render(report, "pdf") returns the PDF file's bytes, as build writes them."""
    document = render(fixture_report, "pdf")
    assert isinstance(document, bytes) and document.startswith(b"%PDF-1.7")


def test_missing_system_libraries_are_a_clear_error_not_a_traceback(
    skeleton_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Without WeasyPrint's libraries build exits 2, says how to install them, writes nothing.

    The PDF is laid out in a child process, so the stand-in for a WeasyPrint whose libraries
    are missing is a module on the child's path that fails to import as WeasyPrint does.
    """
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "weasyprint.py").write_text(
        "raise OSError(\"cannot load library 'libpango-1.0-0'\")\n", encoding="utf-8"
    )
    monkeypatch.setenv("PYTHONPATH", str(fake))
    out = tmp_path / "out"
    assert main(["build", str(skeleton_folder), "--out", str(out), "--format", "md,pdf"]) == 2
    error = capsys.readouterr().err
    assert "scripts/install-weasyprint.sh" in error and "Traceback" not in error
    assert not out.exists()


def _get(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.headers["Content-Type"], response.read()


def test_serve_links_to_the_pdf_of_the_current_build(
    skeleton_folder: Path, skeleton: Built
) -> None:
    """The served page links to /report.pdf, which is the PDF that build writes."""
    server = serve.make_server(skeleton_folder, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        _, page = _get(server.url)
        assert f'href="{serve.PDF_PATH}"' in page.decode("utf-8")
        kind, body = _get(server.url.rstrip("/") + serve.PDF_PATH)
    finally:
        server.shutdown()
        server.server_close()
    assert kind == "application/pdf"
    assert body == skeleton.path.read_bytes()
