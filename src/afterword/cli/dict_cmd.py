"""`afterword dict add|list|remove`: the user dictionary the spelling checks accept."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "dict",
        help="your dictionary: words the spelling check accepts (names, jargon)",
        description="Words in your dictionary are never reported as misspelled, in the CLI and "
        "the terminal app alike. The file is dictionary.txt in the config folder.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add words")
    add.add_argument("words", nargs="+", metavar="WORD")
    add.set_defaults(handler=run_add)
    remove = actions.add_parser("remove", help="remove words")
    remove.add_argument("words", nargs="+", metavar="WORD")
    remove.set_defaults(handler=run_remove)
    listing = actions.add_parser("list", help="print the words, one per line")
    listing.set_defaults(handler=run_list)


def run_add(args: argparse.Namespace) -> int:
    from afterword.dictionary import add_word, dictionary_path

    for word in args.words:
        added = add_word(word)
        print(f"{'added' if added else 'already there'}: {word}")
    print(f"dictionary: {dictionary_path()}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from afterword.dictionary import remove_word

    missing = 0
    for word in args.words:
        removed = remove_word(word)
        missing += not removed
        print(f"{'removed' if removed else 'not in the dictionary'}: {word}")
    return 1 if missing else 0


def run_list(args: argparse.Namespace) -> int:
    from afterword.dictionary import list_words

    for word in list_words():
        print(word)
    return 0
