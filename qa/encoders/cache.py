"""CachedEncoder: an encoder that remembers every vector it made, on disk, by encoder and text.

A rebuild with one more report then encodes only that report's texts, and an unchanged rebuild
encodes nothing. The cache lives beside the builds (INDEX_DIR/cache/<encoder>/), in 256 shards by
the first byte of the text's hash, so a build rewrites only the shards that gained vectors; each
shard is written to a temporary file and renamed, so a killed build leaves every shard whole.
"""
import hashlib
import os
import re
import uuid
from pathlib import Path

import numpy as np


class CachedEncoder:
    def __init__(self, encoder, folder):
        self.encoder, self.name, self.dim = encoder, encoder.name, encoder.dim
        self.folder = Path(folder) / re.sub(r"[^A-Za-z0-9._-]+", "_", encoder.name)
        self._shards, self._dirty = {}, set()
        self.hits = self.misses = 0

    def encode_queries(self, texts):
        return self._encode(texts, "query", self.encoder.encode_queries)

    def encode_passages(self, texts):
        return self._encode(texts, "passage", self.encoder.encode_passages)

    def _encode(self, texts, kind, encode):
        keys = [hashlib.sha256(f"{kind}\0{text}".encode("utf-8")).hexdigest() for text in texts]
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing = []
        for row, key in enumerate(keys):
            found = self._shard(key[:2]).get(key)
            if found is None:
                missing.append(row)
            else:
                vectors[row] = found
        if missing:
            fresh = encode([texts[row] for row in missing])
            for row, vector in zip(missing, fresh):
                vectors[row] = vector
                self._shard(keys[row][:2])[keys[row]] = np.asarray(vector, dtype=np.float32)
                self._dirty.add(keys[row][:2])
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        return vectors

    def _shard(self, prefix):
        if prefix not in self._shards:
            path = self.folder / f"{prefix}.npz"
            shard = {}
            if path.exists():
                try:
                    with np.load(path) as data:
                        shard = dict(zip(data["keys"].tolist(), data["vectors"]))
                except (OSError, ValueError, KeyError):
                    shard = {}  # a damaged shard is rebuilt from fresh vectors
            self._shards[prefix] = shard
        return self._shards[prefix]

    def save(self):
        """Write the shards that gained vectors; a cache that cannot be written only costs time."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for prefix in sorted(self._dirty):
                shard = self._shards[prefix]
                temporary = self.folder / f".{prefix}-{uuid.uuid4().hex[:6]}.npz"
                np.savez(temporary, keys=np.array(list(shard)), vectors=np.stack(list(shard.values())))
                os.replace(temporary, self.folder / f"{prefix}.npz")
        except OSError:
            return False
        self._dirty.clear()
        return True
