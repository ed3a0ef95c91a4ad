//! 二、红黑榜: grade counts, the best green units (红榜), every red unit with why (黑榜), big moves
//! in rank, and the 约谈 suggestions for the leaders to decide on.

use super::{name, para, Block};
use crate::figures::counts::ReportStatus;
use crate::figures::score::Grade;
use crate::figures::weekly::Notice;

pub fn lists(n: &Notice) -> Vec<Block> {
    let sc = &n.now.scores;
    let units = &n.now.figures.units;
    let count = |village: bool| {
        let mut c = [0; 3];
        for (i, f) in units.iter().enumerate() {
            if f.kind.is_village_level() == village {
                c[sc[i].grade as usize] += 1;
            }
        }
        c
    };
    let mut out = Vec::new();
    let v = count(true);
    let mut s = format!(
        "本期村（社区）综合评分绿色{}个、黄色{}个、红色{}个",
        v[0], v[1], v[2]
    );
    let t = count(false);
    if t.iter().sum::<usize>() > 0 {
        s += &format!("；镇直单位绿色{}个、黄色{}个、红色{}个", t[0], t[1], t[2]);
    }
    s += "（评分办法见“综合排名”工作表）。";
    out.push(para("", s));

    // 红榜: the best green units of each group (the top three ranks, ties included).
    let with = |i: usize| format!("{}（{:.1}分）", name(n, units[i].unit), sc[i].score);
    let mut by_rank: Vec<usize> = (0..units.len()).collect();
    by_rank.sort_by_key(|&i| (!units[i].kind.is_village_level(), sc[i].rank, i));
    let top = |village: bool| -> Vec<String> {
        by_rank
            .iter()
            .copied()
            .filter(|&i| units[i].kind.is_village_level() == village)
            .filter(|&i| sc[i].grade == Grade::Green && sc[i].rank.is_some_and(|r| r <= 3))
            .map(with)
            .collect()
    };
    let mut red = match top(true) {
        l if l.is_empty() => "本期没有绿色等级的村（社区）".to_string(),
        l => l.join("、"),
    };
    let tl = top(false);
    if !tl.is_empty() {
        red += &format!("；镇直单位：{}", tl.join("、"));
    }
    out.push(para("红榜：", format!("{red}。")));

    // 黑榜: every red unit, lowest score first, with why.
    let mut reds: Vec<usize> = (0..units.len())
        .filter(|&i| sc[i].grade == Grade::Red)
        .collect();
    reds.sort_by(|&a, &b| sc[a].score.total_cmp(&sc[b].score).then(a.cmp(&b)));
    let black = if reds.is_empty() {
        let mut s = "本期没有红色等级的单位".to_string();
        if let Some(&i) = by_rank
            .iter()
            .filter(|&&i| units[i].kind.is_village_level())
            .max_by(|&&a, &&b| sc[b].score.total_cmp(&sc[a].score).then(b.cmp(&a)))
            .filter(|&&i| sc[i].grade != Grade::Green)
        {
            s += &format!(
                "；村（社区）中得分最低的是{}（{:.1}分，{}）",
                name(n, units[i].unit),
                sc[i].score,
                sc[i].grade.zh()
            );
        }
        s
    } else {
        reds.iter()
            .map(|&i| {
                let missing = units[i]
                    .weekly_report
                    .as_ref()
                    .is_some_and(|w| w.status == ReportStatus::Missing);
                let why = if missing { "，未报周报" } else { "" };
                format!("{}（{:.1}分{why}）", name(n, units[i].unit), sc[i].score)
            })
            .collect::<Vec<_>>()
            .join("、")
    };
    out.push(para("黑榜：", format!("{black}。")));

    // Big moves in rank since last week.
    let moves: Vec<(usize, i32)> = by_rank
        .iter()
        .filter_map(|&i| n.rank_change.get(i).copied().flatten().map(|d| (i, d)))
        .filter(|(_, d)| d.abs() >= 2)
        .collect();
    if !moves.is_empty() {
        let up: Vec<String> = moves
            .iter()
            .filter(|(_, d)| *d > 0)
            .map(|&(i, d)| format!("{}（↑{d}）", name(n, units[i].unit)))
            .collect();
        let down: Vec<String> = moves
            .iter()
            .filter(|(_, d)| *d < 0)
            .map(|&(i, d)| format!("{}（↓{}）", name(n, units[i].unit), -d))
            .collect();
        let mut parts = Vec::new();
        if !up.is_empty() {
            parts.push(format!("上升较多的有{}", up.join("、")));
        }
        if !down.is_empty() {
            parts.push(format!("下降较多的有{}", down.join("、")));
        }
        out.push(para("", format!("与上期相比，名次{}。", parts.join("；"))));
    }

    if !n.suggestions.is_empty() {
        // Grouped by action, in the order the suggestions came.
        let mut actions: Vec<&str> = Vec::new();
        for s in &n.suggestions {
            if !actions.contains(&s.action) {
                actions.push(s.action);
            }
        }
        let text: Vec<String> = actions
            .iter()
            .map(|a| {
                let who: Vec<String> = n
                    .suggestions
                    .iter()
                    .filter(|s| s.action == *a)
                    .map(|s| format!("{}，{}", name(n, s.unit), s.reason))
                    .collect();
                format!("对以下单位{a}：{}", who.join("；"))
            })
            .collect();
        out.push(para(
            "建议",
            format!(
                "{}。以上为按方案评分规则对村（社区）提出的建议（镇直单位的得分和等级见“综合排名”），请领导小组研究决定。",
                text.join("。")
            ),
        ));
    }
    out
}
