"""Hostile CSV files: each gets a clear refusal or note (rendered in both languages), never an exception."""

import numpy as np
import pytest

from bn_core.csv_import import MAX_BYTES, MAX_COLUMNS, Refusal, Table, read_csv
from ui.i18n import Translator

CASES = {
    "empty": (b"", "refusal", "empty"),
    "blank lines": (b"\n\n  \n", "refusal", "empty"),
    "header only": (b"a,b\n", "refusal", "header_only"),
    "one row": (b"a,b\n1,2\n", "refusal", "too_few_rows"),
    "non-numeric": (b"name,city\nann,paris\nbob,rome\n", "refusal", "no_numeric"),
    "binary renamed": (bytes(range(256)) * 4, "refusal", "binary"),
    "too big": (b"a,b\n" + b"1,2\n" * (MAX_BYTES // 4 + 1), "refusal", "too_big"),
    "mixed types": (b"a,b,c\n1,2,x\n3,4,5\n5,6,7\n", "note", "mixed_columns"),
    "text column": (b"a,b,name\n1,2,ann\n3,4,bob\n", "note", "text_columns"),
    "missing values": (b"a,b\n1,2\n,4\n5,NA\n7,8\n", "note", "dropped_rows"),
    "constant column": (b"a,b\n1,5\n2,5\n3,5\n", "note", "constant_columns"),
    "infinities": (b"a,b\n1,inf\n2,3\n4,-inf\n5,6\n", "note", "dropped_rows"),
    "non-utf8": ("caf\u00e9,b\n1,2\n3,4\n".encode("latin-1"), "note", "latin1"),
    "thousands of columns": (
        (",".join(f"c{i}" for i in range(3000)) + "\n" + ",".join("1" for _ in range(3000)) + "\n"
         + ",".join(str(i) for i in range(3000)) + "\n").encode(), "note", "too_many_columns"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_gets_its_message_in_both_languages(name):
    data, kind, code = CASES[name]
    result = read_csv(data)
    if kind == "refusal":
        assert isinstance(result, Refusal) and result.code == code
        details, key = result.details, f"upload.refusal.{code}"
    else:
        assert isinstance(result, Table)
        notes = dict(result.notes)
        assert code in notes, result.notes
        details, key = notes[code], f"upload.note.{code}"
    for lang in ("en", "zh"):
        message = Translator(lang)(key, **details)
        assert message and "{" not in message and message != key


def test_missing_rows_are_counted_and_dropped():
    result = read_csv(b"a,b\n1,2\n,4\n5,NA\n7,8\n")
    np.testing.assert_array_equal(result.values, [[1, 2], [7, 8]])
    assert dict(result.notes)["dropped_rows"] == {"count": 2, "total": 4, "inf": False}


@pytest.mark.parametrize(("data", "names"), [
    (b"a;b\n1;2\n3;4\n", ("a", "b")),
    (b"a\tb\n1\t2\n3\t4\n", ("a", "b")),
    ("身高,体重\n170,60\n180,75\n".encode(), ("身高", "体重")),
    ("身高,体重\n170,60\n180,75\n".encode("gb18030"), ("身高", "体重")),
])
def test_delimiters_and_chinese_names(data, names):
    result = read_csv(data)
    assert result.names == names
    assert result.values.shape == (2, 2)


def test_very_large_values_are_kept():
    result = read_csv(b"a,b\n1e300,1\n2e300,2\n3e300,4\n")
    assert result.values[2, 0] == 3e300


def test_thousands_of_columns_are_capped():
    result = read_csv(CASES["thousands of columns"][0])
    assert len(result.names) == MAX_COLUMNS
