"""The encoder interface: texts in, L2-normalised float32 vectors out."""
import numpy as np


class Encoder:
    name = "encoder"  # recorded in the index manifest; an index only serves the encoder that built it
    dim = 0

    def encode_queries(self, texts):
        raise NotImplementedError

    def encode_passages(self, texts):
        raise NotImplementedError


def normalise(vectors):
    """Unit rows, so that inner product is cosine similarity."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
