//! 填表说明, the sheet in every template that tells a village how to fill the ledger: what it is
//! for in the plan's own words (SPEC §5), in a pack what the office already filled in, each column as
//! declared (required or not, what it holds, the values allowed), and the general rules of filling
//! (the example row, phone visits, zero reports). In: the plan, one ledger declaration and the
//! recipient; out: the written sheet.

use super::validation::{campaign_span, is_slogan_text, weeks, OTHER_SLOGAN};
use super::{Recipient, EXAMPLE_ROW, FIRST_ROW};
use crate::ledger::schema::{Kind, Spec, Ty};
use crate::plan::Plan;
use crate::report::style::{
    column_px, lines_in, print_setup, row_height, write_merged, write_title, Styles,
};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ColNum, Format, RowNum, Worksheet, XlsxError};

/// What the register says of a unit, e.g. `320户，4个网格`.
pub(super) fn unit_facts(u: &crate::resolve::units::Unit) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(h) = u.households {
        parts.push(format!("{h}户"));
    }
    if let Some(g) = u.grids {
        parts.push(format!("{g}个网格"));
    }
    (!parts.is_empty()).then(|| parts.join("，"))
}

/// What column `i` holds, in words, and the example or values to show.
pub(super) fn describe(plan: &Plan, spec: &Spec, i: usize, to: Recipient) -> (String, String) {
    let c = &spec.columns[i];
    let (a, b) = campaign_span(plan);
    let span = format!("{} 至 {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d"));
    let (what, how): (&str, String) = match &c.ty {
        _ if is_slogan_text(spec, i) => (
            "标语",
            format!("从下拉列表选择方案附件2所列标语；其他标语选“{OTHER_SLOGAN}”并在本行右侧写明原文（仍算不符合方案）"),
        ),
        Ty::Unit => match to {
            Recipient::One(u) => (
                "村居名称",
                match unit_facts(u) {
                    Some(f) => format!("已填好“{}”（名册：{f}），不用改", u.name),
                    None => format!("已填好“{}”，不用改", u.name),
                },
            ),
            Recipient::All(_) if to.unit_names(spec.kind).is_empty() => {
                ("村居名称", "填写本村（社区）全称，与镇村居名册一致".into())
            }
            Recipient::All(_) => ("村居名称", "从下拉列表选择".into()),
        },
        Ty::Text => ("文字", String::new()),
        Ty::Person => ("姓名", "写全名；报领导的报表中会自动隐去部分字".into()),
        Ty::Phone => (
            "电话号码",
            "11位手机号，或带区号的座机（如 0632-1234567），只写一个号码".into(),
        ),
        Ty::Date => ("日期", format!("如 2021-04-07 或 2021年4月7日，须在 {span} 之间")),
        Ty::DateTime => (
            "日期和时间",
            format!("如 2021-04-09 16:30（写到分钟，判断是否按时报送），须在 {span} 之间"),
        ),
        Ty::Count => ("整数", "0 或正整数，没有就填 0".into()),
        Ty::YesNo => ("是/否", "从下拉列表选择“是”或“否”".into()),
        Ty::Choice(v) => ("下拉选择", v.join("、")),
        Ty::Week => (
            "周次",
            format!(
                "从下拉列表选择 第1期 至 第{}期（第1期 = {} 所在周）；不填则按报送时间归入周次",
                weeks(plan).len(),
                plan.calendar.first_week
            ),
        ),
        Ty::Answer(n) => {
            let q = plan.question(*n);
            let text = q.map(|q| q.text.as_str()).unwrap_or("");
            let opts = q.map(|q| q.options.join("、")).unwrap_or_default();
            return ("问卷答案".into(), format!("{text} 可选：{opts}（也可写选项序号 1、2…）"));
        }
    };
    let mut how = how;
    if !c.note.is_empty() && !how.contains(&c.note) {
        if !how.is_empty() {
            how.push('；');
        }
        how.push_str(&c.note);
    }
    (what.to_string(), how)
}

/// The word a zero report writes in 纠纷类型: 零报告 when the plan accepts it, else its first word.
fn zero_word(plan: &Plan) -> &str {
    let t = &plan.disputes.zero_report_types;
    t.iter()
        .find(|w| w.as_str() == "零报告")
        .or(t.first())
        .map(String::as_str)
        .unwrap_or("零报告")
}

fn md(d: NaiveDate) -> String {
    format!("{}月{}日", d.month(), d.day())
}

fn weekday_zh(n: u32) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "日"][(n.clamp(1, 7) - 1) as usize]
}

/// What a ledger is for, and the plan's own words for the rules it feeds (SPEC §5).
fn purpose(plan: &Plan, kind: Kind) -> (String, Vec<String>) {
    let m = &plan.minimums;
    let d = &plan.deadlines;
    let cal = &plan.calendar;
    let deadline = format!(
        "每周{}{}前",
        weekday_zh(cal.weekly_report_weekday),
        cal.weekly_report_time.format("%H:%M")
    );
    let visit_words =
        "开展一次“地毯式”走访，确保“户户到”（不在家的要确保电话访问到位）".to_string();
    let survey_words =
        "将民意调查的问卷（附件1）送到群众家中，面对面进行宣传、解读、调查".to_string();
    match kind {
        Kind::Register => (
            "全镇村（社区）和镇直单位的名册，由镇提升办维护。各台账中的村居名称都与它核对；户数是走访“户户到”覆盖率的分母，类别决定哪些要求适用（如镇直单位的电子显示屏标语）。".into(),
            vec![visit_words],
        ),
        Kind::Liaison => (
            format!("各村（社区）报送“双提升”工作的一把手、分管负责人和联络员，{}前报送。", md(d.liaison)),
            vec![format!(
                "明确一把手亲自抓总、分管同志具体负责 … 明确一名“双提升”工作联络员 … 于{}前报送",
                md(d.liaison)
            )],
        ),
        Kind::WeeklyReport => (
            format!("各村（社区）联络员每周报送本周工作开展情况，{deadline}报镇提升办；报送时间写到分钟，据此判断按时、迟报。所属周次从下拉列表选择（第1期 = {} 所在周）。本周没有走访、纠纷或大喇叭宣传的，对应的数字填 0，不要留空或写“无”。", cal.first_week),
            vec![format!(
                "各村联络员于每周{}下班前向镇提升办报送本周工作开展情况",
                weekday_zh(cal.weekly_report_weekday)
            )],
        ),
        Kind::Visit => (
            "记录每一户的走访：省民意调查前每户都要走访到（入户，不在家的电话访问），入户时把问卷和公开信送到。电话访问的户：走访方式写“电话”，发放问卷、送达公开信写“否”，不算未送到；日后入户送到时再记一行“入户”。一户一行，同一户多次走访可写多行。".into(),
            vec![visit_words, "将民意调查的问卷送到群众家中 … 送上一封公开信".into()],
        ),
        Kind::Survey => (
            "逐份录入民意调查问卷（附件1）的答案，用来计算知晓率、满意率、安全感率等指标。一份问卷一行。".into(),
            vec![survey_words],
        ),
        Kind::SurveyTally => (
            "没有逐份录入问卷的，按题按选项填写人数汇总，用来计算各项民调指标。一个选项一行。".into(),
            vec![survey_words],
        ),
        Kind::Dispute => (
            format!(
                "每周摸排化解矛盾纠纷，一件纠纷一行；本周没有纠纷的也要报（零报告）：填一行，写村居和排查日期，纠纷类型写“{}”，简要情况写“{}”，当事人、化解状态不用填。排查后超过{}天未化解的列为逾期。",
                zero_word(plan),
                plan.disputes.zero_report_phrases.first().map(String::as_str).unwrap_or("本周无矛盾纠纷"),
                m.dispute_overdue_days
            ),
            vec![
                "每周定期摸排化解矛盾".into(),
                "适时组织群众代表参与矛盾纠纷调解".into(),
            ],
        ),
        Kind::Slogan => (
            format!(
                "登记悬挂和播放的宣传标语，一条一行。标语内容从下拉列表选择，须为方案附件2所列标语：{}。确需登记其他标语的，选“{OTHER_SLOGAN}”，并在本行右侧加一列“备注”写明原文；这类标语不计入方案要求的条数。",
                plan.slogans.iter().enumerate().map(|(i, s)| format!("{}.{s}", i + 1)).collect::<Vec<_>>().join("；")
            ),
            vec![format!(
                "各村悬挂不少于{}条标语，镇直单位利用电子显示屏滚动播放至少{}条标语",
                m.village_slogans, m.town_unit_screen_slogans
            )],
        ),
        Kind::Activity => (
            format!(
                "登记动员部署会、专题部署会、大喇叭宣传、座谈宣讲、工作总结等活动，一次一行。动员部署会{}前召开；镇直单位在每次省民意调查前开一次专题部署会；工作总结{}前报送。",
                md(d.mobilisation),
                md(d.summary)
            ),
            vec![
                "要召开动员部署会议".into(),
                "镇直各单位在民意调查前要组织开展一次专题部署会议".into(),
                format!("各村工作总结请于{}前报镇提升办", md(d.summary)),
            ],
        ),
        Kind::Officer => (
            "登记进驻网格报到的政法干警，一人一个网格一行；每个网格至少要有一名干警报到。".into(),
            vec!["确保政法干警进驻网格报到后 … 能与基层党组织、网格长、网格员融合联动".into()],
        ),
        Kind::Supervision => (
            format!(
                "镇提升办记录每次督查：方式、发现的问题、整改要求和期限、整改情况。每村每月至少督查{}次。",
                m.supervision_per_month
            ),
            vec!["督查采取上门查看、明察暗访、电话抽查等方式进行".into()],
        ),
    }
}

/// The case of this ledger that clerks most often get wrong, said once more among the rules.
fn special_rule(plan: &Plan, kind: Kind) -> Option<String> {
    match kind {
        Kind::Visit => Some("电话访问的户：走访方式写“电话”，发放问卷、送达公开信写“否”；日后入户送到问卷和公开信时再记一行“入户”。".into()),
        Kind::Dispute => Some(format!(
            "本周没有矛盾纠纷也要报（零报告）：填一行，写村居和排查日期，纠纷类型写“{}”，其余不用填。",
            zero_word(plan)
        )),
        Kind::WeeklyReport => Some("本周没有走访、纠纷或大喇叭宣传的，数字填 0，不要留空或写“无”。".into()),
        Kind::Slogan => Some(format!("标语内容只能从下拉列表选；选“{OTHER_SLOGAN}”的，要在右侧“备注”列写明原文，它不计入方案要求的条数。")),
        _ => None,
    }
}

pub(super) fn help_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    plan: &Plan,
    spec: &Spec,
    to: Recipient,
) -> Result<(), XlsxError> {
    const WIDTHS: [f64; 4] = [16.0, 7.0, 12.0, 57.0];
    let total: f64 = WIDTHS.iter().sum();
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(c as ColNum, *w)?;
    }
    let last = WIDTHS.len() as ColNum - 1;
    write_title(
        ws,
        st,
        0,
        last + 1,
        &format!("{}{}填表说明", plan.town.name, spec.kind.zh()),
    )?;
    let mut row: RowNum = 1;
    let para =
        |ws: &mut Worksheet, row: &mut RowNum, text: &str, fmt: &Format| -> Result<(), XlsxError> {
            write_merged(ws, *row, 0, last, text, fmt)?;
            ws.set_row_height(*row, row_height(lines_in(text, total)))?;
            *row += 1;
            Ok(())
        };
    let body = st.paragraph.clone().set_font_size(11);
    let (what, quotes) = purpose(plan, spec.kind);
    para(ws, &mut row, "一、用途", &st.heading)?;
    para(ws, &mut row, &what, &body)?;
    for q in &quotes {
        // Quotes inside the quote become ‘’, as in official documents.
        let q = q.replace('“', "‘").replace('”', "’");
        para(
            ws,
            &mut row,
            &format!("方案原文：“{q}”（{}）", plan.town.document),
            &body,
        )?;
    }
    if let Recipient::One(u) = to {
        let mut s = format!(
            "本表是{}（{}）专用的台账，由镇提升办按村居名册生成：村居一列已经填好，不用再写",
            u.name,
            u.kind.zh()
        );
        if let Some(f) = unit_facts(u) {
            s.push_str(&format!("。名册登记：{f}"));
            if spec.kind == Kind::Visit && u.households.is_some() {
                s.push_str("，走访要覆盖全部户数（户户到）");
            }
        }
        s.push_str("；户数、网格数有误的，请告知镇提升办更正名册。");
        para(ws, &mut row, &s, &body)?;
    }
    row += 1;
    para(ws, &mut row, "二、各列填写要求", &st.heading)?;
    for (c, h) in ["列名", "必填", "内容", "怎么填 / 可选值"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(row, c as ColNum, *h, &st.header)?;
    }
    row += 1;
    for (i, c) in spec.columns.iter().enumerate() {
        let (what, how) = describe(plan, spec, i, to);
        ws.write_string_with_format(row, 0, &c.name, &st.text)?;
        ws.write_string_with_format(row, 1, if c.required { "必填" } else { "选填" }, &st.center)?;
        ws.write_string_with_format(row, 2, &what, &st.center)?;
        ws.write_string_with_format(row, 3, &how, &st.text)?;
        ws.set_row_height(
            row,
            row_height(lines_in(&how, WIDTHS[3]).max(lines_in(&c.name, WIDTHS[0]))),
        )?;
        row += 1;
    }
    row += 1;
    para(ws, &mut row, "三、填写规则", &st.heading)?;
    let rules = [
        "1. 表头（第3行）的文字不要改动，列的顺序可以调整；需要时可在右侧加列，多出的列不读取。".to_string(),
        format!("2. 第{}行灰色的是示例（第一格以“示例”开头），不读取，可以照着填，不用删除；从第{}行起一行一条记录，不要合并单元格，不要在数据中间插入小计或空行。", EXAMPLE_ROW + 1, FIRST_ROW + 1),
        "3. 日期写成 2021-04-07、2021/4/7 或 2021年4月7日，不要写成 2021.4.7 或“4月7日下午”；报送时间写到分钟，如 2021-04-09 16:30。超出活动期间的日期表格会拒绝。".into(),
        "4. 是/否 列填“是”或“否”（√/×、有/无 也认）。".into(),
        "5. 有下拉箭头的列请从下拉列表中选择，不要自己改写；电话只写一个号码（11位手机号或带区号的座机）。".into(),
        format!(
            "6. 每次报送可发送累计的整张表，重复的行只算一次；{}报镇提升办。",
            format_args!(
                "每周{}{}前",
                weekday_zh(plan.calendar.weekly_report_weekday),
                plan.calendar.weekly_report_time.format("%H:%M")
            )
        ),
        "7. 报送后如收到“退回修改清单”，按清单所列的工作表和单元格逐项改正后重新报送。".into(),
    ];
    for r in &rules {
        para(ws, &mut row, r, &body)?;
    }
    if let Some(r) = special_rule(plan, spec.kind) {
        para(ws, &mut row, &format!("8. {r}"), &body)?;
    }
    print_setup(ws, WIDTHS.iter().map(|&w| column_px(w)).sum(), None)?;
    Ok(())
}
