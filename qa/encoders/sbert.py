"""Any sentence-transformers model, from a hub id (where a hub is reachable) or a local folder.

torch and sentence-transformers are imported only when this backend is chosen.
"""
from pathlib import Path

from qa.encoders.base import Encoder, normalise
from qa.errors import EncoderError


class SentenceTransformerEncoder(Encoder):
    def __init__(self, model, batch_size=32):
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EncoderError(
                f"'st:{model}' needs sentence-transformers and torch: pip install -r requirements.txt ({exc})") from None
        local = Path(model).expanduser()
        try:
            self._model = SentenceTransformer(str(local) if local.is_dir() else model, device="cpu",
                                              local_files_only=local.is_dir())
        except Exception as exc:  # a missing folder, no hub, a broken model: all say the same to the user
            raise EncoderError(f"cannot load sentence-transformers model {model!r}: {exc}") from None
        dimension = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self.name = f"st:{local.resolve().name if local.is_dir() else model}"
        # e5 models were trained with these prefixes; other models read the text as it is.
        e5 = "e5" in model.lower()
        self._query_prefix, self._passage_prefix = ("query: ", "passage: ") if e5 else ("", "")
        self.batch_size = batch_size

    def encode_queries(self, texts):
        return self._encode([self._query_prefix + t for t in texts])

    def encode_passages(self, texts):
        return self._encode([self._passage_prefix + t for t in texts])

    def _encode(self, texts):
        vectors = self._model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True,
                                     show_progress_bar=False)
        return normalise(vectors.reshape(len(texts), self.dim))
