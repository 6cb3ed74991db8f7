"""The three rankings of a question (chunk vectors, BM25, best sentence), over reports in one or
several languages.

With reports in French and in English, each language's reports are ranked on their own and put on
one scale: the encoder finds a question closer to any text in its own language, and BM25 scores
words analysed for each language, so without this an English question would prefer English reports
(and fill the candidates with them) for their language alone.
"""
import numpy as np

from qa.analyzer import analyze
from qa.places import named_in

BACKGROUND = 512  # sentences per report language that tell how close a question is to that language's texts


class Rankings:
    def __init__(self, dense, sparse, sentences, vocabulary, encoder, languages):
        """languages: the report language of each chunk row."""
        self.dense, self.sparse, self.sentences = dense, sparse, sentences
        self.vocabulary, self.encoder = vocabulary, encoder
        self.rows_by_language = {language: np.flatnonzero(np.array(languages) == language)
                                 for language in sorted(set(languages))}
        sentence_language = np.array([languages[row] for row, _, _ in sentences.spans])
        rng = np.random.default_rng(0)
        self.background = {}  # per report language, a sample of its sentence vectors
        for language in self.rows_by_language:
            own = np.flatnonzero(sentence_language == language)
            self.background[language] = sentences.vectors[np.sort(rng.choice(own, min(BACKGROUND, len(own)),
                                                                              replace=False))]

    @property
    def several_languages(self):
        return len(self.rows_by_language) > 1

    def vectors(self, vector, depth, allowed):
        """(chunk ranking, best-sentence ranking): [(row, score)] best first."""
        if not self.several_languages:
            return self.dense.search(vector[None, :], depth, allowed)[0], \
                self.sentences.search(vector[None, :], depth, allowed)[0]
        return self._levelled(self.dense, vector, depth, allowed), self._levelled(self.sentences, vector, depth, allowed)

    def _levelled(self, index, vector, depth, allowed):
        """Each report language's best rows, a cosine becoming how far it stands above the
        question's usual closeness to that language's texts (a z-score against its sample)."""
        levelled = []
        for language, rows in self._rows(allowed):
            cosines = self.background[language] @ vector
            mean, spread = float(cosines.mean()), float(cosines.std()) or 1.0
            levelled += [(row, (score - mean) / spread) for row, score in index.search(vector[None, :], depth, rows)[0]]
        return sorted(levelled, key=lambda x: (-x[1], x[0]))[:depth]

    def lexical(self, question, language, tokens, depth, allowed):
        """The BM25 ranking and every token asked. tokens: the question analysed for French reports.
        English reports are asked the question analysed as English (and, for a question in another
        language, the English reports' words it stands for), each language scored against its own best."""
        if "en" not in self.rows_by_language:
            return self.sparse.search([tokens], depth, allowed)[0], tokens
        rankings, asked = [], list(tokens)
        for report_language, rows in self._rows(allowed):
            wanted = tokens
            if report_language == "en":
                wanted = analyze(question, "en")
                for word in named_in(question, "en"):
                    wanted += [t for t in [word] + analyze(word, "en") if t not in wanted]
                if language != "en":
                    wanted += [t for t in self.vocabulary.translate(question, self.encoder, "en") if t not in wanted]
                asked += [t for t in wanted if t not in asked]
            ranking = self.sparse.search([wanted], depth, rows)[0]
            best = ranking[0][1] if ranking and ranking[0][1] > 0 else 1.0
            rankings += [(row, score / best) for row, score in ranking]
        return sorted(rankings, key=lambda x: (-x[1], x[0]))[:depth], asked

    def _rows(self, allowed):
        """(language, its rows that pass the filters), languages with none left out."""
        for language, rows in self.rows_by_language.items():
            rows = rows if allowed is None else np.intersect1d(rows, allowed)
            if len(rows):
                yield language, rows
