//! The grey example row of each template: one plausible record drawn from the declaration and the
//! plan (the first approved slogan, the first campaign week, allowed values), so a clerk sees what a
//! filled row looks like. Its first cell starts with [`EXAMPLE_MARK`], which the reader skips.

use super::validation::{example_day, is_slogan_text, weeks};
use super::{Recipient, EXAMPLE_MARK};
use crate::ledger::schema::{DisputeCol, Kind, Spec, TallyCol, Ty, WeeklyCol};
use crate::plan::Plan;
use chrono::{Days, NaiveDate, NaiveDateTime};

/// One example cell.
pub(super) enum Example {
    Text(String),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    Number(f64),
}

impl Example {
    /// How the example reads as text (for the marked first cell).
    fn text(&self) -> String {
        match self {
            Example::Text(s) => s.clone(),
            Example::Date(d) => d.format("%Y-%m-%d").to_string(),
            Example::DateTime(d) => d.format("%Y-%m-%d %H:%M").to_string(),
            Example::Number(n) => n.to_string(),
        }
    }
}

/// The example row, one cell per declared column; the first is text starting with `示例：`.
pub(super) fn example_row(plan: &Plan, spec: &Spec, to: Recipient) -> Vec<Example> {
    let mut row: Vec<Example> = (0..spec.columns.len())
        .map(|i| example(plan, spec, i, to))
        .collect();
    if let Some(first) = row.first_mut() {
        *first = Example::Text(format!("{EXAMPLE_MARK}：{}", first.text()));
    }
    row
}

fn is<C: crate::ledger::schema::Col>(spec: &Spec, i: usize, c: C) -> bool {
    spec.kind == C::KIND && spec.col(c) == i
}

fn example(plan: &Plan, spec: &Spec, i: usize, to: Recipient) -> Example {
    let c = &spec.columns[i];
    let day = example_day(plan);
    let text = |s: &str| Example::Text(s.to_string());
    if is_slogan_text(spec, i) {
        return text(plan.slogans.first().map(String::as_str).unwrap_or(""));
    }
    if is(spec, i, WeeklyCol::Content) {
        return text(
            "召开“双提升”工作推进会1次，入户走访35户，排查矛盾纠纷2件、化解2件，大喇叭宣传5次",
        );
    }
    if is(spec, i, DisputeCol::Summary) {
        return text("两户因宅基地界址发生争执，经村调委会调解达成一致");
    }
    if is(spec, i, DisputeCol::Type) {
        let d = &plan.disputes;
        let t = d
            .types
            .iter()
            .find(|t| t.contains("宅基地"))
            .or(d.types.first());
        return text(t.map(String::as_str).unwrap_or(""));
    }
    if is(spec, i, DisputeCol::Status) {
        return text(&plan.disputes.resolved);
    }
    if is(spec, i, DisputeCol::ResolvedOn) {
        return Example::Date(day + Days::new(3));
    }
    if is(spec, i, TallyCol::Question) {
        return text("第1题");
    }
    if is(spec, i, TallyCol::Option) {
        let o = plan.question(1).and_then(|q| q.options.first());
        return text(o.map(String::as_str).unwrap_or(""));
    }
    match &c.ty {
        Ty::Unit => match to {
            Recipient::One(u) => text(&u.name),
            Recipient::All(_) => text(
                if spec.kind == Kind::Slogan || spec.kind == Kind::Activity {
                    "某某村（或镇直单位）"
                } else {
                    "某某村"
                },
            ),
        },
        Ty::Person => text("张某某"),
        Ty::Phone => text("13812345678"),
        Ty::Date if spec.kind == Kind::Liaison => Example::Date(plan.deadlines.liaison),
        Ty::Date => Example::Date(day),
        Ty::DateTime => Example::DateTime(
            day.and_time(plan.calendar.weekly_report_time - chrono::Duration::hours(1)),
        ),
        Ty::Count => Example::Number(count_example(&c.name)),
        Ty::YesNo => text("是"),
        Ty::Choice(v) => text(v.first().map(String::as_str).unwrap_or("")),
        Ty::Week => text(weeks(plan).first().map(String::as_str).unwrap_or("")),
        Ty::Answer(n) => {
            let o = plan.question(*n).and_then(|q| q.options.first());
            text(o.map(String::as_str).unwrap_or(""))
        }
        Ty::Text => text(text_example(&c.name)),
    }
}

/// A number example from what the column's name says it counts.
fn count_example(name: &str) -> f64 {
    const BY_NAME: &[(&str, f64)] = &[
        ("走访", 35.0),
        ("户数", 320.0),
        ("网格", 4.0),
        ("人口", 1100.0),
        ("参加人数", 45.0),
        ("人数", 25.0),
        ("大喇叭", 5.0),
        ("纠纷", 2.0),
    ];
    BY_NAME
        .iter()
        .find(|(k, _)| name.contains(k))
        .map_or(1.0, |(_, v)| *v)
}

/// A free-text example from what the column's name says it holds.
fn text_example(name: &str) -> &'static str {
    const BY_NAME: &[(&str, &str)] = &[
        ("职务", "党支部书记"),
        ("网格", "第一网格"),
        ("小组", "第一网格"),
        ("位置", "村委会门口"),
        ("年龄", "46-55"),
        ("问题", "走访台账未记录电话访问户"),
        ("要求", "补录电话访问户，下周五前报送"),
        ("内容", "宣讲“双提升”工作和问卷内容"),
        ("建议", "无"),
        ("名称", "东庄村"),
        ("别名", "东庄"),
    ];
    if let Some((_, v)) = BY_NAME.iter().find(|(k, _)| name.contains(k)) {
        return v;
    }
    // 一把手, 分管负责人, 联络员, 走访人, 责任人, 督查人, 姓名 …: a person.
    "王某某"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::schema::Specs;

    #[test]
    fn every_example_row_starts_with_the_mark() {
        let plan = Plan::embedded();
        let specs = Specs::new(&plan);
        for kind in Kind::ALL {
            let row = example_row(&plan, specs.get(kind), Recipient::All(&[]));
            assert_eq!(row.len(), specs.get(kind).columns.len());
            match &row[0] {
                Example::Text(s) => assert!(s.starts_with("示例："), "{kind:?}: {s}"),
                _ => panic!("{kind:?}: the first cell is text"),
            }
        }
    }
}
