"""Report files -> the text the parser reads, with the pages of every line when the file has pages.

Markdown and plain text are read as written. A PDF (pypdfium2) becomes one line per paragraph:
running headers, footers and page numbers dropped, words hyphenated at line ends joined, and a
paragraph cut by a page break mended. A Word file (python-docx) becomes one line per paragraph,
headings on their own and list items as "- " bullets; Word files have no fixed pages.
"""
import hashlib
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from qa.corpus.blocks import read_report
from qa.errors import ReportError

READABLE = (".md", ".txt", ".pdf", ".docx")
# Lines this close to the top or bottom edge (share of the page height) may be running headers or footers.
MARGIN = 0.1
PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of|sur|de)\s*\d{1,4})?$", re.I)
BULLETS = "•●▪◦‣–-*"
SENTENCE_END = re.compile(r"[.!?:;…»\")]$")
NUMBERED_ITEM = re.compile(r"^\d{1,2}\.\s")  # "2. Des stratégies …": an item of a numbered list ("2)" may run inline)
HYPHENS = ("-", "\u00ad")


@dataclass
class ReportText:
    text: str
    pages: list | None = None  # per line of text: (first page, last page), 1-based; None without pages
    page_count: int | None = None

    def pages_of(self, line_start, line_end):
        """(page_start, page_end) of lines line_start..line_end (1-based), or (None, None)."""
        if not self.pages:
            return None, None
        return self.pages[line_start - 1][0], self.pages[line_end - 1][1]


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_document(path):
    """The text of a report file of any readable kind, or ReportError naming the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in READABLE:
        raise ReportError(f"{path}: not a report file this service reads (it reads {', '.join(READABLE)})")
    if not path.is_file():
        read_report(path)  # names the problem: missing, a folder, unreadable
    if suffix == ".pdf":
        report = _read_pdf(path)
    elif suffix == ".docx":
        report = _read_docx(path)
    else:
        return ReportText(read_report(path))
    if not report.text.strip():
        raise ReportError(f"{path}: no text found (a scanned PDF needs OCR first)")
    return report


# --- PDF ----------------------------------------------------------------------------------------

@dataclass
class _Line:
    text: str
    top: float
    bottom: float
    left: float
    right: float

    @property
    def height(self):
        return self.top - self.bottom


def _read_pdf(path):
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise ReportError(f"{path}: not a readable PDF ({exc})") from None
    try:
        pages = [_page_lines(pdf[index]) for index in range(len(pdf))]
    finally:
        pdf.close()
    pages = _drop_running_lines(pages)
    paragraphs = []  # [text, first page, last page, height of its last line, its last line runs to the margin]
    for number, (lines, _) in enumerate(pages, start=1):
        for index, paragraph in enumerate(_paragraphs(lines)):
            text = paragraph[0]
            previous = paragraphs[-1] if paragraphs else None
            if index == 0 and previous and _continues(previous, text, paragraph[1]):
                previous[0] = _join(previous[0], text)
                previous[2] = number
                previous[4] = paragraph[2]
            else:
                paragraphs.append([text, number, number, paragraph[1], paragraph[2]])
    text = "\n\n".join(p[0] for p in paragraphs) + "\n"
    spans = []  # a paragraph's line, then the blank line after it
    for p in paragraphs:
        spans += [(p[1], p[2]), (p[2], p[2])]
    return ReportText(text, spans[:-1], len(pages))


def _page_lines(page):
    """The page's text lines top to bottom, with their boxes, and the page height. pdfium ends a
    line with CR LF, or with U+FFFE where it hyphenated a word (and then joins the two lines)."""
    _, height = page.get_size()
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        lines, start = [], 0
        for end in [m.end() for m in re.finditer("\n|\ufffe", text)] + [len(text)]:
            content = text[start:end].rstrip("\r\n").replace("\ufffe", "-")
            boxes = [textpage.get_charbox(i, loose=True) for i in range(start, start + len(content))
                     if not content[i - start].isspace()]
            if boxes:  # top and bottom of most of its characters: a bullet in another font does not count
                lines.append(_Line(" ".join(content.split()), statistics.median(b[3] for b in boxes),
                                   statistics.median(b[1] for b in boxes), min(b[0] for b in boxes),
                                   max(b[2] for b in boxes)))
            start = end
    finally:
        textpage.close()
    lines.sort(key=lambda line: -line.top)
    return lines, height


def _drop_running_lines(pages):
    """Remove, near the top and bottom edges, page numbers and lines repeated on many pages."""
    def key(line):
        return re.sub(r"\d+", "#", line.text.lower())

    counts = {}
    for lines, height in pages:
        for line in {key(line) for line in lines if _in_margin(line, height)}:
            counts[line] = counts.get(line, 0) + 1
    repeated = {text for text, n in counts.items() if n >= 2 and n >= len(pages) / 2}
    return [([line for line in lines
              if not (_in_margin(line, height) and (key(line) in repeated or PAGE_NUMBER.match(line.text)))], height)
            for lines, height in pages]


def _in_margin(line, height):
    return line.bottom > height * (1 - MARGIN) or line.top < height * MARGIN


def _paragraphs(lines):
    """[(text, height of its last line, whether that line runs to the margin)] of one page: a new
    paragraph after a wider gap than the
    page's line spacing, at a change of font size, at a bullet or a numbered item after a sentence's end,
    or after a short line that ends a sentence."""
    if not lines:
        return []
    gaps = [a.bottom - b.bottom for a, b in zip(lines, lines[1:]) if abs(a.height - b.height) < 0.1 * a.height]
    pitch = statistics.median(gaps) if gaps else lines[0].height * 1.2
    full = max(line.right for line in lines)
    paragraphs, current = [], [lines[0]]
    for previous, line in zip(lines, lines[1:]):
        new = (previous.bottom - line.bottom > 1.35 * pitch
               or abs(previous.height - line.height) > 0.1 * max(previous.height, 0.1)
               or line.text[0] in BULLETS and line.text[1:2] == " "
               or NUMBERED_ITEM.match(line.text) and SENTENCE_END.search(previous.text)
               or previous.right < full - 0.15 * (full - line.left) and SENTENCE_END.search(previous.text))
        if new:
            paragraphs.append(current)
            current = []
        current.append(line)
    paragraphs.append(current)
    left = min(line.left for line in lines)
    return [(_bullet(_joined(p)), p[-1].height, p[-1].right >= full - 0.1 * (full - left)) for p in paragraphs]


def _joined(lines):
    text = lines[0].text
    for line in lines[1:]:
        text = _join(text, line.text)
    return text


def _join(text, following):
    """Join two lines of one paragraph, rejoining a word hyphenated at the line end."""
    if text.endswith(HYPHENS) and len(text) > 1 and text[-2].isalpha() and following[:1].islower():
        return text[:-1] + following
    return text + " " + following


def _bullet(text):
    """The reader's bullet mark is "- "."""
    if text[0] in BULLETS and text[1:2] == " ":
        return "- " + text[2:].lstrip()
    return text


def _continues(previous, text, height):
    """A paragraph cut by the page break: the last one stops mid-sentence with its line running to the
    margin (a heading stops short), the next is body text in the same font, not a bullet."""
    return (not SENTENCE_END.search(previous[0]) and previous[4] and not text.startswith("- ")
            and abs(previous[3] - height) < 0.1 * max(height, 0.1))


# --- Word ---------------------------------------------------------------------------------------

def _read_docx(path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise ReportError(f"{path}: not a readable Word file ({exc})") from None
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                cells = list(dict.fromkeys(" ".join(c.text.split()) for c in row.cells if c.text.strip()))
                if cells:
                    lines.append(" — ".join(cells))
            continue
        text = " ".join(block.text.split())
        if not text:
            continue
        style = (block.style.name if block.style is not None else "") or ""
        numbered = block._p.pPr is not None and block._p.pPr.numPr is not None
        if "List" in style or numbered:
            text = "- " + text.lstrip(BULLETS + " ")
        lines.append(text)
    return ReportText("\n\n".join(lines) + "\n")
