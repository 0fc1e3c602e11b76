"""`gatewatch text …` on stdin, and the text checks of `report add` and `answer`."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from desktop.cli import EXIT_BAD_INPUT, EXIT_OK, main
from tests.helpers.cli import data_dir, gw, write_report  # noqa: F401 (a fixture)

ZAWGYI = "လိုင္ဇာ ဂိတ္ကို ပိတ္ထားသည္"
UNICODE = "လိုင်ဇာ ဂိတ်ကို ပိတ်ထားသည်"
PHONE, NRC, PLATE, EMAIL = "09 751 234 567", "12/OuKaMa(N)123456", "kcn 2b-1234", "ko@gmail.com"


def run_on_stdin(monkeypatch: pytest.MonkeyPatch, text: str, *args: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    return main(list(args))


def test_text_zawgyi_prints_a_probability_or_the_unicode_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_on_stdin(monkeypatch, ZAWGYI, "text", "zawgyi") == EXIT_OK
    assert float(capsys.readouterr().out) > 0.95
    assert run_on_stdin(monkeypatch, UNICODE, "text", "zawgyi") == EXIT_OK
    assert float(capsys.readouterr().out) == 0.0
    assert run_on_stdin(monkeypatch, f"{ZAWGYI}\n", "text", "zawgyi", "--convert") == EXIT_OK
    assert capsys.readouterr().out == f"{UNICODE}\n"
    assert run_on_stdin(monkeypatch, f"{UNICODE}\n", "text", "zawgyi", "--convert") == EXIT_OK
    assert capsys.readouterr().out == f"{UNICODE}\n"


def test_text_scan_prints_one_json_line_per_finding_and_exits_0(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = f"call {PHONE} or write to {EMAIL}"
    assert run_on_stdin(monkeypatch, text, "text", "scan") == EXIT_OK
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [
        {"kind": "phone", "start": 5, "end": 5 + len(PHONE)},
        {"kind": "email", "start": text.index(EMAIL), "end": len(text)},
    ]
    assert run_on_stdin(monkeypatch, "4500 kyat at 09:30", "text", "scan") == EXIT_OK
    assert capsys.readouterr().out == ""


def with_details(tmp_path: Path) -> Path:
    return write_report(
        tmp_path,
        gate=None,
        new_crossing={"name": f"Ko Aung's path {PHONE}", "description": f"{NRC} {PLATE}"},
        prices=[{"commodity": "ဆီ ၀၉၇၅၁၂၃၄၅၆၇", "unit": "litre", "amount": 4500, "currency": "MMK"}],
        narrative=f"{EMAIL} knows.",
    )


@pytest.mark.parametrize("draft", [[], ["--draft"]])
def test_report_add_refuses_personal_details_naming_kind_and_field_only(
    data_dir: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    draft: list[str],
) -> None:
    capsys.readouterr()
    assert gw(data_dir, "report", "add", "--json", str(with_details(tmp_path)), *draft) == 2
    err = capsys.readouterr().err
    for part in (
        "phone in new_crossing.name",
        "nrc in new_crossing.description",
        "plate in new_crossing.description",
        "phone in prices[0].commodity",
        "email in narrative",
        "--allow-personal-details",
    ):
        assert part in err
    for secret in ("751", "OuKaMa", "2b-1234", "ko@", "Ko Aung"):
        assert secret not in err
    assert gw(data_dir, "report", "list", "--json") == EXIT_OK
    assert json.loads(capsys.readouterr().out) == []

    args = ["report", "add", "--json", str(with_details(tmp_path)), *draft]
    assert gw(data_dir, *args, "--allow-personal-details") == EXIT_OK


def test_report_add_refuses_zawgyi_naming_the_field_until_told_what_to_do(
    data_dir: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(write_report(tmp_path, narrative=f"Update: {ZAWGYI}"))
    capsys.readouterr()
    assert gw(data_dir, "report", "add", "--json", path) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "Zawgyi text in narrative" in err
    assert "--zawgyi convert" in err
    assert ZAWGYI not in err

    for mode, stored in (("convert", UNICODE), ("keep", ZAWGYI)):
        assert gw(data_dir, "report", "add", "--json", path, "--zawgyi", mode) == EXIT_OK
        report_id = capsys.readouterr().out.strip()
        assert gw(data_dir, "report", "show", report_id, "--json") == EXIT_OK
        assert json.loads(capsys.readouterr().out)["narrative"] == f"Update: {stored}"


def test_a_unicode_report_needs_no_zawgyi_option(
    data_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = str(write_report(tmp_path, narrative=f"Update: {UNICODE} လူ၏"))
    assert gw(data_dir, "report", "add", "--json", path) == EXIT_OK
