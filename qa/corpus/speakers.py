"""One entry per person, however the report names them ("M. Matthijs Korzilius", "M. Korzilius")."""
import re

from qa.corpus.model import Speaker
from qa.text import fold


def name_tokens(name):
    return fold(name).split()


class SpeakerRegistry:
    def __init__(self):
        self._speakers = []  # the key of a speaker is its position here
        self._last_seen, self._seen = {}, 0
        self._presented = {}  # key -> the organisation whose work they presented, as a last resort

    def resolve(self, mention, section_id, current):
        """Return the key of the speaker this mention names, adding them if new.

        A short form ("Dr Touré") is the person whose full name ends with it; where several do,
        the current speaker first, then the one named most recently.
        """
        tokens = name_tokens(mention.name)
        matches = [k for k, s in enumerate(self._speakers) if _same_person(name_tokens(s.name), tokens)]
        if matches:
            recent = max(matches, key=lambda k: self._last_seen.get(k, 0))
            key = next((k for k in matches if k in current), recent)
        else:
            key = len(self._speakers)
            self._speakers.append(Speaker(id="", name=mention.name, honorific=mention.honorific))
        self._merge(self._speakers[key], mention, section_id)
        if mention.presented_org:
            self._presented.setdefault(key, mention.presented_org)
        self._seen += 1
        self._last_seen[key] = self._seen
        return key

    @staticmethod
    def _merge(speaker, mention, section_id):
        if len(mention.tokens) > len(speaker.name.split()):
            speaker.name, speaker.honorific = mention.name, mention.honorific or speaker.honorific
        for alias in (mention.surface, mention.name):
            if alias and alias not in speaker.aliases:
                speaker.aliases.append(alias)
        speaker.role = speaker.role or mention.role
        speaker.organization = speaker.organization or mention.organization
        speaker.represented_by = speaker.represented_by or mention.represented_by
        speaker.on_behalf_of = speaker.on_behalf_of or mention.on_behalf_of
        if mention.role or mention.organization or mention.represented_by or mention.on_behalf_of:
            speaker.appearances.append({
                "section": section_id, "role": mention.role, "organization": mention.organization,
                "represented_by": mention.represented_by, "on_behalf_of": mention.on_behalf_of})

    def add_alias(self, surface, name, among):
        """Record another form of a known person's name ("Mme Rosemary Nalubega" for Dr Rosemary
        Nalubega); among: the keys of the passage's speakers, preferred when several people match."""
        tokens = name_tokens(name)
        matches = [k for k, s in enumerate(self._speakers) if _same_person(name_tokens(s.name), tokens)]
        matches = [k for k in matches if k in among] or matches
        if len(matches) == 1 and surface not in self._speakers[matches[0]].aliases:
            self._speakers[matches[0]].aliases.append(surface)

    def finalise(self):
        """Give every speaker a stable id from their full name; return key -> id."""
        ids = {}
        for key, speaker in enumerate(self._speakers):
            speaker.organization = speaker.organization or self._presented.get(key)
            base = re.sub(r"[^a-z0-9]+", "-", fold(speaker.name)).strip("-") or "speaker"
            speaker_id, n = base, 2
            while speaker_id in ids.values():
                speaker_id, n = f"{base}-{n}", n + 1
            speaker.id = ids[key] = speaker_id
        return ids

    def speakers(self):
        return list(self._speakers)


def _same_person(known, named):
    """A name and a shorter form of it: one token list ends with the other."""
    shorter, longer = sorted((known, named), key=len)
    return bool(shorter) and longer[-len(shorter):] == shorter
