"""Site extension: figures and tables drawn from the facts file at build time.

A picture made by hand can drift from the text; these cannot, because every number and date in
them is read from ``facts.yaml`` when the site is built (the page is re-read when that file
changes):

``fact-bar-chart``
    A bar per line ``label | value fact [| date fact]``; ``:reference:`` (same syntax) draws a
    dashed comparison line.  Used for the troop numbers through the negotiations.
``fact-timeline-figure``
    Every date fact of the site on a time axis, numbered as in the ``factcheck-timeline`` list,
    with a second panel for a busy period (``:zoom: 1939-09-25 1939-11-25``).
``fact-sum-table``
    A table of ``label | fact`` rows with their sum; ``:total: fact`` names the fact that states
    the total, and a total that is not the sum of the rows is a warning.

Pictures are drawn with matplotlib when a page is written: SVG for HTML, PDF for LaTeX, each with
alt text written from the same data.  Files are named by a hash of what they show.
"""

from __future__ import annotations

import datetime
import hashlib
import textwrap
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from factcheck.config import date_format, facts_path, house_locale
from factcheck.facts import Fact, FactsFile
from factcheck.register import fact_date, timeline_entries
from factcheck.render import render_value
from factcheck.state import facts_for

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

__version__ = "0.1.0"


class chart_image(nodes.General, nodes.Element):  # noqa: N801 - docutils names nodes so
    """Placeholder for a drawn picture, replaced by an image once the builder is known."""


# -- reading the directive content -----------------------------------------------------------

def _rows(directive: SphinxDirective, lines: list[str], facts: FactsFile) -> list[list[str]]:
    """``label | fact [| fact]`` lines; unknown fact ids are reported and the row dropped."""
    rows = []
    for offset, line in enumerate(lines):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        unknown = [p for p in parts[1:] if p not in facts.facts]
        if len(parts) < 2 or unknown:
            problem = (f"unknown fact {unknown[0]!r}" if unknown
                       else "write 'label | fact id [| date fact id]'")
            logger.warning(f"{directive.name}: {problem} in {line.strip()!r}",
                           location=(directive.env.docname, directive.lineno + offset + 1),
                           type="charts", subtype="row")
            continue
        rows.append(parts)
    return rows


def _number(fact: Fact) -> Fraction:
    value: Any = fact.value
    return Fraction(value.value)


def _render(config: Any, fact: Fact) -> str:
    return render_value(fact.value, house_locale(config), date_format(config))


def _caption(directive: SphinxDirective, text: str) -> nodes.caption:
    inline, messages = directive.state.inline_text(text, directive.lineno)
    caption = nodes.caption(text, "", *inline)
    caption.extend(messages)
    return caption


class _ChartDirective(SphinxDirective):
    """A figure whose picture is drawn from facts; the argument is the caption."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: dict[str, Any] = {"name": directives.unchanged}
    kind = ""

    def spec(self, facts: FactsFile) -> dict[str, Any]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        env = self.env
        env.note_dependency(str(facts_path(env)))
        facts = facts_for(env)
        figure = nodes.figure(classes=["fact-chart"])
        figure += chart_image(kind=self.kind, spec=self.spec(facts))
        figure += _caption(self, self.arguments[0])
        self.add_name(figure)
        self.set_source_info(figure)
        return [figure]


class BarChartDirective(_ChartDirective):
    option_spec = {**_ChartDirective.option_spec, "reference": directives.unchanged}
    kind = "bars"

    def spec(self, facts: FactsFile) -> dict[str, Any]:
        rows = _rows(self, list(self.content), facts)
        reference = _rows(self, [self.options["reference"]], facts) \
            if "reference" in self.options else []
        return {"rows": rows, "reference": reference[0] if reference else None}


class TimelineFigureDirective(_ChartDirective):
    option_spec = {**_ChartDirective.option_spec, "zoom": directives.unchanged}
    has_content = False
    kind = "timeline"

    def spec(self, facts: FactsFile) -> dict[str, Any]:
        zoom = self.options.get("zoom", "").split()
        if zoom and len(zoom) != 2:
            logger.warning(f"{self.name}: :zoom: takes two ISO dates",
                           location=(self.env.docname, self.lineno), type="charts",
                           subtype="option")
            zoom = []
        return {"zoom": zoom}


class SumTableDirective(SphinxDirective):
    """A table of facts with their total; the argument is the caption."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: dict[str, Any] = {
        "name": directives.unchanged,
        "total": directives.unchanged,
        "total-label": directives.unchanged,
        "columns": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        env = self.env
        env.note_dependency(str(facts_path(env)))
        facts = facts_for(env)
        rows = _rows(self, list(self.content), facts)
        values = [_number(facts.facts[row[1]]) for row in rows]
        total = sum(values, Fraction(0))
        total_fact = facts.facts.get(self.options.get("total", ""))
        if "total" in self.options and total_fact is None:
            logger.warning(f"{self.name}: unknown fact {self.options['total']!r} for :total:",
                           location=(env.docname, self.lineno), type="charts", subtype="row")
        if total_fact is not None and _number(total_fact) != total:
            logger.warning(f"{self.name}: the rows add up to {_as_number(total).describe()}, "
                           "but fact "
                           f"{total_fact.id!r} gives the total as {total_fact.value.describe()}",
                           location=(env.docname, self.lineno), type="charts", subtype="sum")
        columns = [c.strip() for c in self.options.get("columns", "Item, Value").split(",")]
        label = self.options.get("total-label", "Total")
        total_text = (_render(self.config, total_fact) if total_fact is not None
                      else render_value(_as_number(total), house_locale(self.config)))
        body_rows = [[row[0], _render(self.config, facts.facts[row[1]])] for row in rows]
        table = _table(columns, body_rows, [label, total_text])
        # Generated from the facts file, not prose: the check's collector skips this class.
        table["classes"] += ["factcheck-table", "fact-sum-table"]
        title = nodes.title(self.arguments[0], "",
                            *self.state.inline_text(self.arguments[0], self.lineno)[0])
        table.insert(0, title)
        self.add_name(table)
        self.set_source_info(table)
        return [table]


def _as_number(value: Fraction) -> Any:
    from factcheck.values import Amount, NumberValue

    return NumberValue(Amount(value, Fraction(1)))


def _table(header: list[str], rows: list[list[str]], total: list[str]) -> nodes.table:
    table = nodes.table(classes=["colwidths-given"])
    group = nodes.tgroup(cols=len(header))
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in (3, 2))
    head = nodes.thead()
    head += _row(header, header=True)
    body = nodes.tbody()
    for row in rows:
        body += _row(row)
    body += _row(total, strong=True)
    group += head
    group += body
    return table


def _row(cells: list[str], *, header: bool = False, strong: bool = False) -> nodes.row:
    row = nodes.row(classes=["fact-sum-total"] if strong else [])
    for i, text in enumerate(cells):
        entry = nodes.entry(classes=["fact-number"] if i and not header else [])
        content: nodes.Node = nodes.strong(text, text) if strong else nodes.Text(text)
        entry += nodes.paragraph("", "", content)
        row += entry
    return row


# -- drawing ---------------------------------------------------------------------------------

_BLUE, _DARK, _GREY = "#8fb3d9", "#1f4e79", "#6c757d"


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    figure.patch.set_facecolor("white")
    return figure


def draw_bars(spec: dict[str, Any], facts: FactsFile, config: Any) -> tuple[Any, str]:
    """The bar chart and its alt text."""
    rows = spec["rows"]
    labels, values, texts = [], [], []
    for row in rows:
        fact = facts.facts[row[1]]
        when = f"\n{_short_date(facts.facts[row[2]])}" if len(row) > 2 else ""
        labels.append(f"{textwrap.fill(row[0], 16)}{when}")
        values.append(float(_number(fact)))
        texts.append(_render(config, fact))
    figure = _figure(7.2, 3.9)
    axes = figure.add_subplot()
    colours = [_BLUE] * (len(values) - 1) + [_DARK]
    bars = axes.bar(range(len(values)), values, color=colours, width=0.62)
    axes.bar_label(bars, labels=texts, padding=3, fontsize=10, fontweight="bold")
    axes.set_xticks(range(len(values)), labels, fontsize=9)
    axes.yaxis.set_major_formatter(_thousands(config))
    axes.set_ylim(0, max(values) * 1.15)
    alt = "Bar chart. " + "; ".join(
        f"{row[0]}{_alt_date(facts, row)}: {text}" for row, text in zip(rows, texts, strict=True))
    reference = spec.get("reference")
    if reference:
        fact = facts.facts[reference[1]]
        value = float(_number(fact))
        when = f", {_short_date(facts.facts[reference[2]])}" if len(reference) > 2 else ""
        line = axes.axhline(value, color=_GREY, linestyle="--", linewidth=1)
        axes.legend([line], [f"{reference[0]}{when}: {_render(config, fact)}"],
                    loc="upper right", frameon=False, fontsize=8.5)
        alt += (f". Dashed line for comparison: {reference[0]}{_alt_date(facts, reference)}, "
                f"{_render(config, fact)}")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    axes.set_axisbelow(True)
    return figure, alt + "."


def _alt_date(facts: FactsFile, row: list[str]) -> str:
    return f" ({_short_date(facts.facts[row[2]])})" if len(row) > 2 else ""


def _short_date(fact: Fact) -> str:
    from babel.dates import format_skeleton

    parts = fact_date(fact)
    if parts is None:
        return fact.value.describe()
    year, month, day = parts
    if day:
        return format_skeleton("yMMMd", datetime.date(year, month, day), locale="en")
    return fact.value.describe()


def _thousands(config: Any) -> Any:
    from babel.numbers import format_decimal
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: format_decimal(v, locale=house_locale(config)))


def _as_date(parts: tuple[int, int, int]) -> datetime.date:
    year, month, day = parts
    return datetime.date(year, month or 1, day or 1)


def draw_timeline(spec: dict[str, Any], facts: FactsFile, config: Any) -> tuple[Any, str]:
    """All date facts on a time axis, numbered like the timeline list, and the alt text."""
    from matplotlib.dates import DateFormatter, MonthLocator, YearLocator

    entries = timeline_entries(facts)
    dated = [(i + 1, _as_date(fact_date(f) or (0, 0, 0)), f) for i, f in enumerate(entries)]
    zoom = [datetime.date.fromisoformat(z) for z in spec.get("zoom", [])]
    panels = 2 if zoom else 1
    figure = _figure(7.6, 2.6 * panels + 0.3)
    axes_list = figure.subplots(panels, 1, squeeze=False)[:, 0]
    outside, inside = dated, []
    if zoom:
        inside = [d for d in dated if zoom[0] <= d[1] <= zoom[1]]
        outside = [d for d in dated if not zoom[0] <= d[1] <= zoom[1]]
    pad = datetime.timedelta(days=max(30, (dated[-1][1] - dated[0][1]).days // 40))
    _timeline_panel(axes_list[0], dated, {n for n, _, _ in outside},
                    (dated[0][1] - pad, dated[-1][1] + pad))
    axes_list[0].xaxis.set_major_locator(YearLocator(2))
    axes_list[0].xaxis.set_major_formatter(DateFormatter("%Y"))
    if zoom:
        axes_list[0].axvspan(zoom[0], zoom[1], color=_BLUE, alpha=0.5, linewidth=0)
        margin = datetime.timedelta(days=2)
        _timeline_panel(axes_list[1], inside, {n for n, _, _ in inside},
                        (zoom[0] - margin, zoom[1] + margin))
        axes_list[1].xaxis.set_major_locator(MonthLocator(bymonthday=(1, 15)))
        axes_list[1].xaxis.set_major_formatter(DateFormatter("%-d %b"))
        axes_list[1].set_title(f"Enlarged (shaded above): {_short_date_of(zoom[0])} to "
                               f"{_short_date_of(zoom[1])}", fontsize=9, loc="left",
                               color=_GREY)
    first, last = dated[0], dated[-1]
    alt = (f"Timeline of the {len(dated)} dated events in the facts file, numbered as in the "
           f"list below, from {_render(config, first[2])} ({first[2].label}) to "
           f"{_render(config, last[2])} ({last[2].label})")
    if zoom:
        alt += (f"; the lower panel enlarges {_short_date_of(zoom[0])} to "
                f"{_short_date_of(zoom[1])}, which holds {len(inside)} of them")
    return figure, alt + "."


def _short_date_of(date: datetime.date) -> str:
    from babel.dates import format_skeleton

    return format_skeleton("yMMMd", date, locale="en")


def _timeline_panel(axes: Any, dated: list[tuple[int, datetime.date, Fact]],
                    labelled: set[int], span: tuple[datetime.date, datetime.date]) -> None:
    from matplotlib.dates import date2num

    dates = [d for _, d, _ in dated]
    axes.axhline(0, color=_GREY, linewidth=1)
    axes.plot(dates, [0] * len(dates), "o", color=_DARK, markersize=4.5, zorder=3)
    # Each number goes on the lowest stem level where it keeps clear of the number before it
    # on that level, so that neighbours never overlap however close their dates are.
    gap = (date2num(span[1]) - date2num(span[0])) * 0.028
    last_on_level: list[float] = []
    for number, date, _ in dated:
        if number not in labelled:
            continue
        x = date2num(date)
        level = next((i for i, last in enumerate(last_on_level) if x - last >= gap),
                     len(last_on_level))
        if level == len(last_on_level):
            last_on_level.append(x)
        last_on_level[level] = x
        height = 0.8 + 0.75 * level
        axes.plot([date, date], [0, height - 0.22], color="#b0b0b0", linewidth=0.7, zorder=1)
        axes.annotate(str(number), (date, height), ha="center", va="center", fontsize=7.5,
                      annotation_clip=False,
                      bbox={"boxstyle": "circle,pad=0.25", "facecolor": "white",
                            "edgecolor": _DARK, "linewidth": 0.8})
    axes.set_xlim(span[0], span[1])
    axes.set_ylim(-0.5, 0.8 + 0.75 * max(len(last_on_level), 1))
    axes.yaxis.set_visible(False)
    for side in ("left", "top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="x", labelsize=8)


_DRAWERS = {"bars": draw_bars, "timeline": draw_timeline}


def render_charts(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: draw each chart for this builder and put the image in its place."""
    placeholders = list(doctree.findall(chart_image))
    if not placeholders:
        return
    from matplotlib import rc_context

    facts = facts_for(app.env)
    html = app.builder.format == "html"
    for placeholder in placeholders:
        figure, alt = _DRAWERS[placeholder["kind"]](placeholder["spec"], facts, app.config)
        fmt = "svg" if html else "pdf"
        # Reproducible files: no dates in the metadata, fixed SVG ids.
        metadata = {"Date": None} if html else {"CreationDate": None, "ModDate": None}
        data = _save(figure, fmt, metadata, rc_context)
        name = f"chart-{hashlib.sha256(data).hexdigest()[:16]}.{fmt}"
        outdir = Path(app.outdir) / ("_images" if html else "")
        outdir.mkdir(parents=True, exist_ok=True)
        path = outdir / name
        if not path.exists():
            path.write_bytes(data)
        uri = (relative_uri(app.builder.get_target_uri(docname), f"_images/{name}") if html
               else name)
        # "?": a URI the builder must not look up among the project's images.
        image = nodes.image(uri=uri, alt=alt, candidates={"?": uri})
        if not html:
            image["width"] = "100%"
        placeholder.replace_self(image)


def _save(figure: Any, fmt: str, metadata: dict[str, Any], rc_context: Any) -> bytes:
    import io

    out = io.BytesIO()
    with rc_context({"svg.hashsalt": "fact-chart", "svg.fonttype": "none",
                     "pdf.fonttype": 42, "font.family": "DejaVu Sans"}):
        figure.savefig(out, format=fmt, metadata=metadata)
    return out.getvalue()


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(chart_image)
    app.add_directive("fact-bar-chart", BarChartDirective)
    app.add_directive("fact-timeline-figure", TimelineFigureDirective)
    app.add_directive("fact-sum-table", SumTableDirective)
    app.connect("doctree-resolved", render_charts)
    app.add_css_file("charts.css")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
