//! Everything clap prints, in Chinese: its help (templates in `args.rs`, with clap's few English
//! words replaced) and its usage errors, rebuilt from the error's context instead of clap's English
//! sentences.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// clap's fixed English words in usage lines and help, and ours.
pub fn chinese(text: &str) -> String {
    text.replace("Usage: ", "用法：")
        .replace("[OPTIONS]", "[选项]")
}

/// A usage error as people read it: what is wrong, a suggestion when clap has one, the usage line.
pub fn error_message(e: &clap::Error) -> String {
    let s = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(v)) => v.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(ContextValue::StyledStr(v)) => v.to_string(),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = s(ContextKind::InvalidArg);
    let value = s(ContextKind::InvalidValue);
    let what = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            format!("没有“{}”这个命令", s(ContextKind::InvalidSubcommand))
        }
        ErrorKind::UnknownArgument => format!("没有“{arg}”这个选项或参数"),
        ErrorKind::MissingRequiredArgument => format!("缺少必填的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少命令".to_string(),
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} 后面缺少值"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!("{arg} 的值“{value}”无效")
        }
        ErrorKind::ArgumentConflict => {
            let prior = s(ContextKind::PriorArg);
            if prior.is_empty() || prior == arg {
                format!("{arg} 只能写一次")
            } else {
                format!("{arg} 不能与 {prior} 同时使用")
            }
        }
        ErrorKind::TooManyValues => format!("{arg} 多了一个值“{value}”"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} 的值个数不对")
        }
        ErrorKind::NoEquals => format!("{arg} 的值须用等号写在后面"),
        ErrorKind::InvalidUtf8 => "参数中有无法识别的字符（不是 UTF-8）".to_string(),
        _ => "无法识别".to_string(),
    };
    let mut out = what;
    for k in [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg] {
        let tip = s(k);
        if !tip.is_empty() {
            out.push_str(&format!("。是不是要写“{tip}”？"));
        }
    }
    let usage = s(ContextKind::Usage);
    if !usage.is_empty() {
        out.push_str(&format!("\n\n{}", chinese(&usage)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(args: &[&str]) -> String {
        let e = crate::cli::command()
            .try_get_matches_from(args)
            .unwrap_err();
        error_message(&e)
    }

    #[test]
    fn a_mistyped_command_is_told_in_chinese_with_the_suggestion() {
        let m = err(&["shuangti", "chek", "inbox"]);
        assert!(
            m.starts_with("没有“chek”这个命令。是不是要写“check”？"),
            "{m}"
        );
        assert!(m.contains("用法：shuangti [选项] <命令>"), "{m}");
        assert!(!m.contains("Usage") && !m.contains("tip"), "{m}");
    }

    #[test]
    fn a_missing_argument_is_named() {
        let m = err(&["shuangti", "weekly", "inbox"]);
        assert!(m.starts_with("缺少必填的参数：--week <日期|期数>"), "{m}");
        let m = err(&["shuangti", "weekly", "inbox", "--week"]);
        assert!(m.starts_with("--week <日期|期数> 后面缺少值"), "{m}");
        let m = err(&["shuangti", "check", "inbox", "--jsn", "a"]);
        assert!(
            m.starts_with("没有“--jsn”这个选项或参数。是不是要写“--json”？"),
            "{m}"
        );
        let m = err(&["shuangti", "weekly", "x", "--week", "3", "--week", "4"]);
        assert!(m.starts_with("--week <日期|期数> 只能写一次"), "{m}");
    }
}
