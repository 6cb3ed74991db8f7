"""One contract for every index kind (flat, hnsw, ivf, BM25, sentences): build, save, load, count,
search -> per query [(row, score)] best first, limits, filters; and damaged files refused."""
import numpy as np
import pytest

from qa.dense import FaissIndex
from qa.errors import IndexMismatchError
from qa.sentences import SentenceIndex
from qa.sparse import BM25Index

ROWS = 300


def unit_rows(count, dim=16, seed=0):
    vectors = np.random.default_rng(seed).normal(size=(count, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def dense(kind):
    def make(folder):
        vectors = unit_rows(ROWS)
        FaissIndex.build(vectors, kind).save(folder / "dense.faiss")
        return FaissIndex.load(folder / "dense.faiss", kind, ROWS, 16), vectors[[7, 42]]
    return make


def sparse(folder):
    docs = [[f"w{row}", "commun"] + ["frequent"] * (row % 3) for row in range(ROWS)]
    BM25Index.build(docs).save(folder / "bm25")
    return BM25Index.load(folder / "bm25", ROWS), [["w7", "commun"], ["w42"]]


def sentences(folder):
    """Two sentences a chunk: chunk r owns sentences 2r and 2r + 1."""
    vectors = unit_rows(2 * ROWS)
    spans = [(i // 2, 10 * (i % 2), 10 * (i % 2) + 9) for i in range(2 * ROWS)]
    SentenceIndex.build(vectors, spans, ROWS).save(folder / "s.npy", folder / "spans.npy")
    return SentenceIndex.load(folder / "s.npy", folder / "spans.npy", ROWS, 2 * ROWS), vectors[[15, 84]]


KINDS = {"flat": dense("flat"), "hnsw": dense("hnsw"), "ivf": dense("ivf"), "bm25": sparse, "sentences": sentences}


@pytest.mark.parametrize("kind", KINDS)
def test_index_contract(tmp_path, kind):
    index, queries = KINDS[kind](tmp_path)  # each query is written to find row 7, then row 42
    assert index.count == (2 * ROWS if kind == "sentences" else ROWS)
    first, second = index.search(queries, 5)
    assert first[0][0] == 7 and second[0][0] == 42
    for hits in (first, second):
        assert 1 <= len(hits) <= 5
        assert all(isinstance(row, int) and isinstance(score, float) for row, score in hits)
        assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
        assert len({row for row, _ in hits}) == len(hits)
    [filtered] = index.search(queries[:1], 5, allowed=np.array([3, 4, 7]))
    assert filtered and {row for row, _ in filtered} <= {3, 4, 7} and filtered[0][0] == 7
    assert index.search(queries[:1], 5, allowed=np.array([], dtype=np.int64)) == [[]]


def test_dense_scores_are_cosines():
    vectors = unit_rows(ROWS)
    [hits] = FaissIndex.build(vectors, "flat").search(vectors[7:8], 3)
    assert hits[0][1] == pytest.approx(1.0, abs=1e-4)


def test_sparse_keeps_only_matching_rows(tmp_path):
    index, _ = sparse(tmp_path)
    [hits] = index.search([["w7"]], 10)
    assert [row for row, _ in hits] == [7]  # only rows with a positive score
    assert index.search([[]], 3) == [[]]


def test_sentences_score_a_chunk_by_its_best_sentence(tmp_path):
    index, queries = sentences(tmp_path)
    [[(row, score), *_]] = index.search(queries[:1], 3)  # sentence 15 is chunk 7's second
    assert row == 7 and score == pytest.approx(1.0, abs=1e-5)
    assert [tuple(s) for s in index.spans_of(7)] == [(0, 9), (10, 19)]
    spans, scores = index.similarities(7, queries[0])
    assert [tuple(s) for s in spans] == [(0, 9), (10, 19)] and scores[1] == pytest.approx(1.0, abs=1e-5)


def test_dense_load_refuses_wrong_count_and_damage(tmp_path):
    path = tmp_path / "dense.faiss"
    FaissIndex.build(unit_rows(10), "flat").save(path)
    with pytest.raises(IndexMismatchError, match="10 vectors"):
        FaissIndex.load(path, "flat", 11, 16)
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(IndexMismatchError, match="unreadable"):
        FaissIndex.load(path, "flat", 10, 16)


def test_sparse_and_sentences_refuse_wrong_counts(tmp_path):
    sparse(tmp_path)
    with pytest.raises(IndexMismatchError):
        BM25Index.load(tmp_path / "bm25", ROWS + 1)
    sentences(tmp_path)
    with pytest.raises(IndexMismatchError, match="do not match"):
        SentenceIndex.load(tmp_path / "s.npy", tmp_path / "spans.npy", ROWS, 2 * ROWS + 1)
