"""Site extension: the pybtex style "edition" that formats the Sources page.

One consistent, Chicago-like form for every kind of work, as a reader of a bibliography expects:

* people: the first author inverted ("Lane, Thomas"), the others not, "et al." for "and others";
  a work with editors and no author is listed under the editors ("…, ed." / "…, eds."), and
  editors of a work that has authors come after its title ("Edited by …");
* titles: of books and journals in italics, of articles and chapters in typographic quotes with
  the closing period inside ("“Title.”", no period after a title ending in "?" or "!");
* newspapers like journals: *The New York Times*, then the issue's date as the source gives it
  (``date = {1939-10-12}``), then the pages;
* pages as "p. 5" or "pp. 37–38" everywhere, ISBN and ISSN, the language ("In Lithuanian."),
  then the entry's note;
* order: by author or editor, a work without either by its newspaper or journal (a leading
  "The" ignored), then by date and title.  Diacritics do not move a name out of its letter.

Every detail the source gives about a work is kept; nothing is invented.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from pybtex.plugin import register_plugin
from pybtex.richtext import Tag, Text
from pybtex.style.formatting import BaseStyle
from pybtex.style.sorting import BaseSortingStyle

__version__ = "0.1.0"

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
# Letters NFKD does not take apart, sorted as their base letter.
_BASE_LETTERS = str.maketrans("ŁłØøĐđ", "LlOoDd")


def _text(entry: Any, name: str) -> Text:
    return Text.from_latex(entry.fields[name]) if name in entry.fields else Text()


def _plain(value: str) -> str:
    return str(Text.from_latex(value))


def _person(person: Any, *, inverted: bool) -> str:
    last = " ".join(_plain(n) for n in person.prelast_names + person.last_names)
    first = " ".join(_plain(n) for n in person.first_names + person.middle_names)
    if not first:
        return last
    return f"{last}, {first}" if inverted else f"{first} {last}"


def _people(persons: list[Any]) -> str:
    """"Eidintas, Alfonsas, Vytautas Žalys, and Alfred Erich Senn"; "…, et al."."""
    others = any(str(p) == "others" for p in persons)
    names = [_person(p, inverted=i == 0) for i, p in enumerate(p for p in persons
                                                               if str(p) != "others")]
    if others:
        return f"{', '.join(names)}, et al."
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]}, and {names[1]}"
    return f"{', '.join(names[:-1])}, and {names[-1]}"


def _sentence(*parts: Any, sep: str = ", ") -> Text:
    """Join the non-empty parts and end with a period (unless the text already ends a sentence)."""
    kept = [p if isinstance(p, Text) else Text(p) for p in parts if p]
    if not kept:
        return Text()
    return Text(sep).join(kept).add_period()


def _quoted(title: Text) -> Text:
    """“Title.”: the period inside the quotes, none after a question or an exclamation."""
    inner = title if str(title)[-1:] in "?!." else Text(title, ".")
    return Text("“", inner, "”")


def _italic(text: Text) -> Text:
    return Text(Tag("em", text)) if text else Text()


def pages(entry: Any) -> str:
    """"p. 5", "pp. 37–38" or "pp. 1, 6": the cited pages of the entry."""
    value = _plain(entry.fields.get("pages", ""))
    if not value:
        return ""
    several = any(mark in value for mark in (",", "–", "-"))
    return f"pp. {value}" if several else f"p. {value}"


def date(entry: Any) -> str:
    """The date as the source gives it: ``date`` (a newspaper's issue), else month and year."""
    if "date" in entry.fields:
        return _plain(entry.fields["date"])
    month = _plain(entry.fields.get("month", ""))
    if month.isdigit():
        month = _MONTHS[int(month) - 1]
    return " ".join(p for p in (month, _plain(entry.fields.get("year", ""))) if p)


def _tail(entry: Any) -> list[Text]:
    """What follows every entry: cited pages (books), ISBN/ISSN, language, note."""
    parts = []
    for name, label in (("isbn", "ISBN"), ("issn", "ISSN")):
        if name in entry.fields:
            parts.append(_sentence(f"{label} {_plain(entry.fields[name])}"))
    if "language" in entry.fields:
        parts.append(_sentence(f"In {_plain(entry.fields['language']).capitalize()}"))
    if "note" in entry.fields:
        parts.append(_sentence(_text(entry, "note")))
    return parts


class EditionStyle(BaseStyle):
    default_name_style = "plain"
    default_label_style = "number"
    default_sorting_style = "edition"

    def _who(self, entry: Any) -> tuple[Text, bool]:
        """The entry's head (authors, else editors with "ed."/"eds."), and whether it named the
        editors already."""
        if entry.persons.get("author"):
            return _sentence(_people(entry.persons["author"])), False
        editors = entry.persons.get("editor", [])
        if editors:
            many = len(editors) > 1 or any(str(p) == "others" for p in editors)
            return _sentence(_people(editors), "eds." if many else "ed."), True
        return Text(), False

    def _edited_by(self, entry: Any, named: bool) -> Text:
        editors = entry.persons.get("editor", [])
        if named or not editors:
            return Text()
        names = [_person(p, inverted=False) for p in editors if str(p) != "others"]
        return _sentence("Edited by " + " and ".join(names))

    def _publication(self, entry: Any) -> Text:
        """"New York: St. Martin's Press, paperback edition, September 1999."."""
        publisher = _plain(entry.fields.get("publisher", ""))
        address = _plain(entry.fields.get("address", ""))
        where = f"{address}: {publisher}" if address and publisher else publisher or address
        edition = _plain(entry.fields.get("edition", ""))
        return _sentence(where, f"{edition.lower()} edition" if edition else "", date(entry))

    def _series(self, entry: Any) -> Text:
        volume = _plain(entry.fields.get("volume", ""))
        return _sentence(_text(entry, "series"), f"vol. {volume}" if volume else "")

    def format_book(self, context: dict[str, Any]) -> Text:
        entry = context["entry"]
        who, named = self._who(entry)
        return Text(" ").join(p for p in [
            who, _sentence(_italic(_text(entry, "title"))), self._edited_by(entry, named),
            self._series(entry), self._publication(entry), _sentence(pages(entry)),
            *_tail(entry)] if p)

    def format_inbook(self, context: dict[str, Any]) -> Text:
        entry = context["entry"]
        who, named = self._who(entry)
        volume = _plain(entry.fields.get("volume", ""))
        container = _sentence(Text("In ", _italic(_text(entry, "title"))),
                              f"vol. {volume}" if volume else "")
        return Text(" ").join(p for p in [
            who, _quoted(_text(entry, "chapter")), container, self._edited_by(entry, named),
            self._publication(entry), _sentence(pages(entry)), *_tail(entry)] if p)

    def format_incollection(self, context: dict[str, Any]) -> Text:
        entry = context["entry"]
        who, named = self._who(entry)
        container = _sentence(Text("In ", _italic(_text(entry, "booktitle"))))
        return Text(" ").join(p for p in [
            who, _quoted(_text(entry, "title")), container, self._edited_by(entry, named),
            self._publication(entry), _sentence(pages(entry)), *_tail(entry)] if p)

    def format_article(self, context: dict[str, Any]) -> Text:
        """Journal and newspaper articles: *Journal*, vol., no., date, pages."""
        entry = context["entry"]
        who, _ = self._who(entry)
        volume = _plain(entry.fields.get("volume", ""))
        number = _plain(entry.fields.get("number", ""))
        where = _sentence(_italic(_text(entry, "journal")), f"vol. {volume}" if volume else "",
                          f"no. {number}" if number else "", date(entry), pages(entry))
        return Text(" ").join(p for p in [who, _quoted(_text(entry, "title")), where,
                                          *_tail(entry)] if p)

    def format_misc(self, context: dict[str, Any]) -> Text:
        """Web pages and other works: “Title.” *Where published*, date."""
        entry = context["entry"]
        who, _ = self._who(entry)
        where = _sentence(_italic(_text(entry, "howpublished")), date(entry), pages(entry))
        return Text(" ").join(p for p in [who, _quoted(_text(entry, "title")), where,
                                          *_tail(entry)] if p)


def _sort_text(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_BASE_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return text.removeprefix("the ").strip("“”\"' ")


class EditionSorting(BaseSortingStyle):
    """By author or editor, else newspaper or journal, else title; then date, then title."""

    def sorting_key(self, entry: Any) -> tuple[str, str, str]:
        persons = entry.persons.get("author") or entry.persons.get("editor") or []
        if persons:
            head = " ".join(_sort_text(_person(p, inverted=True)) for p in persons)
        else:
            venue = entry.fields.get("journal") or entry.fields.get("howpublished") or ""
            head = _sort_text(_plain(venue or entry.fields.get("title", "")))
        when = entry.fields.get("date") or entry.fields.get("year", "")
        return (head, _plain(when), _sort_text(_plain(entry.fields.get("title", ""))))


def setup(app: Any) -> dict[str, Any]:
    register_plugin("pybtex.style.formatting", "edition", EditionStyle, force=True)
    register_plugin("pybtex.style.sorting", "edition", EditionSorting, force=True)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
