//! 问题类别: the Chinese name a person reads for every diagnostic code. Codes are stable English for
//! machines (`--json`, the terminal's `[code]`); the sheets leaders and clerks read show the category
//! (台账填写, 周报, 走访 …) and a short label instead. One table, so a new code cannot reach a sheet
//! unnamed: `tests/labels.rs` collects every code the program emits and asserts it is here.

/// The category and the label of a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub category: &'static str,
    pub label: &'static str,
}

impl Label {
    /// `周报：周报数字与台账不一致`
    pub fn shown(&self) -> String {
        format!("{}：{}", self.category, self.label)
    }
}

/// (code, category, label), grouped by category.
pub const LABELS: &[(&str, &str, &str)] = &[
    // Files and sheets
    ("unreadable_file", "文件", "文件无法读取"),
    ("file_note", "文件", "文件格式提示"),
    ("missing_column", "台账填写", "缺少必填列"),
    // Filling in a ledger
    ("missing_value", "台账填写", "必填项为空"),
    ("missing_unit", "台账填写", "未填村居"),
    ("unknown_unit", "台账填写", "村居名称不在名册中"),
    ("unit_unresolved", "台账填写", "无法确定所属村居"),
    ("error_value", "台账填写", "公式错误值"),
    ("bad_date", "台账填写", "日期无法识别"),
    ("blank_answer", "民调", "问卷该题未作答"),
    ("header_by_word_family", "表头", "表头按近义词识别"),
    ("header_by_content", "表头", "列按内容识别"),
    ("header_ambiguous", "表头", "表头像多列，未采用"),
    ("header_contested", "表头", "两列争同一列，未采用"),
    ("header_maybe_missing_column", "表头", "可能是缺少的必填列"),
    ("uncalculated_formula", "台账填写", "公式没有计算结果"),
    ("date_out_of_year", "台账填写", "日期不在活动年度内"),
    ("date_after_received", "台账填写", "日期晚于收到文件的日期"),
    ("bad_number", "台账填写", "数字无法识别"),
    ("bad_phone", "台账填写", "电话号码有误"),
    ("bad_yes_no", "台账填写", "是/否无法识别"),
    ("bad_choice", "台账填写", "不是可选的填法"),
    // The register
    ("no_register", "村居名册", "未找到村居名册"),
    ("no_ledgers", "报送", "未报送任何台账"),
    ("register_conflict", "村居名册", "两份名册不一致"),
    (
        "register_outside_office",
        "村居名册",
        "名册不在办公室文件夹",
    ),
    // R1, R2, R8: organisation
    ("R1_liaison_missing", "组织部署", "未报送联络员名单"),
    ("R1_liaison_incomplete", "组织部署", "联络员名单信息不全"),
    ("R1_liaison_late", "组织部署", "联络员名单逾期报送"),
    ("R1_liaison_pending", "组织部署", "联络员名单待报送"),
    ("R2_meeting_missing", "组织部署", "未召开动员部署会"),
    ("R2_meeting_late", "组织部署", "动员部署会晚于期限"),
    ("R2_meeting_pending", "组织部署", "动员部署会待召开"),
    ("R8_topic_meeting_missing", "组织部署", "未召开专题部署会"),
    ("R8_topic_meeting_pending", "组织部署", "专题部署会待召开"),
    // R3: weekly reports
    ("R3_report_missing", "周报", "周报未报"),
    ("R3_report_late", "周报", "周报迟报"),
    ("report_ledger_mismatch", "周报", "周报数字与台账不一致"),
    ("bad_week", "周报", "周次无法识别"),
    // R4, R5: visits
    ("R4_coverage_short", "走访", "民调前未实现户户到"),
    ("R4_coverage_progress", "走访", "走访进度"),
    ("R5_questionnaire_letter", "走访", "问卷、公开信未送到每户"),
    // R6: disputes
    ("R6_not_screened", "纠纷", "本周未排查矛盾纠纷"),
    ("R6_overdue", "纠纷", "矛盾纠纷逾期未化解"),
    ("resolved_without_date", "纠纷", "已化解未填化解日期"),
    ("resolved_before_screened", "纠纷", "化解日期早于排查日期"),
    ("dispute_versions_differ", "纠纷", "同一纠纷各版本不一致"),
    // R7: slogans
    ("R7_slogans_short", "标语", "标语数量不足"),
    ("R7_slogan_unapproved", "标语", "标语不是附件2所列内容"),
    ("R7_slogan_typo", "标语", "标语疑有错别字"),
    // Survey
    ("bad_answer", "民调", "答案无法识别"),
    ("bad_age", "民调", "年龄填写有误"),
    ("empty_questionnaire", "民调", "问卷没有有效答案"),
    ("bad_tally_question", "民调", "汇总表题号无法识别"),
    ("bad_tally_option", "民调", "汇总表选项无法识别"),
    ("tally_overlap", "民调", "汇总人数重复"),
    // R9: officers in grids
    ("R9_grid_without_officer", "干警进网格", "网格无干警报到"),
    // R10: work summaries
    ("R10_summary_missing", "工作总结", "未报送工作总结"),
    ("R10_summary_late", "工作总结", "工作总结逾期报送"),
    ("R10_summary_pending", "工作总结", "工作总结待报送"),
    // R11: supervision
    ("R11_rectify_overdue", "督查", "整改逾期未完成"),
    ("R11_rectify_pending", "督查", "正在整改"),
    ("R11_no_deadline", "督查", "整改未定期限"),
];

/// The label of `code`, or None for a code not in the table (a test keeps that from happening).
pub fn label(code: &str) -> Option<Label> {
    LABELS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|&(_, category, label)| Label { category, label })
}

/// What a sheet shows for `code`: its category and label, or `其他` — never the code itself.
pub fn shown(code: &str) -> String {
    label(code).map_or_else(|| "其他".to_string(), |l| l.shown())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_labels_chinese() {
        let mut seen = std::collections::HashSet::new();
        for (code, cat, label) in LABELS {
            assert!(seen.insert(code), "{code} twice");
            assert!(!cat.is_ascii() && !label.is_ascii(), "{code}");
        }
        assert_eq!(shown("R6_overdue"), "纠纷：矛盾纠纷逾期未化解");
        assert_eq!(shown("no_such_code"), "其他");
    }
}
