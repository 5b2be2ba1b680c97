"""Horizontal bar charts drawn as inline SVG on the server: no script, readable without CSS,
and each chart carries its figures as a table for screen readers."""
from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 210
BAR_AREA = 330
VALUE_WIDTH = 60


# One colour per chart, so that charts of the same shape (three by month) do not look alike.
PALETTE = {"chart-groups": "#b3261e", "chart-stars": "#a06800", "chart-types": "#2e6b3f",
           "chart-localities": "#1f5f8b", "chart-expiring": "#6b4c9a", "chart-orders": "#00707a",
           "chart-revenue": "#8a4b08"}


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int]],
              value_text: Callable[[int], str] = str) -> Markup:
    """A visible title, an SVG bar chart of (label, value) rows, then the same figures as a visually
    hidden table; value_text writes a value (money, say) beside its bar and in the table."""
    colour = PALETTE.get(chart_id, "#b3261e")
    top = max((value for _label, value in rows), default=0) or 1
    height = max(1, len(rows)) * (BAR_HEIGHT + GAP) + GAP
    # Room for the longest value written beside its bar (about 8 px a character at 13 px).
    width = LABEL_WIDTH + BAR_AREA + max(VALUE_WIDTH, 8 * max((len(value_text(v)) for _l, v in rows), default=0))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-labelledby="{chart_id}-title" class="bar-chart" id="{chart_id}">',
             f'<title id="{chart_id}-title">{escape(title)}</title>']
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        bar = round(BAR_AREA * value / top) if value else 0
        parts.append(
            f'<g><text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT * 0.72:.1f}" text-anchor="end" font-size="13">'
            f'{escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar}" height="{BAR_HEIGHT}" fill="{colour}" rx="3"></rect>'
            f'<text x="{LABEL_WIDTH + bar + 6}" y="{y + BAR_HEIGHT * 0.72:.1f}" font-size="13" '
            f'class="value">{escape(value_text(value))}</text></g>')
    parts.append("</svg>")
    # The table sits in a hidden block: a table itself grows to its content whatever its width says.
    table = [f'<div class="visually-hidden"><table><caption>{escape(title)}</caption><tbody>']
    table += [f"<tr><th scope=\"row\">{escape(label)}</th><td>{escape(value_text(value))}</td></tr>" for label, value in rows]
    table.append("</tbody></table></div>")
    heading = f'<figcaption class="chart-title {chart_id}-title">{escape(title)}</figcaption>'
    return Markup(heading + "".join(parts) + "".join(table))
