#!/usr/bin/env python3
"""Writes one adversarial page of a given kind and size for bench/stress.sh.

Usage: stress_pages.py KIND BYTES OUT   (stress_pages.py --list prints the kinds)

Each kind repeats one pathological pattern until the page is BYTES long, so
1, 4 and 16 MiB pages of a kind differ only in how often the pattern occurs:
time or memory that grows faster than the size shows up as a ratio above 4
between neighbouring sizes. The text is invented; nothing comes from a dev set.
"""
import gzip
import sys

HEAD = b"<!doctype html><html><head><title>Stress page</title></head><body>\n"
TAIL = b"\n</body></html>\n"


STORY_HEAD = (b"<!doctype html><html><head><title>Harbour board approves the new pier plan</title></head><body>\n"
              b"<h1>Harbour board approves the new pier plan</h1>\n"
              + b"<p>" + b"The harbour board met on Tuesday to discuss the new pier and how to pay for it. " * 3
              + b"</p>\n")


def repeat(unit: bytes, size: int, head: bytes = HEAD, tail: bytes = TAIL) -> bytes:
    body = max(0, size - len(head) - len(tail))
    count = body // len(unit) + 1
    return head + (unit * count)[:body] + tail


def numbered(make, size: int, head: bytes = HEAD, tail: bytes = TAIL) -> bytes:
    """Units that differ (make(i)), so nothing can be deduplicated."""
    parts = [head]
    total = len(head) + len(tail)
    i = 0
    while total < size:
        unit = make(i)
        parts.append(unit)
        total += len(unit)
        i += 1
    parts.append(tail)
    return b"".join(parts)


NAMES = [b"Ahmad", b"Budi", b"Clara", b"Dewi", b"Edward", b"Fatima", b"Gita", b"Hendra", b"Irene", b"Joko"]
PLACES = [b"Jakarta", b"Surabaya", b"London", b"Medan", b"Bandung", b"Oslo", b"Makassar", b"Denver"]


def name(i: int) -> bytes:
    return NAMES[i % 10] + b" " + NAMES[(i // 10) % 10] + b"son"


def capitalised_word(i: int) -> bytes:
    # Distinct capitalised tokens: every one a candidate name for the tagger.
    letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    word = bytes([letters[i % 26]]) + b"".join(bytes([97 + (i // 26 ** k) % 26]) for k in range(1, 5))
    return word


def kinds(size: int):
    """name -> (format, bytes builder). format: html, warc, gz, jsonl."""
    return {
        "nested_div": ("html", lambda: repeat(b"<div>", size)),
        "nested_div_text": ("html", lambda: repeat(b"<div>Nested words here.", size)),
        "unclosed_p": ("html", lambda: repeat(b"<p>Paragraph words", size)),
        "unclosed_li": ("html", lambda: repeat(b"<li>item text", size)),
        "unclosed_a": ("html", lambda: repeat(b"<a href=/x>link text", size)),
        "unclosed_b": ("html", lambda: repeat(b"<b>bold text ", size)),
        "unclosed_fmt_attrs": ("html", lambda: numbered(lambda i: b"<b class=c%d>bold " % i, size)),
        "adoption": ("html", lambda: repeat(b"<a><b><i><u><s><em>words<p>para</a>", size)),
        "adoption_nested": ("html", lambda: repeat(b"<b><p>text</b>", size)),
        "unclosed_table": ("html", lambda: repeat(b"<table>cell", size)),
        "nested_tables": ("html", lambda: repeat(b"<table><tr><td>cell ", size)),
        "many_attrs": ("html", lambda: numbered(lambda i: b" a%d=v" % i, size, HEAD + b"<div", b">x</div>" + TAIL)),
        "dup_attrs": ("html", lambda: repeat(b" class=v", size, HEAD + b"<div", b">x</div>" + TAIL)),
        "huge_attr_value": ("html", lambda: repeat(b"v", size, HEAD + b'<div title="', b'">x</div>' + TAIL)),
        "giant_token": ("html", lambda: repeat(b"x", size, HEAD + b"<p>", b"</p>" + TAIL)),
        "giant_paragraph": ("html", lambda: repeat(b"word ", size, HEAD + b"<article><p>", b"</p></article>" + TAIL)),
        "giant_sentences": ("html", lambda: repeat(b"The minister visited the port today. ", size,
                                                   HEAD + b"<article><p>", b"</p></article>" + TAIL)),
        # A headline, a short story, then sidebars nested as deep as the parser allows, holding the rest: every
        # one of them is a wrapper to weigh (a walk of each one's subtree made this quadratic in the depth).
        "sidebar_chain": ("html", lambda: repeat(b"<span>x</span>", size, STORY_HEAD + b'<div class="sidebar">' * 500)),
        "tiny_paragraphs": ("html", lambda: repeat(b"<p>x</p>", size)),
        "word_paragraphs": ("html", lambda: repeat(b"<p>The mayor opened the new bridge on Monday.</p>\n", size)),
        "huge_script": ("html", lambda: repeat(b"var a=1;", size, HEAD + b"<script>", b"</script><p>Body.</p>" + TAIL)),
        "huge_style": ("html", lambda: repeat(b".a{color:red}", size, HEAD + b"<style>", b"</style><p>Body.</p>" + TAIL)),
        "huge_comment": ("html", lambda: repeat(b"comment ", size, HEAD + b"<!--", b"--><p>Body.</p>" + TAIL)),
        "many_comments": ("html", lambda: repeat(b"<!-- c -->", size)),
        "many_br": ("html", lambda: repeat(b"<br>", size, HEAD + b"<article><p>", b"</p></article>" + TAIL)),
        "many_br_text": ("html", lambda: repeat(b"line of text<br>", size, HEAD + b"<article><p>", b"</p></article>" + TAIL)),
        "many_jsonld": ("html", lambda: numbered(
            lambda i: b'<script type="application/ld+json">{"@type":"NewsArticle","headline":"Story %d",'
                      b'"datePublished":"2024-03-0%dT10:00:00+07:00","author":{"@type":"Person","name":"%s"}}</script>\n'
                      % (i, i % 9 + 1, name(i)), size)),
        "giant_jsonld": ("html", lambda: repeat(b'{"@type":"Person","name":"Ann Lee"},', size,
                                                HEAD + b'<script type="application/ld+json">{"@type":"NewsArticle","author":[',
                                                b'{"name":"x"}]}</script>' + TAIL)),
        "deep_jsonld": ("html", lambda: repeat(b'{"a":[', size, HEAD + b'<script type="application/ld+json">',
                                               b"</script><p>Body.</p>" + TAIL)),
        "many_meta": ("html", lambda: numbered(
            lambda i: b'<meta name="author" content="%s"><meta property="article:published_time" '
                      b'content="2024-01-%02dT08:00:00Z">\n' % (name(i), i % 28 + 1), size,
            b"<!doctype html><html><head>", b"</head><body><p>Body.</p>" + TAIL)),
        "invalid_utf8": ("html", lambda: repeat(b"<p>caf\xe9 \xff\xfe\xc3\x28 \xe2\x82 \xf0\x9f\x98</p>\n", size)),
        "declared_utf16": ("html", lambda: repeat(b"<p>Caf\xe9 cr\xe8me br\xfbl\xe9e na\xefve.</p>\n", size,
                                                  b'<html><head><meta charset="utf-16"></head><body>', TAIL)),
        "declared_sjis": ("html", lambda: repeat(b"<p>Caf\xe9 cr\xe8me br\xfbl\xe9e na\xefve.</p>\n", size,
                                                 b'<html><head><meta charset="shift_jis"></head><body>', TAIL)),
        # Stray NULs in a page are read; a page mostly of NULs is refused as binary.
        "nul_bytes": ("html", lambda: repeat(b"<p>A stray\x00 byte in a <b\x00>sentence</b> of the page.</p>\n", size)),
        "nul_dense": ("html", lambda: repeat(b"<p>a\x00b\x00</p>\x00<div\x00 x=\x00>", size)),
        "dates": ("html", lambda: repeat(
            b"<p>Monday, 12 March 2024 10:30 WIB, 2024-03-12T10:30:00+07:00, Selasa (13/3/2024) pukul 09.00 WIB, "
            b"March 14, 2024 at 3 p.m. ET, 15.03.2024, kemarin sore, last week.</p>\n", size)),
        "capitalised_words": ("html", lambda: numbered(lambda i: capitalised_word(i) + b" ", size,
                                                       HEAD + b"<article><p>", b"</p></article>" + TAIL)),
        "capitalised_sentences": ("html", lambda: numbered(
            lambda i: b"<p>%s Of %s Met %s In %s.</p>\n" % (name(i), PLACES[i % 8], name(i + 7), PLACES[(i + 3) % 8]),
            size)),
        "quotes": ("html", lambda: repeat(b'"" said " said "', size, HEAD + b"<article><p>", b"</p></article>" + TAIL)),
        "quote_sentences": ("html", lambda: numbered(
            lambda i: b'<p>"We will build it," said %s. "It is " "done" said she, \xe2\x80\x9cyes\xe2\x80\x9d.</p>\n'
                      % name(i), size)),
        "bylines": ("html", lambda: numbered(lambda i: b"<p>By %s</p>\n" % name(i), size)),
        "byline_text": ("html", lambda: numbered(lambda i: b"By %s and %s, " % (name(i), name(i + 3)), size,
                                                 HEAD + b'<div class="byline">', b"</div><p>Body.</p>" + TAIL)),
        "warc_huge_headers": ("warc", lambda: warc_huge_headers(size)),
        "warc_absurd_length": ("warc", lambda: warc_absurd_length(size)),
        "gz_bomb": ("gz", lambda: gz_bomb(size)),
        "jsonl_long_line": ("jsonl", lambda: jsonl_long_line(size)),
    }


def warc_record(headers: bytes, body: bytes, length: int = -1) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + headers + b"\r\n" + body
    n = len(http) if length < 0 else length
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.test/a\r\n"
            b"WARC-Date: 2024-03-12T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % n) + http + b"\r\n\r\n"


def warc_huge_headers(size: int) -> bytes:
    # One HTTP header block of `size` bytes (many short header lines), then a small page.
    lines = repeat(b"X-Filler: abcdefghijklmnop\r\n", size, b"", b"")
    ok = warc_record(b"", b"<html><body><p>After the big one.</p></body></html>")
    return warc_record(lines, b"<html><body><p>Small page.</p></body></html>") + ok


def warc_absurd_length(size: int) -> bytes:
    # A record that claims a petabyte, followed by pages that claim nothing odd.
    page = repeat(b"<p>text</p>", size)
    return warc_record(b"", page, length=1 << 50) + warc_record(b"", b"<p>next</p>")


def gz_bomb(size: int) -> bytes:
    # `size` bytes of gzip that expand about 1000-fold: far past the document cap.
    out = bytearray()
    chunk = gzip.compress(b"<p>" + b"A" * (64 << 20), compresslevel=9)
    while len(out) < size:
        out += chunk  # concatenated gzip members, each 64 MiB when expanded
    return bytes(out)


def jsonl_long_line(size: int) -> bytes:
    # One line of `size` bytes, then a normal line: the long one is refused, the next read.
    head = b'{"url":"http://example.test/a","html":"<p>'
    tail = b'</p>"}\n'
    return repeat(b"word ", size, head, tail) + b'{"url":"http://example.test/b","html":"<p>ok</p>"}\n'


def main() -> int:
    if sys.argv[1:] == ["--list"]:
        for kind, (fmt, _) in kinds(0).items():
            print(kind, fmt)
        return 0
    kind, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    fmt, build = kinds(size)[kind]
    with open(out, "wb") as f:
        f.write(build())
    return 0


if __name__ == "__main__":
    sys.exit(main())
