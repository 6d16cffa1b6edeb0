"""XML text by hand: escaping, filtering and tags for the TimeML writer.

Takes text and attribute values; gives markup that parses back to exactly
the same text: carriage returns as ``&#13;`` (a parser would turn a literal
one into a newline), whitespace in attributes as references, and characters
XML 1.0 cannot carry at all replaced (``_NOT_XML``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Characters XML 1.0 cannot carry at all, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Text that needs no escaping anywhere (ids, values, most words): one quick test.
_PLAIN = re.compile(r"[\w .,:;+\-]*", re.ASCII).fullmatch


def _text_escape(text: str) -> str:
    # "\r" as a reference: XML parsers normalise a literal one to "\n".  What
    # XML cannot carry at all (control characters, lone surrogates from
    # undecodable bytes in a file name) becomes U+FFFD, so the output parses.
    if _PLAIN(text):
        return text
    text = _NOT_XML.sub("\ufffd", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _attr_escape(value: str) -> str:
    # Whitespace as references: parsers normalise literal ones in attributes.
    if _PLAIN(value):
        return value
    return _text_escape(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


def _comment(text: str) -> str:
    # "--" may not occur in a comment, nor may it end with "-".
    body = re.sub("-(?=-)", "- ", _NOT_XML.sub(" ", text)).replace("\n", " ")
    return f"<!-- {body} -->"


def _tag(name: str, attrs: Iterable[tuple[str, str | None]], content: str | None = None) -> str:
    parts = "".join(f' {k}="{_attr_escape(v)}"' for k, v in attrs if v is not None)
    if content is None:
        return f"<{name}{parts}/>"
    return f"<{name}{parts}>{content}</{name}>"
