"""``newslint audit-report``: what an audit database holds, as text, JSON or a self-contained HTML page.

Every number is one SQL query over the ``files`` and ``findings`` tables
(see ``newslint/audit/store.py``); nothing is estimated.
"""

from __future__ import annotations

import html
import json
import sqlite3

from newslint.errors import UsageError

SEVERITIES = ("error", "warning", "info")


def _group_expression(by: str) -> tuple[str, tuple]:
    """SQL for the grouping value of a ``files`` row, and its parameters."""
    if by == "folder":
        return "files.folder", ()
    if by == "source":
        return "files.source", ()
    if not by.replace("_", "").replace("-", "").replace(".", "").isalnum():
        raise UsageError(f"--by: not a field name: {by!r}")
    return "json_extract(files.metadata, ?)", ('$."' + by + '"',)


def gather(connection: sqlite3.Connection, *, by: str = "folder", top: int = 20) -> dict:
    """Everything a report shows, as plain data (the ``--format json`` document)."""
    one = lambda sql, params=(): connection.execute(sql, params).fetchone()[0]  # noqa: E731
    totals = {
        "files": one("SELECT COUNT(*) FROM files"),
        "files_with_findings": one("SELECT COUNT(DISTINCT file_id) FROM findings"),
        "files_failed": one("SELECT COUNT(*) FROM files WHERE error IS NOT NULL"),
        "findings": one("SELECT COUNT(*) FROM findings"),
        "bytes": one("SELECT COALESCE(SUM(size), 0) FROM files"),
        "by_severity": {severity: one("SELECT COUNT(*) FROM findings WHERE severity = ?", (severity,))
                        for severity in SEVERITIES},
    }
    by_rule = [{"rule": rule, "findings": count, "files": files} for rule, count, files in connection.execute(
        "SELECT rule, COUNT(*), COUNT(DISTINCT file_id) FROM findings GROUP BY rule "
        "ORDER BY COUNT(*) DESC, rule")]
    groups: list[dict] = []
    if by == "rule":
        groups = [{"group": row["rule"], "files": row["files"], "findings": row["findings"]} for row in by_rule]
    else:
        expression, params = _group_expression(by)
        file_counts = dict(connection.execute(
            f"SELECT {expression} AS grp, COUNT(*) FROM files GROUP BY grp", params).fetchall())
        finding_counts = dict(connection.execute(
            f"SELECT {expression} AS grp, COUNT(*) FROM findings JOIN files ON files.id = findings.file_id "
            f"GROUP BY grp", params).fetchall())
        groups = [{"group": group, "files": count, "findings": finding_counts.get(group, 0)}
                  for group, count in file_counts.items()]
        groups.sort(key=lambda g: (-g["findings"], str(g["group"])))
    group_total = len(groups)
    terms = [{"rule": rule, "matched": matched, "count": count} for rule, matched, count in connection.execute(
        "SELECT rule, matched, COUNT(*) AS n FROM findings WHERE matched != '' GROUP BY rule, matched "
        "ORDER BY n DESC, rule, matched LIMIT ?", (top,))]
    run = connection.execute(
        "SELECT id, started, finished, status, config_fingerprint, newslint_version, files_checked, "
        "files_skipped, files_failed FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    last_run = None
    if run is not None:
        last_run = dict(zip(("id", "started", "finished", "status", "config_fingerprint", "newslint_version",
                             "files_checked", "files_skipped", "files_failed"), run))
    return {"version": 1, "totals": totals, "by_rule": by_rule,
            "by": {"field": by, "groups": groups[:top], "groups_total": group_total},
            "top_terms": terms, "last_run": last_run}


# -- text ------------------------------------------------------------------------------------------

def render_text(data: dict, database: str) -> str:
    totals = data["totals"]
    out = [f"Audit {database}: {totals['files']:,} articles ({totals['bytes'] / 1e6:,.1f} MB), "
           f"{totals['findings']:,} findings in {totals['files_with_findings']:,} articles"
           + (f", {totals['files_failed']:,} could not be checked" if totals["files_failed"] else "")]
    severity = ", ".join(f"{count:,} {name}" for name, count in totals["by_severity"].items())
    out.append(f"  by severity: {severity}")
    run = data["last_run"]
    if run:
        out.append(f"  last run #{run['id']} ({run['status']}): {run['files_checked']:,} checked, "
                   f"{run['files_skipped']:,} skipped, started {run['started']}, "
                   f"finished {run['finished'] or '-'}")
    out.append("")
    out.append("Findings by rule")
    width = max([len(r["rule"]) for r in data["by_rule"]] + [10])
    for row in data["by_rule"]:
        out.append(f"  {row['rule']:<{width}}  {row['findings']:>9,}  in {row['files']:,} articles")
    if not data["by_rule"]:
        out.append("  (none)")
    by = data["by"]
    out.append("")
    out.append(f"By {by['field']}" + (f" (top {len(by['groups'])} of {by['groups_total']})"
                                     if len(by["groups"]) < by["groups_total"] else ""))
    width = max([len(_label(g["group"])) for g in by["groups"]] + [10])
    for group in by["groups"]:
        out.append(f"  {_label(group['group']):<{width}}  {group['findings']:>9,} findings  "
                   f"{group['files']:>8,} articles")
    out.append("")
    out.append("Top offending terms")
    for term in data["top_terms"]:
        out.append(f"  {term['count']:>9,}  “{_one_line(term['matched'])}”  {term['rule']}")
    if not data["top_terms"]:
        out.append("  (none)")
    return "\n".join(out) + "\n"


def _label(value) -> str:
    return "(none)" if value is None or value == "" else str(value)


def _one_line(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# -- HTML ------------------------------------------------------------------------------------------

_STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 60rem;
       padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; } td, th { padding: .25rem .5rem; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr:nth-child(even) { background: #f6f6f8; } .muted { color: #666; }
.cards { display: flex; gap: 1rem; flex-wrap: wrap; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: .6rem 1rem; min-width: 9rem; }
.card b { display: block; font-size: 1.4rem; }
svg text { font: 12px system-ui, sans-serif; fill: #1d1d1f; }
"""


def _bars(rows: list[tuple[str, int]], colour: str = "#3b6fb6") -> str:
    """A horizontal bar chart as inline SVG."""
    if not rows:
        return "<p class='muted'>(none)</p>"
    label_width, bar_width, height, gap = 260, 420, 18, 6
    peak = max(value for _, value in rows) or 1
    total_height = len(rows) * (height + gap) + gap
    parts = [f'<svg width="{label_width + bar_width + 90}" '
             f'height="{total_height}" role="img">']
    for i, (label, value) in enumerate(rows):
        y = gap + i * (height + gap)
        width = max(int(bar_width * value / peak), 1 if value else 0)
        shown = _one_line(label, 40)
        parts.append(f'<text x="{label_width - 6}" y="{y + height - 5}" text-anchor="end">'
                     f'{html.escape(shown)}<title>{html.escape(label)}</title></text>')
        parts.append(f'<rect x="{label_width}" y="{y}" width="{width}" height="{height}" fill="{colour}" rx="2"/>')
        parts.append(f'<text x="{label_width + width + 6}" y="{y + height - 5}">{value:,}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(data: dict, database: str) -> str:
    esc = html.escape
    totals = data["totals"]
    by = data["by"]
    cards = [("articles", totals["files"]), ("findings", totals["findings"]),
             ("articles with findings", totals["files_with_findings"]),
             ("could not be checked", totals["files_failed"])]
    cards += [(name, count) for name, count in totals["by_severity"].items()]
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>newslint audit: {esc(database)}</title>", f"<style>{_STYLE}</style></head><body>",
           f"<h1>newslint audit <span class='muted'>{esc(database)}</span></h1>", "<div class='cards'>"]
    out += [f"<div class='card'><b>{value:,}</b>{esc(name)}</div>" for name, value in cards]
    out.append("</div>")
    run = data["last_run"]
    if run:
        out.append(f"<p class='muted'>Last run #{run['id']} ({esc(str(run['status']))}): "
                   f"{run['files_checked']:,} checked, {run['files_skipped']:,} skipped; started "
                   f"{esc(str(run['started']))}, finished {esc(str(run['finished'] or '-'))}; newslint "
                   f"{esc(str(run['newslint_version']))}, configuration {esc(str(run['config_fingerprint']))}</p>")
    out.append("<h2>Findings by rule</h2>")
    out.append(_bars([(row["rule"], row["findings"]) for row in data["by_rule"]]))
    out.append("<table><tr><th>rule</th><th class='n'>findings</th><th class='n'>articles</th></tr>")
    out += [f"<tr><td>{esc(r['rule'])}</td><td class='n'>{r['findings']:,}</td><td class='n'>{r['files']:,}</td></tr>"
            for r in data["by_rule"]]
    out.append("</table>")
    more = f" (top {len(by['groups'])} of {by['groups_total']})" if len(by["groups"]) < by["groups_total"] else ""
    out.append(f"<h2>Findings by {esc(by['field'])}{esc(more)}</h2>")
    out.append(_bars([(_label(g["group"]), g["findings"]) for g in by["groups"]], "#b6593b"))
    out.append(f"<table><tr><th>{esc(by['field'])}</th><th class='n'>findings</th><th class='n'>articles</th></tr>")
    out += [f"<tr><td>{esc(_label(g['group']))}</td><td class='n'>{g['findings']:,}</td>"
            f"<td class='n'>{g['files']:,}</td></tr>" for g in by["groups"]]
    out.append("</table>")
    out.append("<h2>Top offending terms</h2>")
    out.append(_bars([(f"“{t['matched']}” ({t['rule']})", t["count"]) for t in data["top_terms"]], "#4c8a3f"))
    out.append("<table><tr><th>text</th><th>rule</th><th class='n'>findings</th></tr>")
    out += [f"<tr><td>“{esc(_one_line(t['matched']))}”</td><td>{esc(t['rule'])}</td>"
            f"<td class='n'>{t['count']:,}</td></tr>" for t in data["top_terms"]]
    out.append("</table></body></html>")
    return "\n".join(out) + "\n"


def report(database: str, *, fmt: str = "text", by: str = "folder", top: int = 20) -> str:
    from newslint.audit.store import open_readonly

    connection = open_readonly(database)
    try:
        data = gather(connection, by=by, top=top)
    finally:
        connection.close()
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        return render_html(data, database)
    return render_text(data, database)
