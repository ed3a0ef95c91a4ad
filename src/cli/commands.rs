//! The commands' own steps that [`crate::run`] calls: `template`, and for `weekly`/`monthly` turning
//! the dataset into figures and the figures into a workbook (and its JSON).

use crate::cli::{Error, ReportJob, ReportKind, Settings, Target, TemplateJob, EXIT_OK};
use crate::figures::monthly::Monthly;
use crate::figures::weekly::Notice;
use crate::report::json::Doc;
use crate::report::output::Staged;
use crate::resolve::load::Dataset;
use crate::resolve::units::Unit;
use crate::Outcome;
use rust_xlsxwriter::Workbook;
use std::io::Write;

pub fn template(
    s: &Settings,
    job: &TemplateJob,
    terminal: &mut dyn Write,
) -> Result<Outcome, Error> {
    use crate::report::template::{pack_names, write_packs, write_templates};
    let units = match &job.register {
        None => Vec::new(),
        Some(path) => crate::resolve::load::register_units(path, &s.plan, &s.specs)
            .map_err(Error::Register)?,
    };
    let dir = &job.out.path;
    let written = match &job.unit {
        // One unit's pack only.
        Some(name) => {
            let unit = find_unit(&units, name)?;
            write_packs(
                &s.plan,
                &s.specs,
                std::slice::from_ref(unit),
                dir,
                job.out.force,
            )
        }
        // The blank set, and with a register every unit's pack.
        // (the packs' names are checked before the blank set is written, so a refusal writes nothing)
        None => crate::report::output::check_writable(dir, &pack_names(&units), job.out.force)
            .and_then(|()| write_templates(&s.plan, &s.specs, &units, dir, job.out.force))
            .and_then(|mut blank| {
                blank.extend(write_packs(&s.plan, &s.specs, &units, dir, job.out.force)?);
                Ok(blank)
            }),
    }
    .map_err(|e| job.out.explain(e))?;
    let mut text = String::new();
    for p in &written {
        let p = p.display().to_string();
        text.push_str(&format!("{}\n", crate::report::terminal::escape(&p)));
    }
    text.push_str(&format!(
        "已生成 {} 个文件，在 {}\n",
        written.len(),
        crate::report::terminal::escape(&dir.display().to_string())
    ));
    let _ = terminal.write_all(text.as_bytes());
    Ok(Outcome {
        exit: EXIT_OK,
        written,
        notes: Vec::new(),
    })
}

/// The register's unit `name` names (by its name or an alias, however spaced), or an error naming
/// the closest names the register has.
fn find_unit<'a>(units: &'a [Unit], name: &str) -> Result<&'a Unit, Error> {
    use crate::text::{edit_distance, unit_key};
    let key = unit_key(name);
    let names = |u: &'a Unit| std::iter::once(&u.name).chain(&u.aliases);
    if let Some(u) = units.iter().find(|u| names(u).any(|n| unit_key(n) == key)) {
        return Ok(u);
    }
    let mut ranked: Vec<(usize, &str)> = units
        .iter()
        .map(|u| (edit_distance(&unit_key(&u.name), &key), u.name.as_str()))
        .collect();
    ranked.sort();
    let closest: Vec<String> = ranked
        .iter()
        .take(3)
        .map(|(_, n)| format!("“{n}”"))
        .collect();
    Err(Error::Option {
        option: "--unit",
        reason: format!(
            "村居名册中没有“{name}”。最接近的是：{}。请照名册写全称",
            closest.join("、")
        ),
    })
}

/// The figures of the report's period (assess), then its workbook and, when `--json` is given, its
/// JSON text (render). The two only read the figures: they are rendered side by side.
pub fn assess_and_render(
    s: &Settings,
    job: &ReportJob,
    ds: &Dataset,
) -> Result<(Workbook, Option<Staged>), Error> {
    use crate::report::json::{monthly_doc, weekly_doc};
    let json = job.json.as_ref();
    let (built, text) = match job.kind {
        ReportKind::Weekly(period) => {
            let notice = Notice::build(ds, &s.plan, &s.specs, period, job.mask);
            rayon::join(
                || crate::report::weekly::build(&notice),
                || json.map(|t| stage_json(t, &weekly_doc(&notice))),
            )
        }
        ReportKind::Monthly(period) => {
            let m = Monthly::build(ds, &s.plan, &s.specs, period, job.mask);
            rayon::join(
                || crate::report::monthly::build(&m),
                || json.map(|t| stage_json(t, &monthly_doc(&m))),
            )
        }
    };
    built.map(|wb| (wb, text)).map_err(|source| Error::Render {
        what: job.kind.what(),
        source,
    })
}

/// Streams the JSON beside the `--json` target; [`commit_json`] puts it in place.
pub fn stage_json(target: &Target, doc: &Doc) -> Staged {
    crate::report::output::stage(&target.path, |w| doc.write_to(w))
}

/// Puts the staged JSON at the `--json` target (refused when it exists, unless `--force`).
pub fn commit_json(target: &Target, staged: Staged) -> Result<(), Error> {
    staged
        .commit(target.force)
        .map_err(|e| target.explain(e).into())
}

/// Writes the JSON at the `--json` target, all at once like the workbooks.
pub fn write_json(target: &Target, doc: &Doc) -> Result<(), Error> {
    commit_json(target, stage_json(target, doc))
}
