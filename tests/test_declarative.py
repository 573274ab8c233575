"""Declarative rules: rule files, Vale styles and custom-rules (newslint.declarative)."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

import newslint
from newslint import declarative
from newslint.config import load_config
from newslint.errors import ConfigError

VALE = Path(__file__).parent / "fixtures" / "vale" / "NewsStyle"


def _config(tmp_path: Path, body: str, **kwargs):
    path = tmp_path / ".newslint.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_config(path, **kwargs)


def _check(config, text: str, prefix: str = ""):
    return [(f.rule, f.line, f.column, f.message) for f in newslint.check_text(text, config=config)
            if f.rule.startswith(prefix or ("vale/", "custom/", "house/"))]


@pytest.fixture
def vale(tmp_path):
    return _config(tmp_path, f"styles: [{VALE}]\nselect: [vale]\n")


# -- Vale compatibility: the alerts Vale's documentation gives -------------------------
def test_vale_rules_get_vale_ids(vale):
    ids = set(vale.custom_rules)
    assert {"vale/NewsStyle.Hedging", "vale/NewsStyle.Plenty", "vale/NewsStyle.SentenceLength",
            "vale/NewsStyle.Repetition", "vale/NewsStyle.Spelling", "vale/NewsStyle.UnexpandedAcronyms"} <= ids
    assert "vale/NewsStyle.Hunspell" not in ids  # unsupported type: skipped
    assert vale.custom_rules["vale/NewsStyle.SentenceLength"].severity == "info"  # suggestion → info


def test_vale_existence(vale):
    text = "The plan is arguably late.\nThey Appear To Be ready."
    assert _check(vale, text, "vale/NewsStyle.Hedging") == [
        ("vale/NewsStyle.Hedging", 1, 13, "Consider removing 'arguably'"),
        ("vale/NewsStyle.Hedging", 2, 6, "Consider removing 'Appear To Be'"),
    ]


def test_vale_substitution_with_case_kept_and_safe_fix(vale):
    text = "There is an abundance of food.\nAccelerate the work."
    found = newslint.check_text(text, config=vale)
    hits = [(f.line, f.column, f.message, f.fix.safe, f.fix.edits[0].text) for f in found
            if f.rule == "vale/NewsStyle.Plenty"]
    assert hits == [(1, 13, "Consider using 'plenty' instead of 'abundance'", True, "plenty"),
                    (2, 1, "Consider using 'Speed up' instead of 'Accelerate'", True, "Speed up")]


def test_vale_occurrence_sentence_length(vale):
    long = " ".join(f"word{i}" for i in range(26)) + "."
    text = f"A short one. {long}\nAnother short one."
    assert _check(vale, text, "vale/NewsStyle.SentenceLength") == [
        ("vale/NewsStyle.SentenceLength", 1, 14, "Sentences should be less than 25 words")]


def test_vale_repetition(vale):
    text = "We went to the the shop.\nIt was fine."
    assert _check(vale, text, "vale/NewsStyle.Repetition") == [
        ("vale/NewsStyle.Repetition", 1, 12, "'the' is repeated!")]


def test_vale_consistency_flags_the_later_variant(vale):
    text = "The advisor spoke.\nLater the adviser left.\nThe centre held."
    assert [(r, line, col) for r, line, col, _ in _check(vale, text, "vale/NewsStyle.Spelling")] == [
        ("vale/NewsStyle.Spelling", 2, 11)]


def test_vale_conditional_documented_example(vale):
    # Vale's documentation: "test.md:1:224:vale.UnexpandedAcronyms:'DAFB' has no definition".
    text = ("According to Wikipedia, the World Health Organization (WHO) is a specialized agency of the United "
            "Nations that is concerned with international public health. We can now use WHO because it has been "
            "defined, but we can't use DAFB because people may not know what it represents. ABC is fine.")
    assert _check(vale, text, "vale/NewsStyle.UnexpandedAcronyms") == [
        ("vale/NewsStyle.UnexpandedAcronyms", 1, 224, "'DAFB' has no definition")]


def test_conditional_flags_use_before_definition(vale):
    text = "WHO met today. The World Health Organization (WHO) said so."
    assert [c for _, _, c, _ in _check(vale, text, "vale/NewsStyle.UnexpandedAcronyms")] == [1]


def test_vale_ids_select_ignore_and_severity(tmp_path):
    config = _config(tmp_path, f"""\
        styles: [{VALE}]
        ignore: [vale/NewsStyle.Repetition]
        rules:
          vale/NewsStyle.Hedging: error
        """)
    found = newslint.check_text("It is arguably the the best.", config=config)
    rules = {f.rule: f.severity for f in found if f.rule.startswith("vale/")}
    assert rules == {"vale/NewsStyle.Hedging": "error"}
    selected = load_config(tmp_path / ".newslint.yaml", select=["vale/NewsStyle.Hedging"])
    assert {f.rule for f in newslint.check_text("Kiev is arguably the the best.", config=selected)} == \
        {"vale/NewsStyle.Hedging"}


def test_unsupported_type_warns_once(tmp_path, capsys):
    declarative._warned.clear()
    _config(tmp_path, f"styles: [{VALE}]\n")
    _config(tmp_path, f"styles: [{VALE}]\n")
    err = capsys.readouterr().err
    assert err.count("Hunspell.yml") == 1 and "'spelling' is not supported" in err


# -- rule files and custom-rules --------------------------------------------------------
def test_rule_files_and_folders(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "whom.yml").write_text("extends: existence\nmessage: Avoid '%s'\ntokens: [whom]\n")
    (tmp_path / "more.yaml").write_text(
        "house/utilise:\n  extends: substitution\n  message: Use '%s'\n  swap: {utilise: use}\n")
    config = _config(tmp_path, "rule-files: [rules/, more.yaml]\n")
    assert _check(config, "To whom we utilise.") == [
        ("custom/whom", 1, 4, "Avoid 'whom'"), ("house/utilise", 1, 12, "Use 'use'")]


def test_custom_rules_in_config_and_every_type(tmp_path):
    config = _config(tmp_path, """\
        custom-rules:
          house/zelenskyy:
            extends: consistency
            message: "Use the house form, not '%s'"
            variants:
              - {preferred: Zelenskyy, forms: [Zelenskiy, Zelensky]}
          house/towns:
            extends: consistency
            message: "Inconsistent: '%s'"
            variants: [[Kyiv, Kiev, Kiyv]]
          house/caps:
            extends: capitalization
            message: "'%s' should be in sentence case"
            scope: [heading]
            match: $sentence
          house/grade:
            extends: metric
            message: "Grade %s is too high"
            formula: flesch-kincaid
            condition: "> 12"
          house/few:
            extends: occurrence
            message: "Paragraph has only %s words"
            scope: paragraph
            min: 3
        """)
    text = "Zelensky met aides. Kiev talks, then Kyiv talks and Kiyv."
    found = _check(config, text, "house/")
    assert [(r, c) for r, _, c, _ in found] == [("house/zelenskyy", 1), ("house/towns", 38), ("house/towns", 53)]
    long_words = "Internationalisation considerations necessitate extraordinarily comprehensive deliberation."
    assert [r for r, *_ in _check(config, long_words + " " + long_words, "house/")] == ["house/grade"]
    assert [r for r, *_ in _check(config, "Hi.", "house/")] == ["house/few"]


def test_capitalization_title_case_ap(tmp_path):
    config = _config(tmp_path, """\
        custom-rules:
          house/title:
            extends: capitalization
            message: "'%s' should be in title case"
            scope: heading
            match: $title
            style: AP
        """)
    findings = newslint.check_text("# Talks in the city go on\n\nBody text.\n\n# Talks in the City Go On\n",
                                   path="a.md", config=config)
    assert [(f.rule, f.line) for f in findings if f.rule == "house/title"] == [("house/title", 1)]


def test_declarative_rules_in_rules_command(tmp_path, run_cli):
    (tmp_path / ".newslint.yaml").write_text(f"styles: [{VALE}]\n")
    code, out, _ = run_cli("check", "--select", "vale/NewsStyle.Hedging", "-", stdin=b"arguably so",
                           cwd=tmp_path)
    assert code == 1 and "vale/NewsStyle.Hedging" in out


def test_bad_definition_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError) as error:
        _config(tmp_path, "custom-rules:\n  house/bad:\n    extends: existence\n    tokens: ['(unclosed']\n")
    assert "house/bad" in str(error.value) and ".newslint.yaml" in str(error.value)
    with pytest.raises(ConfigError):
        _config(tmp_path, "custom-rules:\n  house/m:\n    extends: metric\n    formula: __import__('os')\n"
                          "    condition: '> 1'\n")


def test_pathological_regex_reports_an_error_and_other_rules_run(tmp_path, monkeypatch):
    monkeypatch.setattr(declarative, "TIMEOUT", 0.2)
    config = _config(tmp_path, """\
        custom-rules:
          house/slow:
            extends: existence
            message: slow
            nonword: true
            raw: ['(a|aa)+c']
          house/fine:
            extends: existence
            message: "found %s"
            tokens: [whom]
        """)
    started = time.perf_counter()
    found = _check(config, "a" * 60 + " whom", "house/")
    assert time.perf_counter() - started < 5
    assert ("house/fine", 1, 62, "found whom") in found
    errors = [m for r, _, _, m in found if r == "house/slow"]
    assert len(errors) == 1 and errors[0].startswith("rule error: house/slow")


def test_ten_thousand_terms_compile_into_one_pattern(tmp_path):
    swap = "\n".join(f"      term{i}x: good{i}" for i in range(10000))
    config = _config(tmp_path, f"custom-rules:\n  house/big:\n    extends: substitution\n    message: \"Use '%s'\"\n"
                               f"    swap:\n{swap}\n")
    rule = config.custom_rules["house/big"]
    assert len(rule.literal) == 10000 and rule.pattern.pattern.count("term") == 1
    assert _check(config, "We saw term9999x and term5x.", "house/") == [
        ("house/big", 1, 8, "Use 'good9999'"), ("house/big", 1, 22, "Use 'good5'")]


def test_readability_formulas_are_named_not_evaluated():
    scores = declarative.readability("The cat sat on the mat.", 1)
    assert 100 < scores["flesch-reading-ease"] < 120
    assert scores["flesch-kincaid"] < 0
