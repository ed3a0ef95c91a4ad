//! Scores, grades and ranks per unit and week (SPEC §5; every weight and threshold from the plan).
//! A part with no data to judge is left out and the rest rescaled to 100.

use crate::figures::counts::{ReportStatus, UnitFigures};
use crate::plan::Plan;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Green,
    Yellow,
    Red,
}

impl Grade {
    pub fn zh(self) -> &'static str {
        match self {
            Grade::Green => "绿",
            Grade::Yellow => "黄",
            Grade::Red => "红",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Grade::Green => "green",
            Grade::Yellow => "yellow",
            Grade::Red => "red",
        }
    }
}

/// One part of the score.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub key: &'static str,
    pub name: &'static str,
    pub weight: f64,
    /// None: no data to judge, left out.
    pub points: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitScore {
    pub parts: Vec<Part>,
    pub score: f64,
    pub grade: Grade,
    /// Rank among units of the same group (村/社区 together; 镇直单位 apart), 1 = best.
    pub rank: Option<u32>,
}

/// What the score needs besides the figures.
pub struct ScoreInput {
    /// Survey part as a fraction 0..1 (mean of the headline rates), None without answers.
    pub survey: Option<f64>,
    pub errors: usize,
    pub warnings: usize,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

pub fn score(plan: &Plan, f: &UnitFigures, input: &ScoreInput) -> UnitScore {
    let w = &plan.score;
    let village = f.kind.is_village_level();
    let mut parts = Vec::new();
    if village {
        let points = f.weekly_report.as_ref().map(|r| match r.status {
            ReportStatus::OnTime => w.weekly_report,
            ReportStatus::Late => w.weekly_report_late,
            ReportStatus::Missing => 0.0,
        });
        parts.push(Part {
            key: "weekly_report",
            name: "周报报送",
            weight: w.weekly_report,
            points,
        });
        parts.push(Part {
            key: "visits",
            name: "走访覆盖",
            weight: w.visits,
            points: f.visits.coverage.map(|c| w.visits * c.min(1.0)),
        });
        // Half for screening in the period, half for leaving nothing overdue; when the overdue
        // cannot be counted (no status column), the screening half alone, out of its own weight.
        let d = &f.disputes;
        let screened = if d.screened_weeks > 0 { 1.0 } else { 0.0 };
        let resolution = d.overdue.known().map(|overdue| {
            if d.open == 0 {
                1.0
            } else {
                1.0 - overdue as f64 / d.open as f64
            }
        });
        let (weight, points) = match resolution {
            Some(r) => (w.disputes, w.disputes * (0.5 * screened + 0.5 * r)),
            None => (w.disputes * 0.5, w.disputes * 0.5 * screened),
        };
        parts.push(Part {
            key: "disputes",
            name: "矛盾纠纷排查化解",
            weight,
            points: Some(points),
        });
    }
    let s = &f.slogans;
    parts.push(Part {
        key: "slogans",
        name: "宣传标语",
        weight: w.slogans,
        // (not scored when a 镇直单位's screens cannot be counted: no 形式 column)
        points: (s.required > 0 && (s.ok || s.unknown.is_none()))
            .then(|| w.slogans * (s.approved as f64 / s.required as f64).min(1.0)),
    });
    if village {
        parts.push(Part {
            key: "survey",
            name: "民调指标",
            weight: w.survey,
            points: input.survey.map(|x| w.survey * x),
        });
    }
    let cost = input.errors as f64 * w.quality_cost_per_error
        + input.warnings as f64 * w.quality_cost_per_warning;
    parts.push(Part {
        key: "quality",
        name: "台账质量",
        weight: w.quality,
        points: Some((w.quality - cost).max(0.0)),
    });
    for p in &mut parts {
        p.points = p.points.map(round1);
    }
    let (got, max) = parts
        .iter()
        .filter_map(|p| p.points.map(|x| (x, p.weight)))
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
    let score = if max > 0.0 {
        round1(got / max * 100.0)
    } else {
        0.0
    };
    let missing = f
        .weekly_report
        .as_ref()
        .is_some_and(|r| r.status == ReportStatus::Missing);
    let grade = if missing || score < w.yellow {
        Grade::Red
    } else if score < w.green {
        Grade::Yellow
    } else {
        Grade::Green
    };
    UnitScore {
        parts,
        score,
        grade,
        rank: None,
    }
}

/// Ranks by score within each group (competition ranking: equal scores share a rank).
pub fn rank(scores: &mut [UnitScore], village: &[bool]) {
    for group in [true, false] {
        let idx: Vec<usize> = (0..scores.len()).filter(|&i| village[i] == group).collect();
        for &i in &idx {
            let better = idx
                .iter()
                .filter(|&&j| scores[j].score > scores[i].score)
                .count();
            scores[i].rank = Some(better as u32 + 1);
        }
    }
}
