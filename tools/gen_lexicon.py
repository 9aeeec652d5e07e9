#!/usr/bin/env python3
"""Turn the lexicon data files (data/*.tsv) into C tables for diplo_lexicon.c.

Usage: gen_lexicon.py DATA_DIR OUT.c

Every file is UTF-8, one entry per line, columns separated by one tab;
blank lines and lines starting with '#' are comments.  A field '-' means
"none".  The files are validated (column counts, enumerated values,
duplicate phrases, references between files); on any problem the script
prints "file:line: message" for each and exits 1 without writing OUT.c.

Phrases are cut into words the way the analyser's tokenizer cuts text:
words are separated by spaces; a possessive 's / ’s at the end of a word
becomes its own word ("People's Republic" -> "People", "'s", "Republic");
the punctuation , ; : ! ? ( ) " “ ” at either end of a word becomes its own
one-character word; '.', '-' and apostrophes inside or at the end of a
word are kept ("U.S.", "Mr.", "d'Orsay", "COVID-19").  The search key of a
phrase is its words folded (ASCII and Latin-1 capitals lowercased, ’ and ‘
made ') joined by one space; the C side folds text words the same way.

A phrase written with a leading '=' is case-sensitive: it matches only
when the text has exactly these letters ("=US" matches "US", not "us").
In orgs.tsv the case column (cs|ci) says the same thing.

The output is deterministic: tables sorted bytewise by key.
"""

import os
import sys

# Organisation kinds shared by titles.tsv and orgs.tsv (the link between a
# role and the organisation it belongs to).
ORG_KINDS = {
    'foreign_ministry', 'defence_ministry', 'finance_ministry',
    'interior_ministry', 'trade_ministry', 'energy_ministry',
    'justice_ministry', 'health_ministry', 'ministry', 'government',
    'head_of_state', 'legislature', 'military', 'intelligence', 'embassy',
    'international', 'judiciary', 'central_bank', 'local_government',
    'party', 'armed_group', 'media', 'company', 'ngo', 'security_council',
}

CUE_CLASSES = {'speech': 'DIPLO_CUE_SPEECH', 'stance': 'DIPLO_CUE_STANCE',
               'topic': 'DIPLO_CUE_TOPIC'}
CUE_FLAGS = {'takes_object': 'DIPLO_CUE_TAKES_OBJECT',
             'participle': 'DIPLO_CUE_PARTICIPLE',
             'present': 'DIPLO_CUE_PRESENT',
             'quote_only': 'DIPLO_CUE_QUOTE_ONLY',
             'clause': 'DIPLO_CUE_CLAUSE',
             'by_agent': 'DIPLO_CUE_BY_AGENT',
             'to_object': 'DIPLO_CUE_TO_OBJECT',
             'for_object': 'DIPLO_CUE_FOR_OBJECT',
             'after_make': 'DIPLO_CUE_AFTER_MAKE',
             'it_object': 'DIPLO_CUE_IT_OBJECT',
             'named_subject': 'DIPLO_CUE_NAMED_SUBJECT',
             'particle': 'DIPLO_CUE_PARTICLE'}
TITLE_KINDS = {'office': 'DIPLO_TITLE_OFFICE',
               'honorific': 'DIPLO_TITLE_HONORIFIC',
               'role_noun': 'DIPLO_TITLE_ROLE_NOUN'}
ORG_CLASSES = {'government': 'DIPLO_ORG_GOVERNMENT',
               'international': 'DIPLO_ORG_INTERNATIONAL',
               'media': 'DIPLO_ORG_MEDIA', 'other': 'DIPLO_ORG_OTHER',
               'channel': 'DIPLO_ORG_CHANNEL'}
PLACE_KINDS = {'name': 'DIPLO_PLACE_NAME', 'demonym': 'DIPLO_PLACE_DEMONYM',
               'capital': 'DIPLO_PLACE_CAPITAL'}
PLACE_KIND_NUM = {'name': 0, 'demonym': 1, 'capital': 2}

MAX_WORDS = 12
MAX_KEY_BYTES = 200
EDGE_PUNCT = ',;:!?()"\u201c\u201d'


class Errors:
    """Collects file:line messages."""

    def __init__(self):
        """No messages yet."""
        self.messages = []

    def add(self, where, message):
        """Record one problem at file:line."""
        self.messages.append('%s: %s' % (where, message))


def fold(text):
    """Fold the way diplo_lexicon.c does: ASCII and Latin-1 capitals, quotes."""
    out = []
    for ch in text:
        o = ord(ch)
        if 0x41 <= o <= 0x5A:
            out.append(chr(o + 0x20))
        elif 0xC0 <= o <= 0xDE and o != 0xD7:
            out.append(chr(o + 0x20))
        elif ch in '\u2019\u2018':
            out.append("'")
        else:
            out.append(ch)
    return ''.join(out)


def split_words(phrase):
    """Cut a phrase into words as the analyser's tokenizer would."""
    words = []
    for chunk in phrase.split():
        lead = []
        while chunk and chunk[0] in EDGE_PUNCT:
            lead.append(chunk[0])
            chunk = chunk[1:]
        trail = []
        while chunk and chunk[-1] in EDGE_PUNCT:
            trail.insert(0, chunk[-1])
            chunk = chunk[:-1]
        words.extend(lead)
        if len(chunk) > 2 and chunk[-2] in "'\u2019" and chunk[-1] in 'sS':
            words.append(chunk[:-2])
            words.append(chunk[-2:])
        elif chunk:
            words.append(chunk)
        words.extend(trail)
    return words


def alias_words(words, aliases, keep_before_cap=True):
    """A language's phrase words as the analyser sees them: elisions cut, aliases put
    (an article before a capitalised word kept as itself unless keep_before_cap is
    false: the text may write "de la Défense" or "de la défense")."""
    out = []
    for w in words:
        f = fold(w)
        cut = f.find("'")
        if 0 < cut < len(f) - 1 and f[:cut + 1] in aliases['elisions']:
            out.append(w[:cut + 1])
            w = w[cut + 1:]
            f = fold(w)
        out.append(w)
    return [w if (keep_before_cap and aliases['map'].get(fold(w)) == 'the'
                  and k + 1 < len(out) and out[k + 1][:1].isupper())
            else aliases['map'].get(fold(w), w)
            for k, w in enumerate(out)]


def quote_apostrophes(text):
    """The case-preserving form of a case-sensitive phrase: only quotes made '."""
    return text.replace('\u2019', "'").replace('\u2018', "'")


class Phrase:
    """One searchable phrase: its key, word count and case sensitivity."""

    def __init__(self, text, case_sensitive, aliases=None):
        """Cut and fold the phrase text (a language's words: as its aliases)."""
        self.words = split_words(text)
        self.alt_key = None
        if aliases is not None:
            raw = self.words
            self.words = alias_words(raw, aliases)
            # the key of the same phrase written in lowercase in a text
            if not case_sensitive:
                alt = ' '.join(fold(w) for w in alias_words(raw, aliases, False))
                if alt != ' '.join(fold(w) for w in self.words):
                    self.alt_key = alt
        self.key = ' '.join(fold(w) for w in self.words)
        self.exact = (' '.join(quote_apostrophes(w) for w in self.words)
                      if case_sensitive else None)
        self.nwords = len(self.words)


def parse_phrase(raw, where, errors, case_sensitive=False, aliases=None):
    """A phrase field, with the leading '=' marking case sensitivity."""
    if raw.startswith('='):
        raw = raw[1:]
        case_sensitive = True
    phrase = Phrase(raw, case_sensitive, aliases)
    if not phrase.words:
        errors.add(where, 'empty phrase')
        return None
    if phrase.nwords > MAX_WORDS:
        errors.add(where, 'phrase "%s" has more than %d words'
                   % (raw, MAX_WORDS))
        return None
    if len(phrase.key.encode('utf-8')) > MAX_KEY_BYTES:
        errors.add(where, 'phrase "%s" longer than %d bytes'
                   % (raw, MAX_KEY_BYTES))
        return None
    return phrase


def read_rows(path, ncols, errors):
    """The non-comment lines of a TSV file as (where, fields), checked for width."""
    rows = []
    name = os.path.basename(path)
    try:
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
    except (OSError, UnicodeDecodeError) as e:
        errors.add(name, 'cannot read: %s' % e)
        return rows
    for lineno, line in enumerate(lines, 1):
        line = line.rstrip('\r')
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        where = '%s:%d' % (name, lineno)
        fields = [f.strip() for f in line.split('\t')]
        if isinstance(ncols, tuple):
            ok = ncols[0] <= len(fields) <= ncols[1]
            want = '%d to %d' % ncols
        else:
            ok = len(fields) == ncols
            want = str(ncols)
        if not ok:
            errors.add(where, 'expected %s tab-separated columns, found %d'
                       % (want, len(fields)))
            continue
        if any(f == '' for f in fields):
            errors.add(where, 'empty column (write - for none)')
            continue
        rows.append((where, fields))
    return rows


class KeyTable:
    """The searchable keys of one table, with duplicate checks."""

    def __init__(self, name, errors):
        """An empty table named for its messages."""
        self.name = name
        self.errors = errors
        self.keys = []          # (key, exact, entry, kind)
        self.seen = {}          # key -> list of (exact, where)

    def add(self, phrase, entry, where, kind=0):
        """Add a phrase; the same key twice is an error unless told apart by case."""
        previous = self.seen.setdefault(phrase.key, [])
        for exact, other in previous:
            if exact is None and phrase.exact is None:
                self.errors.add(where, 'duplicate %s phrase "%s" (first at %s)'
                                % (self.name, phrase.key, other))
                return
            if exact is not None and exact == phrase.exact:
                self.errors.add(where, 'duplicate %s phrase "%s" (first at %s)'
                                % (self.name, phrase.exact, other))
                return
        previous.append((phrase.exact, where))
        self.keys.append((phrase.key, phrase.exact, entry, kind,
                          phrase.nwords))
        alt = getattr(phrase, 'alt_key', None)
        if alt is not None and alt not in self.seen:
            self.seen[alt] = [(None, where)]
            self.keys.append((alt, None, entry, kind, phrase.nwords))

    def sorted_keys(self):
        """Keys sorted bytewise, case-sensitive variants before the folded one."""
        return sorted(self.keys, key=lambda k: (k[0].encode('utf-8'),
                                                k[1] is None,
                                                (k[1] or '').encode('utf-8')))

    def max_words(self):
        """The longest phrase, in words."""
        return max((k[4] for k in self.keys), default=1)

    def max_bytes(self):
        """The longest key, in bytes."""
        return max((len(k[0].encode('utf-8')) for k in self.keys), default=1)


def c_string(text):
    """A C string literal, ASCII only (other bytes as 3-digit octal escapes)."""
    if text is None:
        return 'NULL'
    out = ['"']
    for b in text.encode('utf-8'):
        ch = chr(b)
        if ch in '"\\':
            out.append('\\' + ch)
        elif 0x20 <= b < 0x7F:
            out.append(ch)
        else:
            out.append('\\%03o' % b)
    out.append('"')
    return ''.join(out)


def none_or(value):
    """None for the '-' placeholder, else the value."""
    return None if value == '-' else value


def load_cues(data_dir, errors, filename='cues.tsv', entries=None,
              aliases=None):
    """cues.tsv (or a language's cues_xx.tsv): form, lemma, class, flags."""
    table = KeyTable('cue', errors)
    entries = [] if entries is None else entries
    for where, (form, lemma, cls, flags) in read_rows(
            os.path.join(data_dir, filename), 4, errors):
        phrase = parse_phrase(form, where, errors, aliases=aliases)
        if phrase is None:
            continue
        if phrase.nwords != 1:
            errors.add(where, 'cue form "%s" must be one word' % form)
            continue
        if cls not in CUE_CLASSES:
            errors.add(where, 'unknown cue class "%s"' % cls)
            continue
        flag_names = [] if flags == '-' else flags.split(',')
        bad = [f for f in flag_names if f not in CUE_FLAGS]
        if bad:
            errors.add(where, 'unknown cue flag "%s"' % bad[0])
            continue
        flag_expr = ' | '.join(CUE_FLAGS[f] for f in flag_names) or '0'
        entries.append((phrase.key, fold(lemma), CUE_CLASSES[cls], flag_expr))
        table.add(phrase, len(entries) - 1, where)
    return table, entries


TITLE_FLAGS = {'speaks_for_org', 'surname'}


def load_titles(data_dir, errors, filename='titles.tsv', entries=None,
                aliases=None):
    """titles.tsv (or titles_xx.tsv): phrase, role, kind, org_kind, flags."""
    table = KeyTable('title', errors)
    entries = [] if entries is None else entries
    for where, fields in read_rows(
            os.path.join(data_dir, filename), (4, 5), errors):
        text, role, kind, org_kind = fields[:4]
        flags = fields[4].split(',') if len(fields) == 5 and fields[4] != '-' else []
        bad = [f for f in flags if f not in TITLE_FLAGS]
        if bad:
            errors.add(where, 'unknown title flag "%s"' % bad[0])
            continue
        phrase = parse_phrase(text, where, errors, aliases=aliases)
        if phrase is None:
            continue
        if kind not in TITLE_KINDS:
            errors.add(where, 'unknown title kind "%s"' % kind)
            continue
        if org_kind != '-' and org_kind not in ORG_KINDS:
            errors.add(where, 'unknown org_kind "%s"' % org_kind)
            continue
        entries.append((phrase.exact or phrase.key, none_or(role),
                        TITLE_KINDS[kind], none_or(org_kind),
                        'speaks_for_org' in flags, 'surname' in flags))
        table.add(phrase, len(entries) - 1, where)
    return table, entries


def split_phrases(field, where, errors, aliases=None):
    """The parsed phrases of a ';' list (an empty item is an error)."""
    for item in field.split(';'):
        item = item.strip()
        if not item:
            errors.add(where, 'empty item in a ; list')
            continue
        phrase = parse_phrase(item, where, errors, aliases=aliases)
        if phrase is not None:
            yield phrase


def add_place_items(table, index, where, errors, fields, aliases=None):
    """Add the ';' lists of a country row (kind, field pairs; '-' for none)
    to the places table under the country's index."""
    for kind, field in fields:
        if field == '-':
            continue
        for phrase in split_phrases(field, where, errors, aliases):
            table.add(phrase, index, where, PLACE_KIND_NUM[kind])


def load_countries(data_dir, errors):
    """countries.tsv: name, code, aliases, demonyms, capitals."""
    table = KeyTable('place', errors)
    entries = []
    codes = {}
    for where, (name, code, aliases, demonyms, capitals) in read_rows(
            os.path.join(data_dir, 'countries.tsv'), 5, errors):
        if len(code) != 3 or not code.isascii() or not code.isupper():
            errors.add(where, 'code "%s" is not ISO alpha-3' % code)
            continue
        if code in codes:
            errors.add(where, 'duplicate code %s (first at %s)'
                       % (code, codes[code]))
            continue
        codes[code] = where
        entries.append((name.lstrip('='), code))
        index = len(entries) - 1
        add_place_items(table, index, where, errors,
                        (('name', name), ('name', aliases),
                         ('demonym', demonyms), ('capital', capitals)))
    return table, entries


def load_orgs(data_dir, errors, country_names, filename='orgs.tsv',
              entries=None, aliases=None):
    """orgs.tsv (or orgs_xx.tsv): phrase, canonical, kind, org_kind, country, case."""
    table = KeyTable('org', errors)
    entries = [] if entries is None else entries
    for where, (text, canonical, kind, org_kind, country, case) in read_rows(
            os.path.join(data_dir, filename), 6, errors):
        if case not in ('cs', 'ci'):
            errors.add(where, 'case must be cs or ci, not "%s"' % case)
            continue
        phrase = parse_phrase(text, where, errors, case == 'cs', aliases)
        if phrase is None:
            continue
        if kind not in ORG_CLASSES:
            errors.add(where, 'unknown org kind "%s"' % kind)
            continue
        if org_kind != '-' and org_kind not in ORG_KINDS:
            errors.add(where, 'unknown org_kind "%s"' % org_kind)
            continue
        if country != '-' and country not in country_names:
            errors.add(where, 'country "%s" is not a name in countries.tsv'
                       % country)
            continue
        entries.append((phrase.exact or phrase.key, canonical,
                        ORG_CLASSES[kind], none_or(org_kind),
                        none_or(country), phrase.exact is not None))
        table.add(phrase, len(entries) - 1, where)
    return table, entries


def add_topic_keywords(phrases, where, errors, topic, seen, keywords,
                       aliases=None):
    """Append the ;-separated keyword phrases of one topic row to keywords."""
    for phrase in split_phrases(phrases, where, errors, aliases):
        if phrase.exact is not None:
            errors.add(where, 'topic keywords are matched on stems; '
                       'no case-sensitive "=%s"' % item)
            continue
        if phrase.key in seen:
            errors.add(where, 'duplicate topic keyword "%s" (first at %s)'
                       % (phrase.key, seen[phrase.key]))
            continue
        seen[phrase.key] = where
        keywords.append((phrase.key, topic, phrase.nwords))


def load_topics(data_dir, errors):
    """topics.tsv: topic, keyword phrases (;)."""
    names = []
    keywords = []               # (folded words, topic index, nwords)
    seen_topics = {}
    seen_keywords = {}
    for where, (topic, phrases) in read_rows(
            os.path.join(data_dir, 'topics.tsv'), 2, errors):
        if topic in seen_topics:
            errors.add(where, 'duplicate topic "%s" (first at %s)'
                       % (topic, seen_topics[topic]))
            continue
        seen_topics[topic] = where
        names.append(topic)
        add_topic_keywords(phrases, where, errors, len(names) - 1,
                           seen_keywords, keywords)
    return names, keywords


def load_topics_lang(data_dir, errors, filename, topic_index, aliases):
    """topics_xx.tsv: topic (a name of topics.tsv), keyword phrases (;)."""
    keywords = []
    seen = {}
    path = os.path.join(data_dir, filename)
    if not os.path.exists(path):
        return keywords
    for where, (topic, phrases) in read_rows(path, 2, errors):
        if topic not in topic_index:
            errors.add(where, 'topic "%s" is not in topics.tsv' % topic)
            continue
        add_topic_keywords(phrases, where, errors, topic_index[topic], seen,
                           keywords, aliases)
    return keywords


def load_org_heads(data_dir, errors):
    """org_heads.tsv: one word per line (the last word of an organisation's name)."""
    table = KeyTable('org head', errors)
    for where, (word,) in read_rows(
            os.path.join(data_dir, 'org_heads.tsv'), 1, errors):
        phrase = parse_phrase(word, where, errors)
        if phrase is None:
            continue
        if phrase.nwords != 1:
            errors.add(where, 'org head "%s" must be one word' % word)
            continue
        table.add(phrase, 0, where)
    return table


def load_regions(data_dir, errors, place_table):
    """regions.tsv: one place phrase per line (states, provinces, streets),
    none of them a country name, demonym or capital of countries.tsv."""
    table = KeyTable('region', errors)
    for where, (text,) in read_rows(
            os.path.join(data_dir, 'regions.tsv'), 1, errors):
        phrase = parse_phrase(text, where, errors)
        if phrase is None:
            continue
        if phrase.key in place_table.seen:
            errors.add(where, 'region "%s" is also a place of countries.tsv (first at %s)'
                       % (text, place_table.seen[phrase.key][0][1]))
            continue
        table.add(phrase, 0, where)
    return table


def load_events(data_dir, errors):
    """events.tsv: phrase, event, CAMEO code."""
    table = KeyTable('event', errors)
    entries = []
    for where, (text, event, cameo) in read_rows(
            os.path.join(data_dir, 'events.tsv'), 3, errors):
        phrase = parse_phrase(text, where, errors)
        if phrase is None:
            continue
        if not (cameo.isdigit() and 2 <= len(cameo) <= 4):
            errors.add(where, 'CAMEO code "%s" is not 2 to 4 digits' % cameo)
            continue
        entries.append((phrase.exact or phrase.key, event, cameo))
        table.add(phrase, len(entries) - 1, where)
    return table, entries


# The languages besides English, in the order of DiploLanguage after EN.
LANGS = ('fr', 'es', 'de')
LANG_ENUM = {'en': 'DIPLO_LANG_EN', 'fr': 'DIPLO_LANG_FR',
             'es': 'DIPLO_LANG_ES', 'de': 'DIPLO_LANG_DE'}


def load_languages(data_dir, errors):
    """languages.tsv: language, word, English alias (- for none), counted
    for the guess (yes/no)."""
    rows = []
    seen = {}
    aliases = {lang: {'map': {}, 'elisions': set()} for lang in LANGS}
    for where, (lang, word, alias, guess) in read_rows(
            os.path.join(data_dir, 'languages.tsv'), 4, errors):
        if lang not in LANG_ENUM:
            errors.add(where, 'unknown language "%s"' % lang)
            continue
        if guess not in ('yes', 'no'):
            errors.add(where, 'guess "%s" must be yes or no' % guess)
            continue
        if guess == 'no' and alias == '-':
            errors.add(where, 'word "%s" neither counts for the guess nor has an alias'
                       % word)
            continue
        key = fold(word)
        if ' ' in key or len(key.encode('utf-8')) > 24:
            errors.add(where, 'word "%s" must be one word of 24 bytes at most'
                       % word)
            continue
        if (lang, key) in seen:
            errors.add(where, 'duplicate word "%s" (first at %s)'
                       % (word, seen[(lang, key)]))
            continue
        seen[(lang, key)] = where
        if alias != '-' and lang == 'en':
            errors.add(where, 'English words take no alias')
            continue
        if alias != '-' and not (alias.isascii() and alias.islower()
                                 and alias.isalpha()):
            errors.add(where, 'alias "%s" must be one lowercase English word'
                       % alias)
            continue
        if lang != 'en':
            if alias != '-':
                aliases[lang]['map'][key] = alias
            if key.endswith("'"):
                aliases[lang]['elisions'].add(key)
        rows.append((LANG_ENUM[lang], key, none_or(alias), guess == 'yes'))
    rows.sort(key=lambda r: (r[0], r[1].encode('utf-8')))
    return rows, aliases


def load_countries_lang(data_dir, errors, filename, codes, aliases):
    """countries_xx.tsv: code, names, demonyms, capitals in that language."""
    table = KeyTable('place', errors)
    path = os.path.join(data_dir, filename)
    if not os.path.exists(path):
        return table
    for where, (code, names, demonyms, capitals) in read_rows(path, 4,
                                                             errors):
        if code not in codes:
            errors.add(where, 'code "%s" is not in countries.tsv' % code)
            continue
        add_place_items(table, codes[code], where, errors,
                        (('name', names), ('demonym', demonyms),
                         ('capital', capitals)), aliases=aliases)
    return table


def load_lang_file(data_dir, filename, loader, *args, **kwargs):
    """A language's file through its loader; an empty table if it is absent."""
    if not os.path.exists(os.path.join(data_dir, filename)):
        return None
    return loader(data_dir, *args, filename=filename, **kwargs)


def emit_index(out, name, table):
    """The sorted key array and the DiploLexIndex describing it."""
    keys = table.sorted_keys()
    out.append('static const DiploLexKey diplo_lex_%s_keys[] = {' % name)
    for key, exact, entry, kind, _ in keys:
        out.append('\t{%s, %s, %d, %d},' % (c_string(key), c_string(exact),
                                             entry, kind))
    if not keys:
        out.append('\t{"", NULL, 0, 0},')
    out.append('};')
    out.append('const DiploLexIndex diplo_lex_%s_index = {' % name)
    out.append('\tdiplo_lex_%s_keys, %d, %d, %d' % (name, len(keys),
                                                   table.max_words(),
                                                   table.max_bytes()))
    out.append('};')
    out.append('')


def generate(data_dir):
    """All tables as C source text, or None with errors printed."""
    errors = Errors()
    cue_table, cues = load_cues(data_dir, errors)
    title_table, titles = load_titles(data_dir, errors)
    place_table, countries = load_countries(data_dir, errors)
    org_table, orgs = load_orgs(data_dir, errors,
                                {name for name, _ in countries})
    topics, keywords = load_topics(data_dir, errors)
    event_table, events = load_events(data_dir, errors)
    org_head_table = load_org_heads(data_dir, errors)
    region_table = load_regions(data_dir, errors, place_table)
    lang_words, aliases = load_languages(data_dir, errors)
    codes = {code: k for k, (_, code) in enumerate(countries)}
    lang_tables = {}
    for lang in LANGS:
        al = aliases[lang]
        cue_t = load_lang_file(data_dir, 'cues_%s.tsv' % lang, load_cues,
                               errors, entries=cues, aliases=al)
        title_t = load_lang_file(data_dir, 'titles_%s.tsv' % lang,
                                 load_titles, errors, entries=titles,
                                 aliases=al)
        org_t = load_lang_file(data_dir, 'orgs_%s.tsv' % lang, load_orgs,
                               errors, {name for name, _ in countries},
                               entries=orgs, aliases=al)
        place_t = load_countries_lang(data_dir, errors,
                                      'countries_%s.tsv' % lang, codes, al)
        lang_tables[lang] = [
            cue_t[0] if cue_t else KeyTable('cue', errors),
            title_t[0] if title_t else KeyTable('title', errors),
            org_t[0] if org_t else KeyTable('org', errors),
            place_t]
    topic_index = {name: k for k, name in enumerate(topics)}
    lang_topics = {lang: load_topics_lang(data_dir, errors,
                                          'topics_%s.tsv' % lang,
                                          topic_index, aliases[lang])
                   for lang in LANGS}
    if len(countries) == 0 or len(topics) == 0:
        errors.add(data_dir, 'no countries or no topics')
    for n, what in ((len(cues), 'cues'), (len(titles), 'titles'),
                    (len(orgs), 'orgs'), (len(countries), 'countries'),
                    (len(events), 'events'), (len(keywords), 'keywords')):
        if n > 32000:
            errors.add(data_dir, 'too many %s for an int16 index' % what)
    if errors.messages:
        for m in errors.messages:
            print(m, file=sys.stderr)
        return None

    out = ['/*',
           ' * lexicon_data.c',
           ' *\t\tGENERATED by tools/gen_lexicon.py from the data/ files: do not edit.',
           ' */',
           '#include "diplo_analyze.h"',
           '#include "diplo_lexicon.h"',
           '']

    out.append('const DiploCue diplo_lex_cues[] = {')
    for form, lemma, cls, flags in cues:
        out.append('\t{%s, %s, %s, %s},' % (c_string(form), c_string(lemma),
                                            cls, flags))
    out.append('};')
    emit_index(out, 'cue', cue_table)

    out.append('const DiploTitle diplo_lex_titles[] = {')
    for phrase, role, kind, org_kind, speaks, surname in titles:
        out.append('\t{%s, %s, %s, %s, %s, %s},'
                   % (c_string(phrase), c_string(role), kind,
                      c_string(org_kind), 'true' if speaks else 'false',
                      'true' if surname else 'false'))
    out.append('};')
    emit_index(out, 'title', title_table)

    out.append('const DiploOrg diplo_lex_orgs[] = {')
    for phrase, canonical, kind, org_kind, country, cs in orgs:
        out.append('\t{%s, %s, %s, %s, %s, %s},'
                   % (c_string(phrase), c_string(canonical), kind,
                      c_string(org_kind), c_string(country),
                      'true' if cs else 'false'))
    out.append('};')
    emit_index(out, 'org', org_table)

    out.append('const DiploCountry diplo_lex_countries[] = {')
    for name, code in countries:
        out.append('\t{%s, %s},' % (c_string(name), c_string(code)))
    out.append('};')
    out.append('const int diplo_lex_ncountries = %d;' % len(countries))
    emit_index(out, 'place', place_table)

    out.append('const DiploEvent diplo_lex_events[] = {')
    for phrase, event, cameo in events:
        out.append('\t{%s, %s, %s},' % (c_string(phrase), c_string(event),
                                        c_string(cameo)))
    out.append('};')
    emit_index(out, 'event', event_table)
    emit_index(out, 'org_head', org_head_table)
    emit_index(out, 'region', region_table)

    for lang in LANGS:
        for name, table in zip(('cue', 'title', 'org', 'place'),
                               lang_tables[lang]):
            emit_index(out, '%s_%s' % (name, lang), table)
    out.append('const DiploLexIndex *const diplo_lex_lang_index'
               '[DIPLO_LEX_NLANGS][DIPLO_LEX_LANG_TABLES] = {')
    for lang in LANGS:
        out.append('\t{' + ', '.join('&diplo_lex_%s_%s_index' % (name, lang)
                                      for name in ('cue', 'title', 'org',
                                                   'place')) + '},')
    out.append('};')
    out.append('')
    out.append('const DiploLangWord diplo_lex_lang_words[] = {')
    for lang, key, alias, guess in lang_words:
        out.append('\t{%s, %s, %s, %s},' % (lang, c_string(key), c_string(alias),
                                           'true' if guess else 'false'))
    if not lang_words:
        out.append('\t{DIPLO_LANG_AUTO, "", NULL, false},')
    out.append('};')
    out.append('const int diplo_lex_nlang_words = %d;' % len(lang_words))
    out.append('')

    out.append('const DiploTopic diplo_topics[] = {')
    for name in topics:
        out.append('\t{%s},' % c_string(name))
    out.append('};')
    out.append('const int diplo_ntopics = %d;' % len(topics))
    out.append('')
    keywords.sort(key=lambda k: k[0].encode('utf-8'))
    out.append('const DiploLexKey diplo_lex_topic_keywords[] = {')
    for key, topic, _ in keywords:
        out.append('\t{%s, NULL, %d, 0},' % (c_string(key), topic))
    out.append('};')
    out.append('const int diplo_lex_topic_nkeywords = %d;' % len(keywords))
    out.append('const int diplo_lex_topic_max_words = %d;'
               % max((k[2] for k in keywords), default=1))
    # English stems are never longer than the word; room for twice that.
    buf = 2 * sum(len(k[0].encode('utf-8')) + 1 for k in keywords) + 64
    out.append('DiploLexKey diplo_lex_topic_stems[%d];' % len(keywords))
    out.append('char\t\tdiplo_lex_topic_stem_buf[%d];' % buf)
    out.append('const int diplo_lex_topic_stem_buf_size = %d;' % buf)
    stemmers = {'fr': 'french', 'es': 'spanish', 'de': 'german'}
    for lang in LANGS:
        kws = sorted(lang_topics[lang], key=lambda k: k[0].encode('utf-8'))
        out.append('static const DiploLexKey diplo_lex_topic_keywords_%s[] = {'
                   % lang)
        for key, topic, _ in kws:
            out.append('\t{%s, NULL, %d, 0},' % (c_string(key), topic))
        if not kws:
            out.append('\t{"", NULL, 0, 0},')
        out.append('};')
        # stems are never longer than their word; room for twice that
        buf = 2 * sum(len(k[0].encode('utf-8')) + 1 for k in kws) + 64
        out.append('static DiploLexKey diplo_lex_topic_stems_%s[%d];'
                   % (lang, max(len(kws), 1)))
        out.append('static char diplo_lex_topic_stem_buf_%s[%d];' % (lang, buf))
    out.append('const DiploLangTopics diplo_lex_lang_topics[DIPLO_LEX_NLANGS] = {')
    for lang in LANGS:
        kws = lang_topics[lang]
        buf = 2 * sum(len(k[0].encode('utf-8')) + 1 for k in kws) + 64
        out.append('\t{%s, diplo_lex_topic_keywords_%s, %d, %d, '
                   'diplo_lex_topic_stems_%s, diplo_lex_topic_stem_buf_%s, %d},'
                   % (c_string(stemmers[lang]), lang, len(kws),
                      max((k[2] for k in kws), default=1), lang, lang, buf))
    out.append('};')
    return '\n'.join(out) + '\n'


def main(argv):
    """Generate OUT.c from DATA_DIR; 1 on invalid data, 2 on bad usage."""
    if len(argv) != 3:
        print('usage: gen_lexicon.py DATA_DIR OUT.c', file=sys.stderr)
        return 2
    text = generate(argv[1])
    if text is None:
        return 1
    tmp = argv[2] + '.tmp'
    with open(tmp, 'w', encoding='ascii', newline='\n') as f:
        f.write(text)
    os.replace(tmp, argv[2])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
