"""The parser on random reports: only its own clear error, and never a line lost or duplicated."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.corpus.parse import parse_report
from qa.errors import ReportError

WORDS = st.sampled_from(["la", "traite", "Il", "a", "souligné", "que", "M.", "Mme", "Korzilius", "Dr", "Touré",
                         "Session", "1", "-", "Principaux", "enseignements", "(ICMPD)", ",", ".", ":", "3 442",
                         "Animée", "par", "les", "participants", "ont", "réaffirmé", "«", "»", "**", "*", "é", "’",
                         "[lien](#)", "\u202f", "Elle", "représenté", "au", "nom", "de", "la", "Contrôleuse"])
LINE = st.lists(WORDS, min_size=1, max_size=25).map(" ".join)
BLOCK = st.one_of(LINE, LINE.map(lambda l: "- " + l), LINE.map(lambda l: "1. " + l),
                  st.lists(LINE, min_size=1, max_size=3).map("\n".join), st.text(max_size=40))
REPORT = st.lists(BLOCK, min_size=1, max_size=30).map(lambda blocks: "\n\n".join(blocks))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=REPORT)
def test_random_reports(tmp_path, text):
    path = tmp_path / "random.md"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        corpus = parse_report(path)
    except ReportError as error:
        assert str(path) in error.message
        return
    written = path.read_bytes().decode("utf-8")  # as the parser reads it: "\r" kept, offsets exact
    lines = written.splitlines()
    covered = [0] * (len(lines) + 2)
    for passage in corpus.passages:
        assert written[passage.char_start:passage.char_end] == passage.raw
        for number in range(passage.line_start, passage.line_end + 1):
            covered[number] += 1 if lines[number - 1].strip() else 0  # a mended page break spans blank lines
    for number, line in enumerate(lines, start=1):
        assert covered[number] == (1 if line.strip() else 0), (number, line)
    ids = [p.id for p in corpus.passages]
    assert len(ids) == len(set(ids))
    known = {s.id for s in corpus.speakers}
    assert all(set(p.speakers) <= known for p in corpus.passages)
