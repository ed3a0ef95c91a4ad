//! The figure sheets behind 一、总体情况: 周报报送, 走访进度, 矛盾纠纷 (with the overdue list below the
//! table) and 宣传标语. Each shows exactly the figures the JSON summary carries (SPEC §5a), and points
//! to the cells they come from.

use super::{period_line, unit_order};
use crate::figures::counts::{Figure, ReportStatus, UnitFigures, UNKNOWN_ZH};
use crate::figures::weekly::Notice;
use crate::report::style::{
    row_height, table_widths, write_block, write_merged, write_table, write_table_with_widths,
    Cell, Styles, Table,
};
use crate::resolve::units::UnitId;
use rust_xlsxwriter::{Workbook, XlsxError};

/// 村/社区 (who owe the work), plus any 镇直单位 that reported some of it, in table order.
fn owing<'a>(n: &'a Notice, has: impl Fn(&UnitFigures) -> bool) -> Vec<&'a UnitFigures> {
    unit_order(n)
        .into_iter()
        .map(|u| &n.now.figures.units[u as usize])
        .filter(|f| f.kind.is_village_level() || has(f))
        .collect()
}

fn name(n: &Notice, u: UnitId) -> Cell {
    Cell::text(n.ds.unit_name(u))
}

fn int(x: u32) -> Cell {
    Cell::Int(x as i64)
}

/// A figure's cell: the number, or 无法统计 (marked) when a column it needs was not found.
fn fig(x: &Figure) -> Cell {
    match x.known() {
        Some(v) => int(v),
        None => Cell::Warning(UNKNOWN_ZH.into()),
    }
}

/// The figures of a sheet that are 无法统计, and why: (unit, figure, reason).
type Unknowns = Vec<(String, &'static str, String)>;

fn note_unknown(out: &mut Unknowns, unit: &str, what: &'static str, f: &Figure) {
    if let Some(r) = f.reason() {
        out.push((unit.to_string(), what, r.to_string()));
    }
}

/// The lines under a figure table that say what it could not count and why, one per unit and
/// reason: `东庄村：其中入户、其中电话无法统计（走访方式列未识别：东庄村走访台账.xlsx › Sheet1）`.
fn unknown_lines(rows: &Unknowns) -> Vec<String> {
    let mut out: Vec<(String, String, Vec<&str>)> = Vec::new();
    for (u, what, r) in rows {
        match out.iter_mut().find(|(a, b, _)| a == u && b == r) {
            Some((_, _, w)) => w.push(what),
            None => out.push((u.clone(), r.clone(), vec![what])),
        }
    }
    out.into_iter()
        .map(|(u, r, w)| format!("{u}：{}{UNKNOWN_ZH}（{r}）", w.join("、")))
        .collect()
}

/// Writes the lines of [`unknown_lines`] below a table that ends at row `after` (one blank row
/// between), each across the table's width; returns the last row written (`after` when there is
/// none, so what follows sits where it would without them).
fn write_unknowns(
    ws: &mut rust_xlsxwriter::Worksheet,
    st: &Styles,
    after: u32,
    cols: usize,
    unknowns: &Unknowns,
) -> Result<u32, XlsxError> {
    let mut last = after;
    for line in unknown_lines(unknowns) {
        let r = if last == after { after + 2 } else { last + 1 };
        write_merged(ws, r, 0, cols.max(1) as u16 - 1, &line, &st.paragraph)?;
        ws.set_row_height(r, row_height(1))?;
        last = r;
    }
    Ok(last)
}

pub fn reports(wb: &mut Workbook, st: &Styles, n: &Notice) -> Result<(), XlsxError> {
    let issue = n.period().issue;
    let deadline = n.cal.deadline(issue);
    let mut t = Table::new(
        format!("第{issue}期周报报送情况"),
        [
            "单位",
            "报送情况",
            "报送时间",
            "截止时间",
            "所属周次",
            "来源（文件 › 工作表 › 单元格）",
        ],
    )
    .subtitle(format!(
        "{}　每周{}前报送；同一周报多次的以最早一次为准",
        period_line(n),
        deadline.format("周五%H:%M")
    ))
    .note(
        4,
        "周报中填了“所属周次”的按所填周次归属，否则按报送时间所在的周",
    );
    for f in owing(n, |f| f.weekly_report.is_some()) {
        let Some(w) = &f.weekly_report else { continue };
        let status = match w.status {
            ReportStatus::OnTime => Cell::Center(w.status.zh().into()),
            ReportStatus::Late => Cell::Warning(w.status.zh().into()),
            ReportStatus::Missing => Cell::Error(w.status.zh().into()),
        };
        let rec = n.lines[f.unit as usize].report.as_ref();
        let week = match rec {
            None => Cell::Blank,
            Some(r) if r.week_written => Cell::Center(format!("第{issue}期（表中所填）")),
            Some(_) => Cell::Center(format!("第{issue}期（按报送时间）")),
        };
        let src = match rec {
            Some(r) => Cell::text(&r.source),
            None => Cell::Center("—".into()),
        };
        t = t.row(vec![
            name(n, f.unit),
            status,
            match (w.submitted_at, rec) {
                // A date written without a time is shown as written.
                (Some(t), Some(r)) if !r.has_time => Cell::Date(t.date()),
                (Some(t), _) => Cell::DateTime(t),
                (None, _) => Cell::Blank,
            },
            Cell::DateTime(deadline),
            week,
            src,
        ]);
    }
    let ws = wb.add_worksheet().set_name("周报报送")?;
    write_table(ws, st, 0, &t)?;
    Ok(())
}

pub fn visits(wb: &mut Workbook, st: &Styles, n: &Notice) -> Result<(), XlsxError> {
    let mut t = Table::new(
        format!("第{}期走访进度", n.period().issue),
        [
            "单位",
            "户数",
            "已走访户数",
            "其中入户",
            "其中电话",
            "覆盖率",
            "本周新增",
            "发放问卷户数",
            "送达公开信户数",
        ],
    )
    .subtitle(format!(
        "{}　户数以村居名册为准；同一户多次走访计一户，入户过的计入户，只电话访问的计电话",
        period_line(n)
    ))
    .note(5, "已走访户数 ÷ 村居名册户数");
    let mut sum = [0u64; 5];
    let (mut inp, mut phone) = (Figure::Known(0), Figure::Known(0));
    let mut unknowns = Unknowns::new();
    for f in owing(n, |f| f.visits.households_visited > 0) {
        let v = &f.visits;
        let hh = n.ds.register.get(f.unit).households;
        let vals = [
            hh.unwrap_or(0),
            v.households_visited,
            v.new_in_period,
            v.questionnaires,
            v.letters,
        ];
        for (s, x) in sum.iter_mut().zip(vals) {
            *s += x as u64;
        }
        inp.add(&v.in_person);
        phone.add(&v.phone);
        let unit = n.ds.unit_name(f.unit);
        note_unknown(&mut unknowns, unit, "其中入户", &v.in_person);
        note_unknown(&mut unknowns, unit, "其中电话", &v.phone);
        t = t.row(vec![
            name(n, f.unit),
            hh.map_or(Cell::Center("—".into()), int),
            int(v.households_visited),
            fig(&v.in_person),
            fig(&v.phone),
            v.coverage.map_or(Cell::Center("—".into()), Cell::Pct),
            int(v.new_in_period),
            int(v.questionnaires),
            int(v.letters),
        ]);
    }
    let total = |i: usize| Cell::Int(sum[i] as i64);
    t = t.row(vec![
        Cell::text("合计"),
        total(0),
        total(1),
        fig(&inp),
        fig(&phone),
        if sum[0] > 0 {
            Cell::Pct(sum[1] as f64 / sum[0] as f64)
        } else {
            Cell::Center("—".into())
        },
        total(2),
        total(3),
        total(4),
    ]);
    let ws = wb.add_worksheet().set_name("走访进度")?;
    let lay = write_table(ws, st, 0, &t)?;
    write_unknowns(ws, st, lay.last_row, t.headers.len(), &unknowns)?;
    Ok(())
}

pub fn disputes(wb: &mut Workbook, st: &Styles, n: &Notice) -> Result<(), XlsxError> {
    let limit = n.plan.minimums.dispute_overdue_days;
    let mut t = Table::new(
        format!("第{}期矛盾纠纷排查化解", n.period().issue),
        [
            "单位",
            "本周排查",
            "本周新增",
            "本周化解",
            "累计排查",
            "累计化解",
            "逾期未化解",
        ],
    )
    .subtitle(format!(
        "{}　零报告算作已排查、不算纠纷；逾期指排查后超过{limit}天仍未化解（已移交的除外）",
        period_line(n)
    ));
    let (mut new, mut total) = (0u32, 0u32);
    let mut sums = [Figure::Known(0), Figure::Known(0), Figure::Known(0)];
    let mut unknowns = Unknowns::new();
    let mut screened = 0;
    let units = owing(n, |f| f.disputes.total > 0 || f.disputes.screened_weeks > 0);
    for f in &units {
        let d = &f.disputes;
        let yes = d.screened_weeks > 0;
        screened += u32::from(yes);
        new += d.new;
        total += d.total;
        let figs = [&d.resolved, &d.resolved_total, &d.overdue];
        let unit = n.ds.unit_name(f.unit);
        for ((s, x), what) in sums
            .iter_mut()
            .zip(figs)
            .zip(["本周化解", "累计化解", "逾期未化解"])
        {
            s.add(x);
            note_unknown(&mut unknowns, unit, what, x);
        }
        t = t.row(vec![
            name(n, f.unit),
            if yes {
                Cell::Center("是".into())
            } else {
                Cell::Warning("否".into())
            },
            int(d.new),
            fig(&d.resolved),
            int(d.total),
            fig(&d.resolved_total),
            fig(&d.overdue),
        ]);
    }
    t = t.row(vec![
        Cell::text("合计"),
        Cell::Center(format!("{screened}/{}个", units.len())),
        int(new),
        fig(&sums[0]),
        int(total),
        fig(&sums[1]),
        fig(&sums[2]),
    ]);

    // The overdue list, under the table (the sheet's filter and freeze stay with the table).
    let end = n.period().end;
    let mut list = Table::new(
        format!("逾期未化解纠纷清单（截至{}）", end.format("%Y-%m-%d")),
        [
            "单位",
            "排查日期",
            "当事人",
            "纠纷类型",
            "化解状态",
            "已过天数",
            "来源（文件 › 工作表 › 单元格）",
        ],
    );
    for f in &units {
        for r in &n.lines[f.unit as usize].overdue {
            list = list.row(vec![
                name(n, f.unit),
                r.date.map_or(Cell::Blank, Cell::Date),
                Cell::Center(r.parties.clone()),
                Cell::Center(r.dtype.clone()),
                Cell::Center(r.status.clone()),
                r.days.map_or(Cell::Blank, Cell::Int),
                Cell::text(&r.source),
            ]);
        }
    }
    if list.rows.is_empty() {
        list = list.row(vec![
            Cell::text("无"),
            Cell::Blank,
            Cell::Blank,
            Cell::Blank,
            Cell::Blank,
            Cell::Blank,
            Cell::Blank,
        ]);
    }
    let mut widths = table_widths(&t);
    widths.merge(&table_widths(&list));
    let ws = wb.add_worksheet().set_name("矛盾纠纷")?;
    let lay = write_table_with_widths(ws, st, 0, &t, &widths)?;
    let below = write_unknowns(ws, st, lay.last_row, t.headers.len(), &unknowns)?;
    write_block(ws, st, below + 2, &list, &widths)?;
    Ok(())
}

pub fn slogans(wb: &mut Workbook, st: &Styles, n: &Notice) -> Result<(), XlsxError> {
    let mut t = Table::new(
        format!("第{}期宣传标语", n.period().issue),
        [
            "单位",
            "类别",
            "在挂标语",
            "其中附件2标语",
            "应挂不少于",
            "达标",
            "不合规标语",
            "不合规及疑似错字的标语内容",
        ],
    )
    .subtitle(format!(
        "{}　村（社区）各种形式都计入，镇直单位只计电子显示屏；错一两个字的按附件2标语计入，但须改正",
        period_line(n)
    ));
    for &u in &unit_order(n) {
        let f = &n.now.figures.units[u as usize];
        let s = &f.slogans;
        let texts: Vec<String> = n.lines[u as usize]
            .slogans
            .iter()
            .map(|l| match &l.typo_of {
                None => format!("“{}”（非附件2内容）", l.text),
                Some(a) => format!("“{}”（疑有错字，应为“{a}”）", l.text),
            })
            .collect();
        t = t.row(vec![
            name(n, u),
            Cell::Center(f.kind.zh().into()),
            int(s.hanging),
            int(s.approved),
            int(s.required),
            match (s.ok, &s.unknown) {
                (true, _) => Cell::Center("是".into()),
                (false, Some(_)) => Cell::Warning(UNKNOWN_ZH.into()),
                (false, None) => Cell::Error("否".into()),
            },
            int(s.unapproved),
            texts.first().map_or(Cell::Blank, Cell::text),
        ]);
        // One slogan a row (joined into one cell, a long list would pass Excel's limit).
        for text in texts.iter().skip(1) {
            let mut more = vec![name(n, u)];
            more.extend(std::iter::repeat_n(Cell::Blank, 6));
            more.push(Cell::text(text));
            t = t.row(more);
        }
    }
    let ws = wb.add_worksheet().set_name("宣传标语")?;
    write_table(ws, st, 0, &t)?;
    Ok(())
}
