"""Render a report written as the service's text (blank lines between paragraphs, "- " bullets,
short lines without a full stop as headings) to PDF and Word, the way a secretariat would publish
it: pages with a running header and a numbered footer, justified lines, long words hyphenated."""
import re

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

BODY, HEADING = ("Helvetica", 10.5), ("Helvetica-Bold", 13)
MARGIN, LEADING = 72, 14


def blocks(text):
    """(kind, text) of each block: markdown emphasis is the text's, not the page's."""
    text = re.sub(r"(?<!\*)\*(?!\*)", "", text.replace("**", ""))
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        separate = len(lines) > 1 and (all(len(l) < 90 for l in lines) or lines[0].startswith("- ")
                                       or lines[0][:3].rstrip(" ").endswith(".") and lines[0][0].isdigit())
        for line in lines if separate else [" ".join(lines)]:
            if line.startswith("- "):
                yield "bullet", line[2:]
            elif len(line) < 120 and not line.endswith((".", ":", ";")):
                yield "heading", line
            else:
                yield "paragraph", line


def wrap(text, font, width):
    """Greedy line breaking; a long word that does not fit is hyphenated."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if stringWidth(trial, *font) <= width:
            line = trial
            continue
        cut = next((i for i in range(len(word) - 3, 3, -1)
                    if word[:i].isalpha() and stringWidth(f"{line} {word[:i]}-", *font) <= width), None)
        if line and cut and len(word) >= 9:
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    return lines + [line] if line else lines


def to_pdf(text, path, header="Rabat Process — Final report"):
    page_width, page_height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width = page_width - 2 * MARGIN
    y, page = page_height - MARGIN, 1

    def furniture():
        pdf.setFont("Helvetica", 8)
        pdf.drawString(MARGIN, page_height - 40, header)
        pdf.drawCentredString(page_width / 2, 30, f"Page {page}")

    furniture()
    for kind, content in blocks(text):
        font = HEADING if kind == "heading" else BODY
        indent = 14 if kind == "bullet" else 0
        lines = wrap(content, font, width - indent)
        y -= LEADING * (1.2 if kind == "heading" else 0.6)
        for number, line in enumerate(lines):
            if y < MARGIN:
                pdf.showPage()
                page += 1
                furniture()
                y = page_height - MARGIN
            pdf.setFont(*font)
            if kind == "bullet" and number == 0:
                pdf.drawString(MARGIN, y, "•")
            pdf.drawString(MARGIN + indent, y, line)
            y -= LEADING + (4 if kind == "heading" else 0)
    pdf.showPage()
    pdf.save()
    return page


def to_docx(text, path):
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Rabat Process — Final report"
    for kind, content in blocks(text):
        if kind == "heading":
            document.add_heading(content, level=1)
        elif kind == "bullet":
            document.add_paragraph(content, style="List Bullet")
        else:
            document.add_paragraph(content)
    document.save(str(path))


def to_pdf_flowing(text, path, header="Rabat Process | Thematic meeting | Final report"):
    """Another publisher's layout (reportlab's platypus): justified Times, speakers' names in bold,
    list bullets in another font, a bare page number at the bottom right."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    body, heading = styles["BodyText"], styles["Heading2"]
    body.alignment, body.fontName, body.fontSize, body.leading = TA_JUSTIFY, "Times-Roman", 11, 14
    heading.fontName = "Times-Bold"
    story, bullets = [], []

    def close_list():
        if bullets:
            story.append(ListFlowable([ListItem(Paragraph(b, body)) for b in bullets], bulletType="bullet"))
            bullets.clear()

    for kind, content in blocks(text):
        content = content.replace("&", "&amp;")
        content = re.sub(r"^((?:Mr|Ms|Dr|Captain) [A-Z][\w'-]+(?: [A-Z][\w'-]+)*)", r"<b>\1</b>", content)
        if kind == "bullet":
            bullets.append(content)
            continue
        close_list()
        story.append(Paragraph(content, heading if kind == "heading" else body))
    close_list()

    def furniture(canvas, document):
        canvas.saveState()
        canvas.setFont("Times-Italic", 9)
        canvas.drawString(72, A4[1] - 40, header)
        canvas.drawRightString(A4[0] - 72, 30, str(document.page))
        canvas.restoreState()

    pages = []
    SimpleDocTemplate(str(path), pagesize=A4).build(
        story, onFirstPage=furniture, onLaterPages=lambda c, d: (furniture(c, d), pages.append(d.page)))
    return max(pages, default=1)
