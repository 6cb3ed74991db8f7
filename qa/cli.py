"""`python -m qa` commands: corpus, index, add, documents, remove, search, eval, serve."""
import argparse
import json
import os
import sys
from dataclasses import asdict

from qa import config as settings
from qa.errors import BadQuestionError, QAError


def main(argv=None):
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.run(args) or 0
    except QAError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head and closed early
        sys.stdout = open(os.devnull, "w")
        return 0


def _parser():
    parser = argparse.ArgumentParser(prog="python -m qa", description="Question answering over the reports of the "
                                                                      "Khartoum, Rabat and Niamey migration dialogues.")
    commands = parser.add_subparsers(dest="command")

    corpus = commands.add_parser("corpus", help="parse the reports and summarise (or dump) them")
    corpus.add_argument("--report", help=_help("CORPUS"))
    corpus.add_argument("--json", action="store_true", help="print the whole parsed structure as JSON")
    corpus.add_argument("--out", help="write the JSON to this file instead of standard output")
    corpus.set_defaults(run=run_corpus)

    index = commands.add_parser("index", help="build the search index (atomically replaces the current one)")
    _common(index)
    index.set_defaults(run=run_index)

    add = commands.add_parser("add", help="add a report (.pdf, .docx, .md, .txt) to the corpus folder and update the index")
    _common(add)
    add.add_argument("path", help="the report's file")
    add.set_defaults(run=run_add)

    documents = commands.add_parser("documents", help="list the reports of the corpus")
    _common(documents)
    documents.add_argument("--json", action="store_true", help="print the API's JSON")
    documents.set_defaults(run=run_documents)

    remove = commands.add_parser("remove", help="take a report out of the corpus (into its .removed/ folder) "
                                                "and update the index")
    _common(remove)
    remove.add_argument("id", help="the report's id, as `documents` lists it")
    remove.set_defaults(run=run_remove)

    search = commands.add_parser("search", help="ask a question from the command line")
    _common(search)
    search.add_argument("question")
    search.add_argument("--k", type=int, default=None, help=_help("TOP_K"))
    search.add_argument("--speaker", help="only passages of this speaker (id or name)")
    search.add_argument("--section", help="only passages of this section (id or words of its title)")
    search.add_argument("--kind", help="only passages of this kind (speech, moderation, key_takeaways, ...)")
    search.add_argument("--document", help="only passages of this report (its id)")
    search.add_argument("--json", action="store_true", help="print the API's JSON")
    search.set_defaults(run=run_search)

    evaluation = commands.add_parser("eval", help="measure retrieval on a JSONL question set, or attribution on a "
                                                  "statement set (lines with \"text\")")
    _common(evaluation)
    evaluation.add_argument("questions", help="JSONL file: q, lang, evidence, speaker")
    evaluation.add_argument("--min-hit1", type=float, default=0.0, help="fail under this hit@1 (each language)")
    evaluation.add_argument("--min-hit5", type=float, default=0.0, help="fail under this hit@5 (each language)")
    evaluation.add_argument("--min-speaker", type=float, default=0.0, help="fail under this speaker accuracy")
    evaluation.add_argument("--json", action="store_true", help="print every question's outcome as JSON")
    evaluation.add_argument("--document", help="ask every question of this report only (its id)")
    evaluation.set_defaults(run=run_eval)

    serve = commands.add_parser("serve", help="run the web service (gunicorn), building the index if needed")
    _common(serve)
    serve.add_argument("--host", help=_help("HOST"))
    serve.add_argument("--port", help=_help("PORT"))
    serve.add_argument("--workers", help=_help("WORKERS"))
    serve.set_defaults(run=run_serve)
    return parser


def _common(command):
    command.add_argument("--report", help=_help("CORPUS"))
    command.add_argument("--index-dir", help=_help("INDEX_DIR"))
    command.add_argument("--embedder", help=_help("EMBEDDER"))


# command-line flags and the settings they override
FLAGS = {"report": "CORPUS", "index_dir": "INDEX_DIR", "embedder": "EMBEDDER", "host": "HOST", "port": "PORT",
         "workers": "WORKERS"}


def _config(args):
    """The settings, read once: environment, then the command's flags."""
    return settings.load({name: getattr(args, flag, None) for flag, name in FLAGS.items()})


def _searcher(config):
    from qa.searcher import Searcher

    return Searcher.load(config)


def _log(text):
    print(text, file=sys.stderr, flush=True)


def _build(config):
    from qa.build import build_index

    return build_index(config, log=_log)


def run_index(args):
    manifest = _build(_config(args))
    reports = len(manifest["documents"])
    print(f"{reports} report{'s' if reports > 1 else ''}, {manifest['chunks']} chunks, {manifest['sentences']} sentences, "
          f"encoder {manifest['encoder']}, {manifest['build_seconds']} s "
          f"({manifest['encoded']['new']} texts encoded, {manifest['encoded']['from_cache']} from the cache)")
    return 0


def run_add(args):
    from qa.reports import add_report

    document, manifest = add_report(_config(args), args.path, _build, log=_log)
    print(f"added {document.id}: {document.title or document.path} ({document.language}"
          f"{f', {document.pages} pages' if document.pages else ''}); the index now holds {len(manifest['documents'])} "
          f"reports; {manifest['encoded']['new']} texts encoded, {manifest['encoded']['from_cache']} from the cache, "
          f"{manifest['build_seconds']} s")
    return 0


def run_remove(args):
    from qa.reports import remove_report

    parked, manifest = remove_report(_config(args), args.id, _build, log=_log)
    print(f"removed {args.id} (its file is now {parked}); the index holds {len(manifest['documents'])} reports")
    return 0


def run_documents(args):
    from qa import store
    from qa.corpus.library import load_corpus
    from qa.errors import IndexNotBuiltError
    from qa.web.present import documents_json

    config = _config(args)
    listed = documents_json(load_corpus(config["CORPUS"]))
    try:
        indexed = set(store.read_manifest(config["INDEX_DIR"])[1].get("documents", []))
    except (IndexNotBuiltError, QAError):
        indexed = set()
    for item in listed:
        item["indexed"] = item["id"] in indexed
    if args.json:
        print(json.dumps({"documents": listed}, ensure_ascii=False, indent=1))
        return 0
    for item in listed:
        facts = [item["date"], item["place"], item["language"], f"{item['pages']} pages" if item["pages"] else None,
                 f"{item['passages']} passages", f"{item['speakers']} speakers",
                 None if item["indexed"] else "not in the index yet: `python -m qa index`"]
        print(f"{item['id']}  {item['title'] or item['file']}\n    {' · '.join(filter(None, facts))}")
    return 0


def run_search(args):
    from qa.web.present import results_json

    config = _config(args)
    k = args.k if args.k is not None else int(config["TOP_K"])
    if not 1 <= k <= int(config["MAX_K"]):
        raise BadQuestionError(f"--k must be between 1 and {config['MAX_K']}")
    if not args.question.strip():
        raise BadQuestionError("the question is empty")
    result = _searcher(config).search(args.question, k=k, speaker=args.speaker, section=args.section,
                                      kind=args.kind, document=args.document)
    results = results_json(result.hits)
    if args.json:
        print(json.dumps({"query": args.question, "k": k, "answerable": result.answerable,
                          "unaddressed": result.unaddressed, "not_together": result.scope.apart,
                          "results": results, "timings": result.timings}, ensure_ascii=False, indent=1))
        return 0
    if result.scope.unaddressed:
        print(f"The report does not seem to address this (it never mentions: {', '.join(result.unaddressed)}). "
              "The closest passages:\n")
    elif result.scope.apart:
        print(f"The report does not seem to address this (it mentions {', '.join(result.scope.apart)}, "
              "but never together). The closest passages:\n")
    if not results:
        print("no passage found")
    for hit, item in zip(result.hits, results):
        who = "; ".join(s.label() for s in hit.speakers)
        print(f"{item['rank']}. [{item['score']:.4f}] {who or item['group'] or '(nobody in particular)'}")
        print(f"   {item['section']['title']} — lines {item['source']['line_start']}-{item['source']['line_end']}"
              f" — {item['id']}")
        print(f"   » {item['highlight']}\n")
    return 0


def run_serve(args):
    from qa.server import ensure_index, serve

    config = _config(args)
    ensure_index(config)
    serve(config)
    return 0


def run_eval(args):
    from qa.evaluate import evaluate, is_statement_set, load_questions, retrieval_report, summarise

    config = _config(args)
    if is_statement_set(args.questions):
        return _eval_attribution(args, config)
    questions = load_questions(args.questions)
    if args.document:
        questions = [{**question, "document": args.document} for question in questions]
    rows = evaluate(_searcher(config), questions)
    summary = summarise(rows)
    if args.json:
        print(json.dumps({"summary": summary, "questions": rows}, ensure_ascii=False, indent=1))
    else:
        print(retrieval_report(summary, rows))
    failed = [name for name, f in summary.items() if name != "all" and f["n"] and
              (f["hit@1"] < args.min_hit1 or f["hit@5"] < args.min_hit5 or f["speaker"] < args.min_speaker)]
    if failed:
        print(f"under the thresholds for: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def _eval_attribution(args, config):
    from qa.attribute import Attributor
    from qa.evaluate import attribution_report, evaluate_attribution, load_statements, summarise_attribution

    rows = evaluate_attribution(Attributor(_searcher(config)), load_statements(args.questions))
    summary = summarise_attribution(rows)
    if args.json:
        print(json.dumps({"summary": summary, "statements": rows}, ensure_ascii=False, indent=1))
        return 0
    print(attribution_report(summary, rows))
    return 0


def _help(name):
    setting = next(s for s in settings.SETTINGS if s.name == name)
    return f"{setting.help} (QA_{name}, default: {setting.default})"


def run_corpus(args):
    from qa.corpus.library import load_corpus

    config = _config(args)
    corpus = load_corpus(config["CORPUS"])
    if args.json or args.out:
        text = json.dumps(corpus.to_dict(), ensure_ascii=False, indent=1)
        if args.out:
            with open(args.out, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            print(f"wrote {args.out}: {len(corpus.passages)} passages, {len(corpus.speakers)} speakers")
        else:
            print(text)
        return 0
    print(_summary(corpus))
    return 0


def _summary(corpus):
    lines = []
    for doc in corpus.documents:
        lines.append(f"[{doc.id}] {doc.kind or ''} {doc.title or doc.path}".strip())
        for label, value in (("subtitle", doc.subtitle), ("dates", doc.dates), ("place", doc.place),
                             ("co-chairs", ", ".join(doc.co_chairs)), ("language", doc.language),
                             ("file", f"{doc.path}{f', {doc.pages} pages' if doc.pages else ''}")):
            if value:
                lines.append(f"  {label}: {value}")
    counts = {}
    for passage in corpus.passages:
        for speaker in passage.speakers:
            counts[speaker] = counts.get(speaker, 0) + 1
    lines.append(f"\nSections ({len(corpus.sections)}):")
    for section in corpus.sections:
        indent = "    " if section.parent else "  "
        moderators = f"  [moderated by {', '.join(section.moderators)}]" if section.moderators else ""
        lines.append(f"{indent}{section.id}: {section.title} (line {section.line}){moderators}")
    lines.append(f"\nSpeakers ({len(corpus.speakers)}):")
    for speaker in corpus.speakers:
        described = ", ".join(filter(None, (speaker.role, speaker.organization))) or "role not stated"
        flags = "".join(f"; {k.replace('_', ' ')} {v}" for k, v in asdict(speaker).items()
                        if k in ("represented_by", "on_behalf_of") and v)
        lines.append(f"  {speaker.name} [{speaker.id}] — {described}{flags} — {counts.get(speaker.id, 0)} passages")
    kinds = {}
    for passage in corpus.passages:
        kinds[passage.kind] = kinds.get(passage.kind, 0) + 1
    lines.append(f"\nPassages: {len(corpus.passages)} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    for warning in corpus.warnings:
        lines.append(f"warning: {warning}")
    return "\n".join(lines)
