"""tag(): find, parse and resolve every temporal expression of a text."""

from __future__ import annotations

import datetime as dt
import functools
import re
from fractions import Fraction

import attrs
from lark.exceptions import VisitError

from timeline._collector import collector_paused
from timeline._errors import MAX_TEXT_CHARS, InputError
from timeline.expressions._compose import (
    bare_hour_signals,
    bare_hours,
    conjoined_days,
    with_days,
    with_shared_sets,
)
from timeline.expressions._context import (
    sentence_bounds,
    signal_before,
    word_before,
)
from timeline.expressions._formats import abbreviation_is_latent, is_rate_or_share
from timeline.expressions._meaning import MeaningBuilder
from timeline.expressions._meaning_model import (
    Amount,
    AnaphoricUnit,
    CalendarDate,
    Duration,
    Reject,
    ReportedPeriod,
    SeasonOf,
    Vague,
)
from timeline.expressions._model import TimeExpression, TimexType
from timeline.expressions._reference import Reference, choose_reference, sets_reference
from timeline.expressions._resolve import Context, Resolution, as_future_shift, resolve
from timeline.expressions._scan import Scanner
from timeline.expressions._side import ClauseReading
from timeline.expressions._tables import context_cues
from timeline.text import TextAnalysis

# How close a reference must be to lend its year ("in 2019 ... on December 2").
_LOCAL_REFERENCE_REACH = 120

@functools.cache
def _age_pattern() -> re.Pattern[str]:
    """'-old' after a duration: "a 44-year-old" is an age, not a duration."""
    words = "|".join(re.escape(w) for w in context_cues().age_words)
    return re.compile(rf"-?\s?(?:{words})\b", re.IGNORECASE)
_DIGIT_BEFORE = re.compile(r"\d[^\S\n]*$")
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")

# Meanings whose resolution depends on the tense of their clause.
_TENSE_SENSITIVE_RULES = {"weekday_ref", "month_ref", "month_day", "day_month", "quarter",
                          "season", "holiday", "the_unit", "ordinal_day", "day_part",
                          "clock_with_day", "modified", "week_of", "weekday_date",
                          "day_clock", "bare_hour_with_day", "conjoined_day", "holiday_week",
                          "day_around"}  # fmt: skip


@attrs.frozen
class Found:
    start: int
    end: int
    meaning: object
    rule: str


@functools.cache
def _engine() -> tuple[Scanner, MeaningBuilder]:
    return Scanner(), MeaningBuilder()


# Parsing and transforming depend only on the token sequence, and news
# repeats its phrases ("on Friday", "last year"): a bounded cache of meanings.
_MEANING_CACHE_SIZE = 4096
_REJECTED = object()


@functools.lru_cache(maxsize=_MEANING_CACHE_SIZE)
def _meaning_of(key: tuple[tuple[str, str], ...]) -> tuple[object, str]:
    scanner, builder = _engine()
    tree = scanner.parse(key)
    try:
        meaning = builder.transform(tree)
    except VisitError as exc:
        # Reject: the calendar refuses it; ValueError/OverflowError: a number
        # too large for the arithmetic ("the year 9999...9").
        if isinstance(exc.orig_exc, Reject | ValueError | OverflowError):
            return _REJECTED, ""
        raise
    if isinstance(meaning, ReportedPeriod):  # "the 1988 quarter" parses as an amount and unit
        return meaning, "latest_period" if meaning.year is None else "year_period"
    return meaning, _rule_name(tree)


def find_expressions(text: str) -> list[Found]:
    """Spans and meanings, in text order, longest match first at each start."""
    scanner, _builder = _engine()
    found: list[Found] = []
    pos = 0
    for anchor in scanner.anchors(text):
        if anchor < pos:
            continue
        for start in scanner.starts(text, anchor, pos):
            item = _longest_at(text, scanner, start)
            if item is not None:
                found.append(item)
                pos = item.end
                break
    return found


def _longest_at(text: str, scanner: Scanner, start: int) -> Found | None:
    """The longest expression beginning at start that is not a latent reading."""
    tokens, lengths = scanner.longest(text, start)
    for length in reversed(lengths):
        key = tuple((t[0], t[1].casefold()) for t in tokens[:length])
        meaning, rule = _meaning_of(key)
        if meaning is _REJECTED:
            continue
        first = _extent_start(key, meaning)
        if _is_latent(text, tokens[:length], first, meaning, rule):
            continue
        return Found(tokens[first][2], tokens[length - 1][3], meaning, rule)
    return None


def _extent_start(key: tuple[tuple[str, str], ...], meaning: object) -> int:
    """Index of the first token of the TimeML extent.

    An approximator stays outside a duration's extent ("about [five hours]",
    its mod records it), and "the" stays outside a hyphenated compound used
    as an adjective ("the [third-quarter] loss").
    """
    if isinstance(meaning, Duration) and key[0][0] == "APPROX" and len(key) > 1:
        return 1
    if key[0][0] == "THE" and len(key) > 2 and key[2][0] == "HYPHEN":
        return 1
    return 0


def _rule_name(tree: object) -> str:
    while hasattr(tree, "children") and len(tree.children) == 1 and hasattr(tree.children[0], "data"):
        if str(tree.data) != "start":
            break
        tree = tree.children[0]
    return str(getattr(tree, "data", ""))


def _is_latent(
    text: str, tokens: list[tuple[str, str, int, int]], first: int, meaning: object, rule: str
) -> bool:
    """A parse that is usually not a time in running text ("may" the verb,
    "fall" the verb, "a 44-year-old", "daily flights"); word lists in
    context_cues.toml."""
    cues = context_cues()
    start, end = tokens[first][2], tokens[-1][3]
    types = [t[0] for t in tokens[first:]]
    following = _NEXT_WORD.match(text, end)
    next_word = following.group(1) if following else None
    before = word_before(text, start)
    if isinstance(meaning, Duration) and _age_pattern().match(text, end):
        return True  # an age, not a duration
    if isinstance(meaning, Duration) and is_rate_or_share(text, types, start, meaning, next_word):
        return True  # "$1.76 a year", "three-quarters of its food"
    if isinstance(meaning, Duration) and meaning.bare and _DIGIT_BEFORE.search(text, max(0, start - 16), start):
        return True  # "0 days", "5 1/0 hours": a count the grammar refused, not a vague amount
    if rule == "frequency_adverb" and next_word and next_word.islower():
        if next_word not in cues.function_words:
            return True  # an adjective before its noun
    if isinstance(meaning, Vague):
        frame = cues.latent_frames.get(meaning.key)
        if frame and before == frame[0] and next_word == frame[1]:
            return True  # "as soon as possible"
    if "WEEKDAY" in types and abbreviation_is_latent(tokens[first:]):
        return True  # "the Sun", "sat down": a word, not a weekday
    if rule in ("bare_hour_with_day", "bare_hour_in_part") and before not in bare_hour_signals():
        return True  # "rose to 7 yesterday": a count; "at 7 yesterday" is a clock
    if types == ["A", "SECOND"] and next_word:
        return True  # "a second time": the ordinal
    if types[0] in ("LAST", "SEASON") and before in cues.verb_last_before:
        if types[0] == "LAST" or tokens[first][1].casefold() in cues.verb_seasons:
            return True  # "could last three weeks", "began to fall apart": the verb
    if rule == "ordinal_day" and next_word and next_word not in cues.function_words:
        return True  # "the 11th Circuit", "the 25th anniversary": an ordinal before its noun
    if isinstance(meaning, CalendarDate) and meaning.month and not meaning.year:
        months = [t for t in tokens[first:] if t[0] in ("MONTH", "MONTH_ABBR")]
        if any(t[1].islower() for t in months):
            return True  # month names are capitalised: a lowercase one is a verb or a word
        if not meaning.day and types[-1] == "MONTH_ABBR":
            return True  # "Jan Kavan": an abbreviation needs its dot or a day
        if (
            len(types) == 1
            and months[0][1].casefold() in cues.modal_months
            and signal_before(text, start) is None
        ):
            return True  # "May we ask": the modal
    if (
        isinstance(meaning, SeasonOf)
        and meaning.year is None
        and meaning.direction is None
        and signal_before(text, start) is None
    ):
        return True  # "the fall of the city", "spring water"
    return False


def publication_day(published: object) -> dt.date:
    """The day of a publication date or datetime; InputError for anything else."""
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    raise InputError(f"published must be a date or datetime, not {type(published).__name__}")


def _validate(text: object, published: object) -> dt.date:
    if not isinstance(text, str):
        raise InputError(f"text must be str, not {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text of {len(text):,} characters exceeds the limit of {MAX_TEXT_CHARS:,}")
    return publication_day(published)


def tag(
    text: str, published: dt.date | dt.datetime, *, analysis: TextAnalysis | None = None
) -> list[TimeExpression]:
    """Every temporal expression of ``text``, in text order, resolved.

    Deictic expressions are resolved against ``published``; anaphoric ones
    ("two days later", "that month") against the reference time carried
    through the text: the last specific date mentioned before them.  A bare
    weekday or month takes the side of publication of its clause's tense in
    the text stage's reading; pass ``analysis`` (``timeline.text.read(text)``)
    to share a reading the caller has made (the result is the same).
    """
    pub = _validate(text, published)
    if analysis is not None and analysis.text is not text and analysis.text != text:
        raise InputError("analysis is the reading of another text")
    if text.startswith("\ufeff"):
        text = " " + text[1:]  # a byte-order mark must not hide the first word
        analysis = None  # read from the text as changed
    with collector_paused():  # many small objects, no cycles: a tenth of a first pass
        return _tag_text(text, pub, ClauseReading(text, analysis))


def _tag_text(text: str, pub: dt.date, reading: ClauseReading) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    history: dict[str, Reference] = {}  # the last time mentioned of each grain
    for i, found in enumerate(_with_bare_hours(text, find_expressions(text)), start=1):
        item = _one_day_to_come(text, found)
        signal = signal_before(text, item.start)
        meaning, ctx, ref = _in_context(text, item, signal, pub, reading, history)
        res = _resolve_safely(meaning, ctx)
        tid = f"t{i}"
        out.append(_expression(text, item, res, tid, ref, pub, signal))
        if sets_reference(meaning, res):
            history[res.period.grain] = Reference(  # type: ignore[union-attr]
                res.period, tid, item.end, guessed=bool(res.alternatives))
    return with_shared_sets(text, with_days(text, out))


def _stepped_unit(text: str, item: Found, meaning: object) -> object:
    """'the day after his death': one unit from the time just mentioned (not
    after a comma: "Oct. 12, the day before the crash" restates Oct. 12)."""
    if not (isinstance(meaning, AnaphoricUnit) and meaning.bare and meaning.offset == 0):
        return meaning
    following = _NEXT_WORD.match(text, item.end)
    step = context_cues().unit_steps.get(following.group(1).casefold()) if following else None
    if step is None or text[max(0, item.start - 24) : item.start].rstrip().endswith(","):
        return meaning
    return AnaphoricUnit(meaning.unit, step)


def _one_day_to_come(text: str, item: Found) -> Found:
    """'will one day be': an indefinite time to come (FUTURE_REF), not a day's length."""
    if text[item.start : item.end].casefold() != "one day":
        return item
    if word_before(text, item.start) not in context_cues().one_day_after:
        return item
    return attrs.evolve(item, meaning=Vague("the_future"), rule="one_day")


def _with_bare_hours(text: str, found: list[Found]) -> list[Found]:
    """``found``, the bare hours beside its days ("at 6 on Friday") and the
    days joined to a month and day ("April 24 and 25")."""
    extra = [Found(s, e, clock, "bare_hour") for s, e, clock in bare_hours(text, found)]
    extra += [Found(s, e, m, "conjoined_day") for s, e, m in conjoined_days(text, found)]
    return sorted(found + extra, key=lambda f: f.start) if extra else found




def _in_context(
    text: str,
    item: Found,
    signal: tuple[str, int, int] | None,
    pub: dt.date,
    reading: ClauseReading,
    history: dict[str, Reference],
) -> tuple[object, Context, Reference | None]:
    """The meaning to resolve and what to resolve it against: the side its
    signal fixes ("since March 1": already past) or else the tense of its
    clause, read only if the resolver asks, and the reference time."""
    meaning = item.meaning
    cues = context_cues()
    firm = (signal is not None and signal[0].casefold() in cues.past_signals) or (
        signal is None and word_before(text, item.start) in cues.past_words
    )
    tense = None
    if not firm and (item.rule in _TENSE_SENSITIVE_RULES or isinstance(meaning, Duration)):
        left, word = (signal[1], signal[0]) if signal else (item.start, None)
        tense = functools.partial(reading.side, item.start, item.end, left, word)
    if tense is not None and _shift_in_future(meaning, signal) and tense().direction == "future":
        meaning = as_future_shift(meaning)  # type: ignore[arg-type]
    meaning = _stepped_unit(text, item, meaning)
    if isinstance(meaning, AnaphoricUnit) and meaning.unit == "year" and meaning.offset == 0:
        following = _NEXT_WORD.match(text, item.end)
        if following and following.group(1).casefold() in cues.period_end_words:
            meaning = Duration(Amount(Fraction(1)), "year")  # "the year ended March 31"
    ref = choose_reference(meaning, history)
    # The cue sentence of _context, not the text stage's: splitting every text
    # that has a reference would cost a third of tag() for no change in value.
    # a guessed year is no evidence of the year of a date beside it
    in_sentence = (
        ref is not None
        and not ref.guessed
        and ref.end >= sentence_bounds(text, item.start, item.end)[0]
        and item.start - ref.end <= _LOCAL_REFERENCE_REACH
    )
    ctx = Context(published=pub, reference=ref.period if ref else None,
                  direction="past" if firm else None, tense=tense, firm_direction=firm,
                  reference_in_sentence=in_sentence)  # fmt: skip
    return meaning, ctx, ref


def _shift_in_future(meaning: object, signal: tuple[str, int, int] | None) -> bool:
    """'in three weeks': a counted duration after a shift signal, which a
    future clause makes a date ("will reopen in three weeks")."""
    return (
        isinstance(meaning, Duration)
        and meaning.window is None
        and not meaning.bare
        and meaning.amount.value is not None
        and signal is not None
        and signal[0].casefold() in context_cues().shift_signals
    )


def _resolve_safely(meaning: object, ctx: Context) -> Resolution:
    """Resolve, or say why not: calendar arithmetic can leave the years a
    date can hold ("9999 years from now", published 9999-12-31)."""
    try:
        return resolve(meaning, ctx)
    except (OverflowError, ValueError) as exc:
        return Resolution(type=TimexType.DATE, value=None, anchor="none",
                          notes=(f"outside the calendar's range: {exc}",))  # fmt: skip


def _expression(text, item, res, tid, ref, pub, signal) -> TimeExpression:  # type: ignore[no-untyped-def]
    if res.anchor == "reference":
        anchor_tid = ref.tid if ref else "t0"
        anchor_value = ref.period.value if ref else pub.isoformat()
    elif res.anchor == "publication":
        anchor_tid, anchor_value = "t0", pub.isoformat()
    else:
        anchor_tid, anchor_value = None, None
    return TimeExpression(
        tid=tid,
        start=item.start,
        end=item.end,
        text=text[item.start : item.end],
        type=res.type,
        value=res.value,
        mod=res.mod,
        earliest=res.earliest,
        latest=res.latest,
        anchor=res.anchor,
        anchor_tid=anchor_tid,
        anchor_value=anchor_value,
        signal=signal[0] if signal else None,
        signal_start=signal[1] if signal else None,
        signal_end=signal[2] if signal else None,
        quant=res.quant,
        freq=res.freq,
        rule=item.rule,
        direction=res.direction,
        notes=res.notes,
        alternatives=res.alternatives,
    )
