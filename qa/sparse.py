"""BM25Index: bm25s over the French analyzer's tokens. Rows index the chunk table."""
import numpy as np

from qa.errors import IndexMismatchError


class BM25Index:
    def __init__(self, retriever):
        self.retriever = retriever

    @classmethod
    def build(cls, token_lists, k1=1.2, b=0.75):
        import bm25s

        retriever = bm25s.BM25(k1=k1, b=b)
        retriever.index([tokens or [""] for tokens in token_lists], show_progress=False)
        return cls(retriever)

    def save(self, folder):
        self.retriever.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder, expected_count):
        import bm25s

        try:
            retriever = bm25s.BM25.load(str(folder), show_progress=False, verbosity=0)
        except Exception as exc:  # bm25s raises whatever numpy or json raise on a damaged file
            raise IndexMismatchError(f"{folder}: unreadable lexical index ({exc})") from None
        index = cls(retriever)
        if index.count != expected_count:
            raise IndexMismatchError(f"{folder}: holds {index.count} documents, the manifest says {expected_count}")
        return index

    @property
    def count(self):
        return int(self.retriever.scores["num_docs"])

    def scores(self, tokens):
        if not tokens:
            return np.zeros(self.count, dtype=np.float32)
        return np.asarray(self.retriever.get_scores(list(tokens)), dtype=np.float32)

    def search(self, token_lists, limit, allowed=None):
        """Per query, [(row, score)] best first, only rows with a positive score."""
        results = []
        for tokens in token_lists:
            scores = self.scores(tokens)
            if allowed is not None:
                masked = np.zeros_like(scores)
                masked[allowed] = scores[allowed]
                scores = masked
            if limit < len(scores):  # a partial sort: a million scores need not be fully ordered
                top = np.argpartition(-scores, limit)[:limit]
                top = top[np.argsort(-scores[top], kind="stable")]
            else:
                top = np.argsort(-scores, kind="stable")
            results.append([(int(r), float(scores[r])) for r in top if scores[r] > 0])
        return results
