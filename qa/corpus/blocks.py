"""Read a report into located blocks: paragraphs, bullets and short lines, page breaks mended."""
import re
from dataclasses import dataclass
from pathlib import Path

from qa.errors import ReportError

# "- item" and "1. item"; "1) Title" is a numbered heading, not a bullet.
BULLET = re.compile(r"^\s*(?:[-*•]|\d+\.)\s+")
# A block that stops mid-sentence: no closing punctuation (markdown emphasis and quotes ignored).
OPEN_END = re.compile(r"[^.!?:;…»)\]]$")


@dataclass
class Block:
    """One paragraph, bullet or short line, with its exact place in the file."""

    text: str  # the raw text, lines joined by a space when mended across a page break
    line_start: int  # 1-based, inclusive
    line_end: int
    char_start: int  # offsets into the decoded file text, end exclusive
    char_end: int
    bullet: bool = False
    lines: int = 1  # source lines before mending

    def ends_open(self):
        return bool(OPEN_END.search(strip_emphasis(self.text).rstrip()))

    def starts_lower(self):
        first = strip_emphasis(self.text).lstrip()[:1]
        return first.isalpha() and first.islower()


def strip_emphasis(text):
    return text.replace("**", "").replace("*", "")


def read_report(path):
    """Return the report's text, or raise ReportError naming the file and line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReportError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ReportError(f"{path}: is a folder, not a report file") from None
    except OSError as exc:
        raise ReportError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReportError(f"{path}:{line}: not UTF-8 text (byte {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ReportError(f"{path}:{line}: contains a NUL byte; not a text report")
    if not text.strip():
        raise ReportError(f"{path}: the report is empty")
    return text


def split_blocks(text):
    """Split text into blocks: runs of non-empty lines, each bullet line a block of its own."""
    blocks, run = [], []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        content = line.rstrip("\r\n")
        start, offset = offset, offset + len(line)
        if not content.strip():
            _close(run, blocks)
            run = []
            continue
        located = (number, start, start + len(content), content)
        if BULLET.match(content):
            _close(run, blocks)
            _close([located], blocks, bullet=True)
            run = []
        else:
            run.append(located)
    _close(run, blocks)
    return blocks


def _close(run, blocks, bullet=False):
    if not run:
        return
    blocks.append(Block(
        text=" ".join(part[3].strip() for part in run),
        line_start=run[0][0], line_end=run[-1][0],
        char_start=run[0][1], char_end=run[-1][2],
        bullet=bullet, lines=len(run),
    ))


def mend_page_breaks(blocks):
    """Join a block that stops mid-sentence with the next one when that starts in lower case."""
    mended = []
    for block in blocks:
        previous = mended[-1] if mended else None
        if previous and previous.ends_open() and block.starts_lower() and not block.bullet:
            mended[-1] = Block(
                text=previous.text + " " + block.text,
                line_start=previous.line_start, line_end=block.line_end,
                char_start=previous.char_start, char_end=block.char_end,
                bullet=previous.bullet, lines=previous.lines + block.lines,
            )
        else:
            mended.append(block)
    return mended
