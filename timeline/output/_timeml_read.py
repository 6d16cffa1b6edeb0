"""TimeML in: ``read_timeml`` (a TimeML document -> its raw text and creation date).

Takes a TimeML document as a string; gives the raw text of ``<TEXT>`` and
the creation date, ignoring every annotation, so a TimeML corpus can be run
as is.  It streams the document through expat and refuses a DTD (hence any
entity declaration) and absurd nesting.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.parsers import expat

from timeline._errors import InputError

_DCT_VALUE = re.compile(r"^(\d{4})-?(\d\d)-?(\d\d)(?:T.*)?$")
# Real TimeML nests a handful of levels; far deeper is junk or an attack.
MAX_TIMEML_DEPTH = 256
# Feed expat in slices so that no second full copy of the document is made.
_CHUNK = 1 << 20


def _local(tag: str) -> str:
    # expat gives a namespaced name as "uri}TEXT".
    return tag.rsplit("}", 1)[-1]


class _Reader:
    """expat handlers that keep only what ``read_timeml`` needs, as it streams by."""

    def __init__(self) -> None:
        self.depth = 0
        self.texts = 0  # <TEXT> elements seen
        self.text_depth = 0  # > 0 while inside the first <TEXT>
        self.chunks: list[str] = []
        self.dct_holders = 0  # <DCT> elements seen
        self.holder_depth = 0  # > 0 while inside the first <DCT>
        self.creation: str | None = None  # value of the first CREATION_TIME TIMEX3
        self.held: str | None = None  # value of the first TIMEX3 in the first <DCT>

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth > MAX_TIMEML_DEPTH:
            raise InputError(f"TimeML nested more than {MAX_TIMEML_DEPTH} elements deep")
        if self.text_depth:
            self.text_depth += 1
        if self.holder_depth:
            self.holder_depth += 1
        tag = _local(name)
        if tag == "TEXT":
            self.texts += 1
            if self.texts == 1:
                self.text_depth = 1
        elif tag == "DCT":
            self.dct_holders += 1
            if self.dct_holders == 1:
                self.holder_depth = 1
        elif tag == "TIMEX3":
            value = attrs.get("value") or ""
            if self.creation is None and attrs.get("functionInDocument") == "CREATION_TIME":
                self.creation = value
            if self.held is None and self.holder_depth:
                self.held = value

    def end(self, _name: str) -> None:
        self.depth -= 1
        self.text_depth = max(0, self.text_depth - 1)
        self.holder_depth = max(0, self.holder_depth - 1)

    def chars(self, data: str) -> None:
        if self.text_depth:
            self.chunks.append(data)


def _refuse_dtd(*_args: object) -> None:
    raise InputError("TimeML with a DOCTYPE is refused: DTDs and entities are not read")


def read_timeml(xml_text: str) -> tuple[str, dt.date]:
    """The raw text and creation date of a TimeML document.

    The text is the character content of ``<TEXT>`` with every tag removed
    and the predefined entities and character references decoded; the date is
    the value of the TIMEX3 whose functionInDocument is CREATION_TIME, else
    of the TIMEX3 in ``<DCT>``.  All other annotation is ignored.  The
    document is streamed: memory grows with the text kept, not the markup.

    Raises:
        InputError: malformed XML, a DOCTYPE (so any entity declaration),
            nesting deeper than ``MAX_TIMEML_DEPTH``, no TEXT (or more than
            one), no DCT, or a DCT value that is not a calendar date.
    """
    reader = _Reader()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.chars
    # Refused at the DOCTYPE, before any of the DTD is read; entity
    # declarations can only come from a DTD but are refused as well.
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    at = 0
    try:
        for at in range(0, len(xml_text), _CHUNK):
            parser.Parse(xml_text[at : at + _CHUNK], False)
        parser.Parse("", True)
    except expat.ExpatError as exc:
        raise InputError(f"not well-formed TimeML: {exc}") from None
    except UnicodeEncodeError as exc:  # a lone surrogate: no UTF-8 for expat
        raise InputError(
            f"not well-formed TimeML: character {exc.object[exc.start]!r} "
            f"at offset {at + exc.start} is not text"
        ) from None
    if not reader.texts:
        raise InputError("not TimeML: no <TEXT> element")
    if reader.texts > 1:
        raise InputError(f"not TimeML: {reader.texts} <TEXT> elements, expected one")
    return "".join(reader.chunks), _creation_day(reader)


def _creation_day(reader: _Reader) -> dt.date:
    """The creation time's date: the CREATION_TIME TIMEX3, else the one in <DCT>."""
    value = reader.creation if reader.creation is not None else reader.held
    if value is None:
        raise InputError(
            "not TimeML: no creation time (a TIMEX3 with functionInDocument=CREATION_TIME "
            "or inside <DCT>)"
        )
    value = value.strip()
    match = _DCT_VALUE.match(value)
    try:
        if match is None:
            raise ValueError
        day = dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise InputError(f"TimeML creation time {value!r} is not a calendar date") from None
    return day
