"""One contract for every index backend: build, save, load, search, filter, damaged files."""
import numpy as np
import pytest

from qa.dense import FaissIndex
from qa.errors import IndexMismatchError
from qa.sparse import BM25Index


def unit_rows(count, dim=16, seed=0):
    vectors = np.random.default_rng(seed).normal(size=(count, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivf"])
def test_dense_contract(tmp_path, kind):
    vectors = unit_rows(300)
    index = FaissIndex.build(vectors, kind)
    index.save(tmp_path / "dense.faiss")
    loaded = FaissIndex.load(tmp_path / "dense.faiss", kind, 300, 16)
    [hits] = loaded.search(vectors[7:8], 5)
    assert hits[0][0] == 7 and hits[0][1] == pytest.approx(1.0, abs=1e-4)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    [filtered] = loaded.search(vectors[7:8], 5, allowed=np.array([3, 4, 5]))
    assert {row for row, _ in filtered} <= {3, 4, 5}


def test_dense_load_refuses_wrong_count_and_damage(tmp_path):
    path = tmp_path / "dense.faiss"
    FaissIndex.build(unit_rows(10), "flat").save(path)
    with pytest.raises(IndexMismatchError, match="10 vectors"):
        FaissIndex.load(path, "flat", 11, 16)
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(IndexMismatchError, match="unreadable"):
        FaissIndex.load(path, "flat", 10, 16)


def test_sparse_contract(tmp_path):
    docs = [["trafic", "migr"], ["trait", "victim", "victim"], ["budget", "ue"], []]
    BM25Index.build(docs).save(tmp_path / "bm25")
    index = BM25Index.load(tmp_path / "bm25", 4)
    [hits] = index.search([["victim"]], 3)
    assert hits[0][0] == 1 and len(hits) == 1  # only rows with a positive score
    assert index.search([["victim"]], 3, allowed=np.array([0, 2])) == [[]]
    assert index.search([[]], 3) == [[]]
    with pytest.raises(IndexMismatchError):
        BM25Index.load(tmp_path / "bm25", 5)
