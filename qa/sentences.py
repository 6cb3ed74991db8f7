"""SentenceIndex: chunks ranked by their single sentence closest to the query. Rows index the chunk table.

A question often matches one sentence of a long turn better than the whole turn, so each sentence
of each chunk has its own vector; a chunk scores as its best sentence. The same vectors choose the
sentence to highlight and tell attribution how closely one sentence says what a statement says.
"""
import numpy as np

from qa.errors import IndexMismatchError


class SentenceIndex:
    def __init__(self, vectors, spans, chunk_count):
        self.vectors = vectors  # one unit row per sentence
        self.spans = spans  # per sentence: (chunk row, start, end) in the chunk's text
        self.chunk_count = chunk_count
        self.sentences_of = {}  # chunk row -> its sentences' indexes, in text order
        for index, row in enumerate(spans[:, 0]):
            self.sentences_of.setdefault(int(row), []).append(index)

    @classmethod
    def build(cls, vectors, spans, chunk_count):
        spans = np.asarray(spans, dtype=np.int32).reshape(-1, 3)
        return cls(np.ascontiguousarray(vectors, dtype=np.float32), spans, chunk_count)

    def save(self, vectors_path, spans_path):
        np.save(vectors_path, self.vectors)
        np.save(spans_path, self.spans)

    @classmethod
    def load(cls, vectors_path, spans_path, chunk_count, expected_sentences):
        try:
            vectors, spans = np.load(vectors_path), np.load(spans_path)
        except (OSError, ValueError) as exc:
            raise IndexMismatchError(f"{vectors_path.parent}: unreadable sentence index ({exc})") from None
        if len(vectors) != len(spans) or len(spans) != expected_sentences or spans.ndim != 2:
            raise IndexMismatchError(f"{vectors_path.parent}: the sentence tables do not match the manifest")
        return cls(vectors, spans, chunk_count)

    @property
    def count(self):
        return len(self.spans)

    def search(self, queries, limit, allowed=None):
        """Per query, [(chunk row, cosine of its best sentence)] best first."""
        results = []
        for vector in np.atleast_2d(np.asarray(queries, dtype=np.float32)):
            if not self.count:
                results.append([])
                continue
            best = np.full(self.chunk_count, -np.inf, dtype=np.float32)
            np.maximum.at(best, self.spans[:, 0], self.vectors @ vector)
            if allowed is not None:
                mask = np.full(self.chunk_count, -np.inf, dtype=np.float32)
                mask[allowed] = 0
                best = best + mask
            if limit < len(best):  # the best `limit` first, then only those sorted
                top = np.argpartition(-best, limit - 1)[:limit]
                top = top[np.lexsort((top, -best[top]))]
            else:
                top = np.argsort(-best, kind="stable")[:limit]
            results.append([(int(r), float(best[r])) for r in top if np.isfinite(best[r])])
        return results

    def spans_of(self, row):
        """The chunk's sentences as [(start, end)] in its text, in text order."""
        return self.spans[self.sentences_of.get(row, []), 1:]

    def similarities(self, row, vector):
        """The chunk's sentences as ([(start, end)], their cosines to vector), in text order."""
        indexes = self.sentences_of.get(row, [])
        return self.spans[indexes, 1:], self.vectors[indexes] @ vector
