//! The command line as clap parses it (derive types only): the raw flags. `settings.rs` checks them
//! and builds the [`crate::Settings`] a run uses.

use clap::{ArgAction, Args, Parser, Subcommand};

/// clap's help, with Chinese headings (the words people read).
pub const HELP_TEMPLATE: &str = "\
{about-with-newline}
用法：{usage}

命令：
{subcommands}

选项：
{options}
";

/// A subcommand's help.
pub const SUB_HELP_TEMPLATE: &str = "\
{about-with-newline}
用法：{usage}

参数：
{positionals}

选项：
{options}
";

/// A subcommand's help when it takes no positional argument.
pub const SUB_HELP_TEMPLATE_NO_ARGS: &str = "\
{about-with-newline}
用法：{usage}

选项：
{options}
";

/// The command line with every subcommand's help in Chinese.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    Cli::command().mut_subcommands(|c| {
        let template = if c.get_positionals().next().is_some() {
            SUB_HELP_TEMPLATE
        } else {
            SUB_HELP_TEMPLATE_NO_ARGS
        };
        c.help_template(template)
    })
}
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "shuangti",
    version,
    help_template = HELP_TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_value_name = "命令",
    about = "水泉镇“双提升”台账核查与通报生成工具",
    long_about = "读取各村（社区）报送的台账（.xlsx/.xls/.ods，原样读取，不修改），按实施方案核查，\n\
                  告诉每个村该改哪个单元格，并生成周通报（一周一通报）和月度督导表（一月一督导/一月一调度）。"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// 方案文件（默认使用内置的2021年水泉镇方案）
    #[arg(long, global = true, value_name = "文件")]
    pub plan: Option<PathBuf>,
    /// 显示帮助
    #[arg(short = 'h', long = "help", global = true, action = ArgAction::Help)]
    help: Option<bool>,
    /// 显示版本
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 读取收件箱中的全部台账，列出每个问题（文件、工作表、单元格、问题、怎么改）
    Check(CheckArgs),
    /// 生成周通报（一周一通报）
    Weekly(WeeklyArgs),
    /// 生成月度督导表（一月一督导/一月一调度）
    Monthly(MonthlyArgs),
    /// 生成下发各村的空白台账模板（带下拉选项）和 plan.toml
    Template(TemplateArgs),
    /// 打印正在使用的方案（TOML）
    Plan,
}

#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// 收件箱文件夹（可含子文件夹）
    #[arg(value_name = "收件箱")]
    pub inbox: PathBuf,
    /// 也读取隐藏的工作表
    #[arg(long)]
    pub include_hidden: bool,
    /// 只统计此日期及以前的数据（如 2021-05-16）
    #[arg(long, value_name = "日期")]
    pub as_of: Option<String>,
    /// 另存机器可读的 JSON 汇总
    #[arg(long, value_name = "文件")]
    pub json: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// 为每个村（社区）生成一份“退回修改清单”工作簿，放在此文件夹
    #[arg(long, value_name = "文件夹")]
    pub feedback: Option<PathBuf>,
    /// 逐张表列出每一列是怎样认出的（默认只列出按近义词、按内容认出或未采用的列）
    #[arg(long)]
    pub columns: bool,
    /// 覆盖已存在的同名文件
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// 报表输出文件夹（默认：reports）
    #[arg(
        short,
        long,
        value_name = "文件夹",
        default_value = "reports",
        hide_default_value = true
    )]
    pub out: PathBuf,
    /// 覆盖已存在的同名报表
    #[arg(long)]
    pub force: bool,
    /// 不隐去姓名和电话（镇提升办内部留存版）
    #[arg(long)]
    pub no_mask: bool,
}

#[derive(Debug, Args)]
pub struct WeeklyArgs {
    #[command(flatten)]
    pub report: ReportArgs,
    /// 周次：该周内任一日期（如 2021-05-12），或期数（如 6）
    #[arg(long, value_name = "日期|期数")]
    pub week: String,
}

#[derive(Debug, Args)]
pub struct MonthlyArgs {
    #[command(flatten)]
    pub report: ReportArgs,
    /// 月份，如 2021-05
    #[arg(long, value_name = "年-月")]
    pub month: String,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// 模板输出文件夹
    #[arg(short, long, value_name = "文件夹")]
    pub out: PathBuf,
    /// 村居名册文件：用其中的名称做“村居”下拉选项，并为每个村（社区）、镇直单位各生成一个文件夹的专用台账
    #[arg(long, value_name = "文件")]
    pub register: Option<PathBuf>,
    /// 只生成这一个村（社区）或镇直单位的专用台账（须同时给出 --register）
    #[arg(long, value_name = "名称")]
    pub unit: Option<String>,
    /// 覆盖已存在的同名文件
    #[arg(long)]
    pub force: bool,
}
