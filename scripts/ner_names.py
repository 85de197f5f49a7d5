#!/usr/bin/env python3
"""Prints gazetteer lines ("PER<TAB>name", "ORG<TAB>word") from Debian package data.

Usage: ner_names.py >> models/ner-gazetteer.tsv   (scripts/ner_train.sh --gazetteer)

PER: the given names and family names of python3-fake-factory's (Faker, MIT)
person providers for English and Indonesian. ORG: its company prefixes and
suffixes ("PT", "Tbk", "LLC"), the capitalised words of those of more than one. Lowercased, one name a line; names with
characters a tokenizer would split are left out.
"""

import importlib
import sys

LOCALES = ["en_US", "en_GB", "id_ID"]
# Where Debian installs it, for a python3 that is not the system's.
sys.path.append("/usr/lib/python3/dist-packages")


def names(module, attrs):
    try:
        provider = importlib.import_module(module).Provider
    except ImportError:
        return []
    out = []
    for attr in attrs:
        value = getattr(provider, attr, None)
        if value:
            out.extend(value.keys() if isinstance(value, dict) else value)
    return out


def usable(name):
    return len(name) >= 2 and all(c.isalpha() or c in "-'" for c in name)


def main():
    lines = set()
    for loc in LOCALES:
        for n in names("faker.providers.person." + loc, ["first_names", "last_names"]):
            if usable(n) and len(n) >= 3:
                lines.add("PER\t" + n.lower())
        for n in names("faker.providers.company." + loc, ["company_prefixes", "company_suffixes"]):
            for part in n.replace("(", " ").replace(")", " ").split():
                if part[:1].isupper() and usable(part.rstrip(".")):
                    lines.add("ORG\t" + part.lower())
    if not lines:
        print("ner_names: python3-fake-factory not installed", file=sys.stderr)
        return 1
    sys.stdout.write("".join(l + "\n" for l in sorted(lines)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
