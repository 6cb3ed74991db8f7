"""FaissIndex: inner product over unit vectors (cosine); flat, HNSW or IVF. Rows index the chunk table."""
import numpy as np

from qa.errors import IndexMismatchError, QAError, SettingError


def _faiss():
    try:
        import faiss
    except ImportError as exc:
        raise QAError(f"the dense index needs faiss: pip install faiss-cpu ({exc})") from None
    return faiss


class FaissIndex:
    def __init__(self, index, kind):
        self.index = index
        self.kind = kind

    @classmethod
    def build(cls, vectors, kind="flat", hnsw_m=32, ivf_lists=None):
        faiss = _faiss()
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        count, dim = vectors.shape
        if kind == "flat":
            index = faiss.IndexFlatIP(dim)
        elif kind == "hnsw":
            index = faiss.IndexHNSWFlat(dim, hnsw_m, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            index.hnsw.efSearch = 128
        elif kind == "ivf":
            # faiss wants about 39 training points per list
            lists = ivf_lists or max(1, min(int(4 * np.sqrt(count)), count // 39))
            index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, lists, faiss.METRIC_INNER_PRODUCT)
            # k-means needs about 39 to 256 points per list; more only costs training time
            sample = np.random.default_rng(0).choice(count, min(count, 64 * lists), replace=False)
            index.train(vectors[np.sort(sample)])
            index.nprobe = max(1, lists // 16)
        else:
            raise SettingError(f"QA_FAISS_INDEX is {kind!r}: it must be one of flat, hnsw, ivf")
        index.add(vectors)
        return cls(index, kind)

    def save(self, path):
        _faiss().write_index(self.index, str(path))

    @classmethod
    def load(cls, path, kind, expected_count, expected_dim):
        faiss = _faiss()
        try:
            index = faiss.read_index(str(path))
        except Exception as exc:  # faiss raises RuntimeError on a truncated or foreign file
            raise IndexMismatchError(f"{path}: unreadable vector index ({str(exc).splitlines()[0]})") from None
        if index.ntotal != expected_count or index.d != expected_dim:
            raise IndexMismatchError(
                f"{path}: holds {index.ntotal} vectors of {index.d} dimensions, "
                f"the manifest says {expected_count} of {expected_dim}")
        if kind == "hnsw":
            faiss.downcast_index(index).hnsw.efSearch = 128
        return cls(index, kind)

    @property
    def count(self):
        return self.index.ntotal

    def search(self, queries, limit, allowed=None):
        """Per query, [(row, score)] best first; allowed: optional array of rows to keep."""
        faiss = _faiss()
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        limit = min(limit, self.count)
        if limit <= 0:
            return [[] for _ in queries]
        params = None
        if allowed is not None:
            if len(allowed) == 0:
                return [[] for _ in queries]
            selector = faiss.IDSelectorBatch(np.asarray(allowed, dtype=np.int64))
            if self.kind == "ivf":
                params = faiss.SearchParametersIVF(sel=selector, nprobe=faiss.extract_index_ivf(self.index).nprobe)
            elif self.kind == "hnsw":
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=faiss.downcast_index(self.index).hnsw.efSearch)
            else:
                params = faiss.SearchParameters(sel=selector)
            limit = min(limit, len(allowed))
        scores, rows = self.index.search(queries, limit, params=params)
        return [[(int(r), float(s)) for r, s in zip(row, score) if r >= 0] for row, score in zip(rows, scores)]
