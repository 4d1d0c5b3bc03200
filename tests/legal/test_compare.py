"""Clause-by-clause comparison of contract editions (pure functions, no database)."""

from cms.legal.compare import (
    Clause,
    EditionText,
    compare_clauses,
    compare_editions,
    comparison_pairs,
    diff_ops,
)


def text_of(ops, *kinds) -> str:
    return "".join(op["text"] for op in ops if op["op"] in kinds)


def test_diff_ops_rebuild_both_texts():
    old, new = "乙方应于十日内付清全部价款。", "乙方应于收货后五日内付清价款。"
    ops = diff_ops(old, new)
    assert text_of(ops, "equal", "delete") == old
    assert text_of(ops, "equal", "insert") == new
    assert ops[0] == {"op": "equal", "text": "乙方应于"}


def test_a_single_unchanged_character_between_changes_is_folded_in():
    ops = diff_ops("甲十日乙", "甲五月乙")
    assert ops == [
        {"op": "equal", "text": "甲"},
        {"op": "delete", "text": "十日"},
        {"op": "insert", "text": "五月"},
        {"op": "equal", "text": "乙"},
    ]


def test_identical_and_empty_texts():
    assert diff_ops("相同。", "相同。") == [{"op": "equal", "text": "相同。"}]
    assert diff_ops("", "新增。") == [{"op": "insert", "text": "新增。"}]
    assert diff_ops("删除。", "") == [{"op": "delete", "text": "删除。"}]


OLD = (
    Clause(1, "标的物", "出卖人向买受人出售商品。"),
    Clause(2, "价款", "总价款为十万元。"),
    Clause(3, "质量标准", "按国家标准执行。"),
    Clause(4, "违约责任", "违约方按每日万分之三支付违约金。"),
)
NEW = (
    Clause(1, "标的物", "出卖人向买受人出售商品。"),
    Clause(2, "价款", "总价款为十万元（大写：壹拾万元整）。"),
    Clause(3, "检验与异议", "买受人应当在收货后七日内检验。"),
    Clause(4, "违约责任", "违约方按每日万分之五支付违约金。"),
    Clause(5, "合同价格", "价格不含税。"),
)


def test_clauses_match_by_heading_then_number():
    rows = compare_clauses(OLD, NEW)
    assert [(r["status"], r["old_label"], r["new_label"], r["heading"]) for r in rows] == [
        ("unchanged", "第一条", "第一条", "标的物"),
        ("changed", "第二条", "第二条", "价款"),
        ("removed", "第三条", "", "质量标准"),
        ("added", "", "第三条", "检验与异议"),
        ("changed", "第四条", "第四条", "违约责任"),
        ("added", "", "第五条", "合同价格"),
    ]
    assert rows[2]["anchor"] == "removed-clause-3" and rows[3]["anchor"] == "clause-3"


def test_a_renumbered_clause_keeps_its_identity():
    old = (Clause(1, "甲", "第一段。"), Clause(2, "乙", "第二段。"))
    new = (
        Clause(1, "新增", "插入的条款。"),
        Clause(2, "甲", "第一段。"),
        Clause(3, "乙", "第二段。"),
    )
    rows = compare_clauses(old, new)
    assert [r["status"] for r in rows] == ["added", "unchanged", "unchanged"]
    assert rows[1]["renumbered"] and rows[1]["old_label"] == "第一条"


def test_a_reworded_heading_with_similar_text_is_a_change():
    old = (Clause(1, "付款", "买受人应当在收货后十日内付款。"),)
    new = (Clause(1, "付款方式", "买受人应当在验收合格后十日内付款。"),)
    (row,) = compare_clauses(old, new)
    assert row["status"] == "changed"
    assert text_of(row["heading_ops"], "insert") == "方式"


def test_removed_clauses_keep_their_place():
    old = (Clause(1, "甲", "一。"), Clause(2, "乙", "二。"), Clause(3, "丙", "三。"))
    new = (Clause(1, "甲", "一。"), Clause(2, "丙", "三。"))
    rows = compare_clauses(old, new)
    assert [(r["status"], r["heading"]) for r in rows] == [
        ("unchanged", "甲"),
        ("removed", "乙"),
        ("unchanged", "丙"),
    ]


def test_compare_editions_counts_and_names_the_pair():
    result = compare_editions(
        EditionText("2021", "2021版", OLD), EditionText("2026", "2026版", NEW)
    )
    assert result["key"] == "2021-2026" and result["title"] == "2021版与2026版对照"
    assert result["counts"] == {"added": 2, "removed": 1, "changed": 2, "unchanged": 1}


def test_each_edition_is_compared_with_the_next_and_the_current():
    assert comparison_pairs([1]) == []
    assert comparison_pairs([1, 2]) == [(1, 0)]
    assert comparison_pairs([1, 2, 3]) == [(1, 0), (2, 1), (2, 0)]
