"""Plain-language explanations of a credit record: what it means and what to do."""

MEANING = {
    "licence": "该企业依法取得了行政许可，这是正面的登记信息。",
    "penalty": "该企业因违法行为受到行政处罚。",
    "abnormal": (
        "该企业被列入经营异常名录，通常是未按时报送年报、公示信息不实或通过登记住所无法联系。"
    ),
    "serious": "该企业被列入严重违法失信名单，将在政府采购、招投标、融资等方面受到限制。",
    "spot_check": "这是“双随机、一公开”抽查检查的结果。",
    "equity_freeze": "法院要求协助冻结该企业的股权，冻结期间股权不能转让或出质。",
    "dishonest_debtor": (
        "法院将该企业列为失信被执行人，即有履行能力而拒不履行生效法律文书确定的义务。"
    ),
    "major_tax": "税务机关将该企业确定为重大税收违法失信主体。",
    "commendation": "该企业获得表彰奖励，这是正面的信用信息。",
}

TODO = {
    "penalty": "履行处罚决定、完成整改后，可在可申请修复日期之后提出信用修复申请。",
    "abnormal": (
        "补报年报、更正公示信息或办理住所变更后，可申请移出经营异常名录；"
        "满3年未改正的将列入严重违法失信名单。"
    ),
    "serious": "公示满1年后，如已履行义务、完成整改，可申请信用修复。",
    "dishonest_debtor": "履行全部义务后，法院将在3个工作日内删除失信信息；请联系执行法院。",
    "major_tax": "缴清税款、滞纳金和罚款后，可向税务机关申请提前停止公布。",
    "equity_freeze": "请联系作出冻结裁定的法院了解解除条件。",
}

STATUS_NOTE = {
    "repaired": "该记录已完成信用修复，不再公示。",
    "expired": "该记录公示期已满，不再公示。",
    "revoked": "该记录已被撤销，不再公示。",
}


def explain(record) -> str:
    parts = [MEANING.get(record.category, "")]
    if record.status in STATUS_NOTE:
        parts.append(STATUS_NOTE[record.status])
    elif record.category in TODO:
        parts.append(TODO[record.category])
    return "".join(part for part in parts if part)
