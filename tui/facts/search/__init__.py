"""Ranked search over a fact base: Korean- and typo-aware, fast enough to run on every keystroke.

No Textual here. Build the index once, when the file is loaded, and query it as the user types::

    index = SearchIndex.build(facts)
    result = index.search("대구", limit=50)          # SearchResult: .hits (best first), .total
    ids = index.ranked_ids("lvis", kinds={"project"})  # every match in rank order, no snippets
    shown = index.matches(section_ids, "neuro")      # filter one section's list, keeping its order
    hit = index.hit("lvis", "엘비스")                  # field, snippet and span for one entity
    span = match_span("대구시 산격청사", "ㄷㄱ")        # highlight the query in any text: (0, 2)

What matches
    Every field the field table (`tui.facts.fields`) gives a search tier (`Field.search`):
    ids; names and aliases (Korean and English; a source's title counts as its name); tags;
    amounts (``760억``, ``760억 원``, ``76 billion``, ``KRW 76.0 billion``, ``76000000000``),
    dates (``2023-03``, ``2028``) and measures (``330,000 m²``); places, locations, a source's
    outlet and author; commitments, investment purposes, role titles, visions, goals, date
    notes, quotes (event quotes and provenance quotes) and summaries. Not references, choices,
    urls or counts: an entity is found by its own name, not by the names it points to. Amount and date
    texts come from `tui.facts.money`, so they read exactly as the rest of the program prints
    them. A project's period ``2023–2028`` is matched by its end years as text, and a year
    strictly inside it (``2025``) finds the project too (rank SUBSTRING, field ``"period"``,
    the whole period highlighted), but only if nothing else in the entity matches, and only
    for periods of up to `MAX_PERIOD_YEARS` years.

Normalization
    Query and data are NFC-normalized and case-folded (`str.casefold`), and runs of whitespace
    count as one space, so ``LVIS``, ``lvis`` and an NFD-typed ``엘비스`` all work.

Korean initials (choseong)
    A query character that is an initial consonant (ㄱ … ㅎ, compatibility or conjoining jamo)
    matches any syllable starting with it; a full syllable matches itself: ``ㄷㄱ`` and ``대ㄱ``
    both find 대구. Only names, titles and aliases are searched this way, and only by queries that
    contain such a jamo.

Spacing and punctuation in names
    Names, aliases and ids also match with spaces and punctuation dropped on both sides, within
    one value: ``lee jin hyung``, ``leejinhyung`` and ``Lee Jin Hyung`` find Lee Jin-hyung,
    ``neuro match`` finds NeuroMatch, ``이 진형`` finds 이진형 (rank SPACING). A match that starts
    with a Latin letter or digit must start where a word of the name starts (``leel`` does not
    find "Ramble Eel"); a Korean one may start anywhere, as Korean words run together. Queries
    of several words are matched this way; a query of one word only if no indexed word contains
    it (``daegu`` is found as it is, ``daegucity`` finds Daegu City). It needs 4 to 100 letters
    or digits (3 if any is not Latin), at least one a letter, and no initial consonants.

Typos
    Each query word of at least 4 Latin letters may carry a typo: it matches a name or alias
    word within optimal-string-alignment distance (Damerau-Levenshtein, a swap of neighbours
    being one edit) 1 (a word of 4–7 letters) or 2 (8 or more) of it, so ``nueromatch`` finds
    NeuroMatch. In a query of several words, one word with a typo is
    enough for the others to be looked for anywhere in the names, aliases and id, in any order:
    each as typed at a word start (so the last word may still be being typed) or with a typo
    of its own. ``moter valley``, ``valley moter``, ``moter val`` and ``stanfrod univresity``
    all find what they mean. Words shorter than 4 letters never carry a typo.

Ranking
    Each entity appears once, with its best match. Better ranks first (`Rank`: EXACT, PREFIX,
    WORD_PREFIX, SUBSTRING, SPACING, INITIALS, FUZZY). EXACT means the query is a whole field
    value and PREFIX that a value starts with it; both apply to the short fields only (names, ids, tags,
    amounts, dates, places), never to long text (summaries, commitments, quotes), which match
    from WORD_PREFIX down. A word starts after any character that is not a letter or a digit,
    so in ``lee-jin-hyung`` and ``(주)코아`` every part starts a word. Within a rank, fields
    come in tiers: names (id, name, aliases) first, then tags, then amounts and dates, then
    places, then long text. Ties then go by kind (`ENTITY_KINDS` order), label (in the
    requested language, case-folded), and id, so the order is always the same. Among SPACING
    matches, entities with a value that equals the query (spacing aside) come first.

Speed
    At build time every field is case-folded once into one string per entity: its field tiers
    in order, with a marker before each word start (arrays say where each tier ends), so that
    each ranking rule is a plain substring test that C code runs over many entities at once.
    The names are kept once more with syllables turned into initials, for initials queries and,
    as they equal the names wherever there is no Hangul, for other queries' name checks, and
    once more with everything but letters and digits dropped, for SPACING matches. A word
    list (every distinct run of letters and digits, with the entities using it) finds the
    candidates of a new query without reading all the text: an occurrence of a query word lies
    inside one indexed word. A query that extends the previous one re-checks only the previous
    matches. EXACT and PREFIX look values up by bisection in a sorted table of where the short
    fields' values are, and with a `limit` the ranking stops as soon as the best `limit`
    entities are known. Typo matches compare the query word with a vocabulary of the names'
    Latin words of about its length (rapidfuzz computes the distance, in C); the entities of
    the words found are kept for the next keystroke.
    For 100,000 entities: about 5–7 s to build, under 30 ms per keystroke at the 95th
    percentile (`benchmarks/search_bench.py`), and about 105 MB for the index, of which the
    spacing-free names and the sorted word list take a sixth (the build folds a slice of
    entities at a time, so its peak stays lower than folding everything at once). Nothing in
    it is a list, dict or set per entity, so the garbage collector has little to walk.

Layout (one job per module, each layer a class built on the one before)
    `results` what a search returns (`Rank`, `Hit`, `SearchResult`); `normalize` folding and
    marking text, and a parsed query; `fields` what is searchable, in tiers; `typos` the typo
    distance; `snippets` spans and snippets (`match_span`, `snippet`); `build` the tables
    (`IndexTables`); `candidates` which entities match (`Candidates`, with the caches);
    `ranking` in what order (`Ranking`); `hits` where each matched (`Hits`); `index` the
    public API (`SearchIndex`).
"""

from __future__ import annotations

from tui.facts.search.fields import hit_label
from tui.facts.search.index import SearchIndex
from tui.facts.search.normalize import normalize_query
from tui.facts.search.results import Hit, Rank, SearchResult
from tui.facts.search.snippets import match_span, snippet

__all__ = [
    "Hit",
    "Rank",
    "SearchIndex",
    "SearchResult",
    "hit_label",
    "match_span",
    "normalize_query",
    "snippet",
]
