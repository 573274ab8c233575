"""Rule documentation generated from rule metadata (``newslint explain``, docs/rules.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.rule import Flag, Pass

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.registry import Registry
    from newslint.rule import Rule

_FIX_TEXT = {None: "no automatic fix", "safe": "safe fix (applied by `--fix`)",
             "unsafe": "unsafe fix (applied only with `--unsafe-fixes`)"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rule_markdown(rule: type["Rule"], config: "Config | None" = None, heading: str = "#") -> str:
    severity = rule.severity
    if config is not None and rule.id in config.rules:
        severity = config.rules[rule.id].severity
    parts = [f"{heading} {rule.id}", "", f"{rule.summary}", "",
             f"- Default severity: **{severity}**", f"- Fix: {_FIX_TEXT[rule.fix]}", ""]
    documentation = rule.documentation()
    if documentation:
        parts += [documentation, ""]
    if rule.options:
        parts += [f"{heading}# Options", "", "| option | type | default | meaning |", "|---|---|---|---|"]
        configured = config.rules[rule.id].options if config is not None and rule.id in config.rules else {}
        for name, option in rule.options.items():
            default = configured.get(name, option.default)
            shown = f"`{default!r}`" if not isinstance(default, (list, dict)) or len(repr(default)) < 60 \
                else f"{len(default)} entries (see rules.yaml)"
            parts.append(f"| `{name}` | {option.type} | {_cell(shown)} | {_cell(option.help)} |")
        parts.append("")
    flagged = [e for e in rule.examples if isinstance(e, Flag)]
    passed = [e for e in rule.examples if isinstance(e, Pass)]
    if flagged or passed:
        parts += [f"{heading}# Examples", "", "| text | result |", "|---|---|"]
        for example in flagged:
            result = f"flags `{_cell(example.match)}`"
            if example.fixed is not None:
                result += f"; fixed: {_cell(example.fixed)}"
            parts.append(f"| {_cell(example.text)} | {result} |")
        for example in passed:
            parts.append(f"| {_cell(example.text)} | not flagged |")
        parts.append("")
    return "\n".join(parts) + "\n"


def rules_markdown(registry: "Registry", config: "Config | None" = None) -> str:
    """The whole rule reference, as docs/rules.md holds it."""
    parts = ["# Rule reference", "",
             "Generated from the rules' own metadata by `newslint rules --format markdown`; "
             "a test fails when this file is stale.", "",
             "| rule | severity | fix | summary |", "|---|---|---|---|"]
    for rule in registry.rules.values():
        severity = config.rules[rule.id].severity if config and rule.id in config.rules else rule.severity
        anchor = rule.id.replace("/", "").lower()
        parts.append(f"| [`{rule.id}`](#{anchor}) | {severity} | {rule.fix or '-'} | {_cell(rule.summary)} |")
    parts.append("")
    for rule in registry.rules.values():
        parts.append(rule_markdown(rule, config, heading="##"))
    styles = getattr(config, "style_rules", None) if config is not None else None
    if styles:
        parts += ["## House-style rules", "",
                  "The rules of the house-style profiles, written as data in rules.yaml (`house-styles:`): only "
                  "those of the profile chosen with `style:` run. One convention has one id in every profile. "
                  "See [house-styles.md](house-styles.md).", "",
                  "| rule | profile | severity | fix | message | source |", "|---|---|---|---|---|---|"]
        for profile in sorted(styles):
            for rule_id, rule in sorted(styles[profile].items()):
                source = str((getattr(rule, "definition", None) or {}).get("source") or "")
                parts.append(f"| `{rule_id}` | {profile} | {rule.severity} | {rule.fix or '-'} | "
                             f"{_cell(rule.summary)} | {_cell(source)} |")
        parts.append("")
    return "\n".join(parts)
