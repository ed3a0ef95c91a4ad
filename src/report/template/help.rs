//! 填表说明, the sheet in every blank template that tells a village how to fill the ledger: what it is
//! for in the plan's own words (SPEC §5), each column as declared (required or not, what it holds, the
//! values allowed), and the general rules of filling. In: the plan and one ledger declaration; out:
//! the written sheet.

use crate::ledger::schema::{Column, Kind, Spec, Ty};
use crate::plan::Plan;
use crate::report::style::{
    column_px, lines_in, print_setup, row_height, write_merged, write_title, Styles,
};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ColNum, Format, RowNum, Worksheet, XlsxError};

/// What a column holds, in words, and the example or values to show.
pub(super) fn describe(plan: &Plan, c: &Column, units: &[String]) -> (String, String) {
    let (what, how): (&str, String) = match &c.ty {
        Ty::Unit if units.is_empty() => ("村居名称", "填写本村（社区）全称，与镇村居名册一致".into()),
        Ty::Unit => ("村居名称", "从下拉列表选择".into()),
        Ty::Text => ("文字", String::new()),
        Ty::Person => ("姓名", "写全名；报领导的报表中会自动隐去部分字".into()),
        Ty::Phone => ("电话号码", "11位手机号，或带区号的座机（如 0632-1234567）".into()),
        Ty::Date => ("日期", "如 2021-04-07 或 2021年4月7日".into()),
        Ty::DateTime => ("日期和时间", "如 2021-04-09 16:30（写到分钟，判断是否按时报送）".into()),
        Ty::Count => ("整数", "0 或正整数".into()),
        Ty::YesNo => ("是/否", "从下拉列表选择“是”或“否”".into()),
        Ty::Choice(v) => ("下拉选择", v.join("、")),
        Ty::Week => (
            "周次",
            format!(
                "如 第6期、第6周 或 6，也可写该周内任一日期；不填则按报送时间归入周次（第1期 = {} 所在周）",
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
            format!("各村（社区）联络员每周报送本周工作开展情况，{deadline}报镇提升办；报送时间写到分钟，据此判断按时、迟报。"),
            vec![format!(
                "各村联络员于每周{}下班前向镇提升办报送本周工作开展情况",
                weekday_zh(cal.weekly_report_weekday)
            )],
        ),
        Kind::Visit => (
            "记录每一户的走访：省民意调查前每户都要走访到（入户，不在家的电话访问），入户时把问卷和公开信送到。电话访问的户：走访方式写“电话”，发放问卷、送达公开信写“否”或留空，不算未送到；日后入户送到时再记一行“入户”。一户一行，同一户多次走访可写多行。".into(),
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
                "每周摸排化解矛盾纠纷，一件纠纷一行；本周没有纠纷的也要报：填一行，纠纷类型写“{}”，简要情况写“{}”（零报告）。排查后超过{}天未化解的列为逾期。",
                plan.disputes.zero_report_types.first().map(String::as_str).unwrap_or("无"),
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
                "登记悬挂和播放的宣传标语，一条一行。标语内容须为方案附件2所列标语：{}",
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

pub(super) fn help_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    plan: &Plan,
    spec: &Spec,
    units: &[String],
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
    row += 1;
    para(ws, &mut row, "二、各列填写要求", &st.heading)?;
    for (c, h) in ["列名", "必填", "内容", "怎么填 / 可选值"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(row, c as ColNum, *h, &st.header)?;
    }
    row += 1;
    for c in &spec.columns {
        let (what, how) = describe(plan, c, units);
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
        "2. 一行一条记录，不要合并单元格，不要在数据中间插入小计或空行。".into(),
        "3. 日期写成 2021-04-07 或 2021年4月7日（2021/4/7、2021.4.7 也可以）；报送时间写到分钟，如 2021-04-09 16:30。".into(),
        "4. 是/否 列填“是”或“否”（√/×、有/无 也认）。".into(),
        "5. 有下拉箭头的列请从下拉列表中选择，不要自己改写。".into(),
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
    print_setup(ws, WIDTHS.iter().map(|&w| column_px(w)).sum(), None)?;
    Ok(())
}
