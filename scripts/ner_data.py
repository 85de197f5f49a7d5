#!/usr/bin/env python3
"""Normalises the NER corpora of ../shared/bench/ner to one layout and tag set.

Usage:
    ner_data.py SET IN OUT [--part all|train|heldout] [--drop-misc]

SET is gmb, nerp, idner, nergrit or conll. IN is a CoNLL column file (gzip or
plain; TAB-separated when a line has a TAB, else whitespace; the token is the
first column, the tag the last). OUT gets "token<TAB>TAG" lines, IOB2, with the
types PER/ORG/LOC (+MISC): nergrit PERSON/PLACE/ORGANISATION and nerp PPL/PLC/IND
are renamed, nerp EVT/FNB become O. --drop-misc also turns MISC into O (for sets
without MISC). --part splits gmb deterministically: a sentence is held back
(never trained on) when the CRC-32 of its tokens is below 15 % of the range.
The same call normalises predictions (the tag is the last column either way).
"""

import argparse
import gzip
import sys
import zlib

RENAME = {
    "nergrit": {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"},
    "nerp": {"PPL": "PER", "PLC": "LOC", "IND": "ORG", "EVT": None, "FNB": None},
}
HELDOUT_PERCENT = 15


def read_sentences(path):
    opener = gzip.open if path.endswith(".gz") else open
    sent = []
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            cols = line.split("\t") if "\t" in line else line.split()
            if cols[0] == "-DOCSTART-":
                if sent:
                    yield sent
                sent = []
                continue
            sent.append((cols[0], cols[-1].strip() if len(cols) > 1 else "O"))
    if sent:
        yield sent


def map_tag(tag, rename, drop_misc):
    if tag == "O" or len(tag) < 3 or tag[1] != "-":
        return "O"
    prefix, etype = tag[0], tag[2:]
    etype = rename.get(etype, etype)
    if etype is None or (drop_misc and etype == "MISC"):
        return "O"
    return prefix + "-" + etype


def held_out(sent):
    key = " ".join(tok for tok, _ in sent).encode("utf-8")
    return zlib.crc32(key) % 100 < HELDOUT_PERCENT


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("set", choices=["gmb", "nerp", "idner", "nergrit", "conll"])
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--part", choices=["all", "train", "heldout"], default="all")
    ap.add_argument("--drop-misc", action="store_true")
    args = ap.parse_args()
    rename = RENAME.get(args.set, {})
    with open(args.out, "w", encoding="utf-8") as out:
        for sent in read_sentences(args.src):
            if args.part != "all" and held_out(sent) != (args.part == "heldout"):
                continue
            for tok, tag in sent:
                out.write("%s\t%s\n" % (tok, map_tag(tag, rename, args.drop_misc)))
            out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
