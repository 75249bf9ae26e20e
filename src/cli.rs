//! The command line: argument parsing and the scriptable commands (`summary`, `lookup`,
//! `list`, `export`, `fixes`). Every command prints to a writer and returns, so the same code runs in tests; the
//! process exit status follows the convention 0 success, 1 runtime error, 2 usage error.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use serde_json::json;

use crate::advice::{self, Advice, recommend};
use crate::codes::catalog::{self, Entry, Lookup};
use crate::codes::{Disposition, Reason};
use crate::export::{self, SaveError};
use crate::filter::Filter;
use crate::ingest::{self, Input, LoadOptions, encoding_by_name};
use crate::model::{ContactRef, Dataset, Role};
use crate::render::{self, Table};
use crate::search::Query;
use crate::stats::{self, GroupBy};

/// Triage email suppression lists: why each address bounced, which can be fixed, which must go.
#[derive(Debug, Parser)]
#[command(name = "bouncelens", version, args_conflicts_with_subcommands = true)]
#[command(after_help = "With no FILE, the bundled sample is used. '-' reads standard input.")]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    load: LoadArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Totals per disposition and a breakdown, plus the load report.
    Summary {
        #[command(flatten)]
        load: LoadArgs,
        /// What to break the contacts down by.
        #[arg(long, default_value = "reason", value_parser = clap::builder::PossibleValuesParser::new(GroupBy::ALL.map(GroupBy::as_str)))]
        by: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Explain a code (550, 5.1.1, 4.2.2) or search the code reference by words.
    Lookup {
        /// A code or words, e.g. `5.7.26` or `mailbox full`.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
    },
    /// The contacts that match the filters.
    List {
        #[command(flatten)]
        load: LoadArgs,
        #[command(flatten)]
        filters: FilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Write the matching contacts to a CSV file: their original columns, then disposition,
    /// reason, codes, meaning, action and suggestion.
    Export {
        #[command(flatten)]
        load: LoadArgs,
        #[command(flatten)]
        filters: FilterArgs,
        /// Where to write ('-' for standard output). Written to a temporary file and renamed.
        #[arg(long, value_name = "PATH")]
        out: String,
        /// Replace PATH if it exists.
        #[arg(long)]
        force: bool,
    },
    /// The proposed corrections of mistyped addresses: old, new, confidence, why.
    Fixes {
        #[command(flatten)]
        load: LoadArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// The conditions `list` and `export` share.
#[derive(Debug, Args)]
struct FilterArgs {
    /// Fuzzy search over address, name and company; literal over the reason ('exact, !exclude).
    #[arg(long)]
    search: Option<String>,
    /// Only this disposition.
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Disposition::ALL.map(Disposition::as_str)))]
    disposition: Option<String>,
    /// Only this reason.
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Reason::ALL.map(Reason::as_str)))]
    reason: Option<String>,
    /// Only contacts carrying this code (550, 5.1.1, or a prefix such as 5.7).
    #[arg(long)]
    code: Option<String>,
    /// Only this recipient domain.
    #[arg(long)]
    domain: Option<String>,
    /// Only contacts with this recommended next step.
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Advice::ALL.map(Advice::as_str)))]
    action: Option<String>,
}

impl FilterArgs {
    fn filter(self) -> Filter {
        Filter {
            disposition: self.disposition.as_deref().and_then(Disposition::from_name),
            reason: self.reason.as_deref().and_then(Reason::from_name),
            code: self.code,
            domain: self.domain,
            action: self.action.as_deref().and_then(Advice::from_name),
            query: Query::parse(self.search.as_deref().unwrap_or_default()),
        }
    }
}

/// Input files and the overrides for when detection guesses wrong.
#[derive(Debug, Args)]
struct LoadArgs {
    /// Suppression exports (CSV, TSV, xlsx, xls, ods); '-' for standard input.
    #[arg(value_name = "FILE")]
    files: Vec<String>,
    /// Field delimiter: ',', ';', 'tab', '|' or any single character (default: detected).
    #[arg(long, value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// Text encoding such as utf-8, utf-16le, windows-1252 (default: detected).
    #[arg(long, value_parser = parse_encoding)]
    encoding: Option<&'static encoding_rs::Encoding>,
    /// Spreadsheet sheet to read (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// Use a column for a role, e.g. --column email="Contact Mail" (repeatable). Roles:
    /// email, first-name, last-name, full-name, company, reason, code, type, date.
    #[arg(long = "column", value_name = "ROLE=HEADER", value_parser = parse_column)]
    columns: Vec<(Role, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if text.len() == 1 && text.is_ascii() => Ok(text.as_bytes()[0]),
        _ => Err("expected one ASCII character, or 'tab'".to_string()),
    }
}

fn parse_encoding(text: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_by_name(text).ok_or_else(|| {
        "unknown encoding; try utf-8, utf-16le, utf-16be or windows-1252".to_string()
    })
}

fn parse_column(text: &str) -> Result<(Role, String), String> {
    let (role, header) = text
        .split_once('=')
        .ok_or_else(|| "expected ROLE=HEADER, e.g. email=\"Contact Mail\"".to_string())?;
    let names: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
    let role = Role::from_name(role.trim())
        .ok_or_else(|| format!("unknown role '{role}' (roles: {})", names.join(", ")))?;
    Ok((role, header.to_string()))
}

impl LoadArgs {
    fn inputs(&self) -> Vec<Input> {
        if self.files.is_empty() {
            vec![Input::sample()]
        } else {
            self.files.iter().map(|f| Input::from_arg(f)).collect()
        }
    }

    fn options(&self) -> LoadOptions {
        LoadOptions {
            delimiter: self.delimiter,
            encoding: self.encoding,
            sheet: self.sheet.clone(),
            columns: self.columns.clone(),
            ..LoadOptions::default()
        }
    }

    /// The files given on the command line (not stdin or the sample), which an export must
    /// never overwrite.
    fn input_paths(&self) -> Vec<PathBuf> {
        self.files
            .iter()
            .filter(|f| *f != "-")
            .map(PathBuf::from)
            .collect()
    }

    fn load(&self) -> Result<Dataset, Failure> {
        ingest::load(&self.inputs(), &self.options()).map_err(|e| Failure::runtime(e.to_string()))
    }
}

/// Why a command failed, and with which exit status.
#[derive(Debug)]
pub struct Failure {
    /// One line, shown after `bouncelens: `.
    pub message: String,
    /// 1 for runtime errors, 2 for usage errors.
    pub status: i32,
}

impl Failure {
    fn runtime(message: String) -> Failure {
        Failure { message, status: 1 }
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        Failure::runtime(format!("could not write output: {error}"))
    }
}

/// Parses `args`, runs the command with `out` as standard output and returns the exit status;
/// errors go to `err` as one line.
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let cli = match parse(args) {
        Ok(cli) => cli,
        Err(error) => return report_clap_error(&error, out, err),
    };
    match execute(cli, out).and_then(|()| out.flush().map_err(Failure::from)) {
        Ok(()) => 0,
        Err(failure) if failure.message.contains("Broken pipe") => 0,
        Err(failure) => {
            let _ = writeln!(err, "bouncelens: {}", failure.message);
            failure.status
        }
    }
}

fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, clap::Error> {
    let matches = Cli::command().try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// Help and version go to standard output with status 0; usage errors become one line with
/// status 2 (clap's own message is several lines with a usage block).
fn report_clap_error(error: &clap::Error, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = write!(out, "{}", error.render());
        return 0;
    }
    let _ = writeln!(
        err,
        "bouncelens: {} (see 'bouncelens --help')",
        clap_message(&error.render().to_string())
    );
    2
}

/// clap's message without its usage block and hint, joined into one line: the lines naming
/// the missing argument or the possible values are kept.
fn clap_message(rendered: &str) -> String {
    let kept: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .take_while(|line| !line.starts_with("Usage:") && !line.starts_with("For more information"))
        .filter(|line| !line.is_empty())
        .collect();
    let message = kept.join(" ");
    let message = message.trim_start_matches("error: ");
    if message.is_empty() {
        "invalid arguments".to_string()
    } else {
        message.to_string()
    }
}

fn execute(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    match cli.command {
        Some(_) if std::env::var_os("BOUNCELENS_TEST_PANIC").is_some() => {
            panic!("test panic requested by BOUNCELENS_TEST_PANIC")
        }
        None => {
            check_dashboard_files(&cli.load.files)?;
            crate::tui::check_terminal().map_err(|e| Failure {
                message: e.to_string(),
                status: 2,
            })?;
            crate::tui::run(cli.load.inputs(), cli.load.options())
                .map_err(|e| Failure::runtime(e.to_string()))
        }
        Some(Command::Summary { load, by, json }) => {
            let by = GroupBy::from_name(&by).unwrap_or(GroupBy::Reason);
            let dataset = load.load()?;
            if json {
                write_summary_json(&dataset, by, out)
            } else {
                write_summary(&dataset, by, out)
            }
        }
        Some(Command::Lookup { query }) => write_lookup(&query.join(" "), out),
        Some(Command::List {
            load,
            filters,
            format,
        }) => {
            let dataset = load.load()?;
            let matches = filters.filter().apply(&dataset);
            let contacts = matches.iter().map(|&i| dataset.contact(i));
            match format {
                Format::Table => write_list_table(contacts, out),
                Format::Csv => write_list_csv(contacts, out),
                Format::Json => write_list_json(contacts, out),
            }
        }
        Some(Command::Export {
            load,
            filters,
            out: path,
            force,
        }) => {
            let dataset = load.load()?;
            let matches = filters.filter().apply(&dataset);
            if path == "-" {
                export::write_csv(&dataset, &matches, &mut *out)?;
                return Ok(());
            }
            let inputs = load.input_paths();
            let path = Path::new(&path);
            let written =
                export::save(&dataset, &matches, path, &inputs, force).map_err(|e| match e {
                    SaveError::Exists(_) => {
                        Failure::runtime(format!("{e}; add --force to replace it"))
                    }
                    other => Failure::runtime(other.to_string()),
                })?;
            writeln!(
                out,
                "Wrote {} to {}",
                render::count(written, "contact", "contacts"),
                path.display()
            )?;
            Ok(())
        }
        Some(Command::Fixes { load, format }) => {
            let dataset = load.load()?;
            write_fixes(&dataset, format, out)
        }
    }
}

/// Before the dashboard takes the terminal: a missing file is reported at once, and a word
/// that is neither a file nor a command (`bouncelens sumary`) is a usage error, not a file.
fn check_dashboard_files(files: &[String]) -> Result<(), Failure> {
    for file in files.iter().filter(|f| *f != "-") {
        if std::path::Path::new(file).exists() {
            continue;
        }
        let looks_like_command = !file.contains(['.', '/', '\\']);
        return Err(if looks_like_command {
            Failure {
                message: format!(
                    "'{file}' is neither a file nor a command (commands: summary, lookup, list, export, fixes)"
                ),
                status: 2,
            }
        } else {
            Failure::runtime(format!("{file}: no such file"))
        });
    }
    Ok(())
}

fn write_summary(dataset: &Dataset, by: GroupBy, out: &mut dyn Write) -> Result<(), Failure> {
    let total = dataset.len();
    writeln!(
        out,
        "{} — {} from {}",
        dataset.source_names(),
        render::count(total, "contact", "contacts"),
        render::count(dataset.sources.len(), "file", "files"),
    )?;
    for source in &dataset.sources {
        writeln!(
            out,
            "  {}: {}",
            source.name,
            render::describe_source(source)
        )?;
    }
    writeln!(out)?;
    let mut totals = Table::new(&["DISPOSITION", "COUNT", "SHARE", ""]);
    for (disposition, count) in stats::disposition_totals(dataset.contacts()) {
        let share = count as f64 / total.max(1) as f64;
        totals.row(vec![
            format!("{} {}", disposition.symbol(), disposition),
            count.to_string(),
            render::percent(share),
            render::bar(share, 20),
        ]);
    }
    totals.write(out, usize::MAX)?;
    if by != GroupBy::Disposition {
        writeln!(out)?;
        write_breakdown(&stats::breakdown(dataset, 0..dataset.len(), by), out)?;
    }
    if by != GroupBy::Action {
        writeln!(out)?;
        write_breakdown(
            &stats::breakdown(dataset, 0..dataset.len(), GroupBy::Action),
            out,
        )?;
    }
    write_domain_notes(&advice::domain_notes(dataset), out)?;
    write_report(dataset, out)
}

/// Domains to deal with as a whole, said once instead of on every contact.
fn write_domain_notes(notes: &[advice::DomainNote], out: &mut dyn Write) -> Result<(), Failure> {
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "Whole domains:")?;
    for note in notes {
        writeln!(out, "  {}: {}", note.domain, note.why)?;
    }
    Ok(())
}

/// A frequency table with bars; code groupings add the catalog's meaning of each code.
fn write_breakdown(breakdown: &stats::Breakdown, out: &mut dyn Write) -> Result<(), Failure> {
    let top = breakdown.largest();
    let title = breakdown.by.as_str().to_uppercase();
    let with_meaning = breakdown.by.is_code();
    let mut columns = vec![title.as_str(), "COUNT", "SHARE", ""];
    if with_meaning {
        columns.push("MEANING");
    }
    let mut table = Table::new(&columns);
    for bin in &breakdown.bins {
        let mut cells = vec![
            bin.value.clone(),
            bin.count.to_string(),
            render::percent(bin.share),
            render::bar(bin.count as f64 / top as f64, 20),
        ];
        if with_meaning {
            cells.push(bin.meaning.unwrap_or("(not in the reference)").to_string());
        }
        table.row(cells);
    }
    table.write(out, usize::MAX)?;
    Ok(())
}

fn write_report(dataset: &Dataset, out: &mut dyn Write) -> Result<(), Failure> {
    let lines = dataset.report.lines(&dataset.sources);
    writeln!(out)?;
    if lines.is_empty() {
        writeln!(out, "Load report: no problems found.")?;
    } else {
        writeln!(out, "Load report:")?;
        for line in lines {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}

fn write_summary_json(dataset: &Dataset, by: GroupBy, out: &mut dyn Write) -> Result<(), Failure> {
    let totals: serde_json::Map<String, serde_json::Value> =
        stats::disposition_totals(dataset.contacts())
            .iter()
            .map(|(d, n)| (d.as_str().to_string(), json!(n)))
            .collect();
    let files: Vec<_> = dataset
        .sources
        .iter()
        .map(|s| {
            json!({
                "name": s.name,
                "encoding": s.encoding,
                "delimiter": s.delimiter.map(|d| (d as char).to_string()),
                "rows": s.rows_read,
                "header": s.has_header,
            })
        })
        .collect();
    let breakdown = stats::breakdown(dataset, 0..dataset.len(), by);
    let value = json!({
        "files": files,
        "total": dataset.len(),
        "dispositions": totals,
        "by": by.as_str(),
        "breakdown": breakdown.bins,
        "actions": stats::breakdown(dataset, 0..dataset.len(), GroupBy::Action).bins,
        "domain_notes": advice::domain_notes(dataset),
        "warnings": dataset.report.lines(&dataset.sources),
    });
    serde_json::to_writer_pretty(&mut *out, &value).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

fn write_lookup(query: &str, out: &mut dyn Write) -> Result<(), Failure> {
    match catalog::lookup(query) {
        Lookup::Code(entry) => write_entry(&entry, query, out),
        Lookup::UnknownCode(code) => Err(Failure::runtime(format!(
            "'{code}' is not a code in the reference (try 'bouncelens lookup' with words instead)"
        ))),
        Lookup::Words(entries) if entries.is_empty() => Err(Failure::runtime(format!(
            "nothing in the code reference mentions '{query}'"
        ))),
        Lookup::Words(entries) => {
            let mut table = Table::new(&["CODE", "TITLE", "USUALLY"]);
            for entry in &entries {
                table.row(vec![
                    entry.code(),
                    entry.title().to_string(),
                    format!("{} ({})", entry.disposition(), entry.advice().reason),
                ]);
            }
            table.write(out, usize::MAX)?;
            Ok(())
        }
    }
}

fn write_entry(entry: &Entry, query: &str, out: &mut dyn Write) -> Result<(), Failure> {
    let advice = entry.advice();
    writeln!(
        out,
        "{}  {}  ({})",
        query.trim(),
        entry.title(),
        entry.rfc()
    )?;
    if let Entry::Enhanced(meaning) = entry
        && !meaning.exact
    {
        writeln!(
            out,
            "  Not in the registry; read as its subject, {}.",
            meaning.code.subject_fallback()
        )?;
    }
    if let Some(class) = catalog::class(entry.class()) {
        writeln!(
            out,
            "  Class:     {}.X.X {} — {}",
            class.class, class.title, class.meaning
        )?;
    }
    if let Some(text) = entry.article_text() {
        writeln!(out, "  Article:   {text}")?;
    }
    writeln!(out, "  Meaning:   {}", entry.meaning())?;
    writeln!(
        out,
        "  Usually:   {} ({})",
        entry.disposition(),
        advice.reason
    )?;
    writeln!(out, "  Next step: {}", entry.next_step())?;
    Ok(())
}

fn write_list_table<'a>(
    contacts: impl Iterator<Item = ContactRef<'a>>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mut table = Table::new(&[
        "EMAIL",
        "NAME",
        "DISPOSITION",
        "REASON",
        "CODE",
        "ACTION",
        "SOURCE",
    ]);
    let mut count = 0;
    for contact in contacts {
        table.row(vec![
            contact.email().to_string(),
            contact.name().into_owned(),
            format!(
                "{} {}",
                contact.disposition().symbol(),
                contact.disposition()
            ),
            contact.reason().to_string(),
            contact.main_code(),
            advice::advise(&contact).to_string(),
            format!("{}:{}", contact.source_info().name, contact.line()),
        ]);
        count += 1;
    }
    table.write(out, 40)?;
    writeln!(out, "{}", render::count(count, "contact", "contacts"))?;
    Ok(())
}

/// The fields every machine-readable listing carries, in order.
const LIST_FIELDS: [&str; 12] = [
    "email",
    "name",
    "source",
    "line",
    "reply_code",
    "status_code",
    "disposition",
    "reason",
    "meaning",
    "raw_reason",
    "action",
    "suggestion",
];

fn list_values(contact: &ContactRef<'_>) -> [Option<String>; 12] {
    let recommendation = recommend(contact);
    [
        Some(contact.email().to_string()),
        Some(contact.name().into_owned()),
        Some(contact.source_info().name.clone()),
        Some(contact.line().to_string()),
        contact.reply().map(|r| r.to_string()),
        contact.status().map(|s| s.to_string()),
        Some(contact.disposition().to_string()),
        Some(contact.reason().to_string()),
        render::meaning(contact).map(str::to_string),
        Some(contact.reason_text().into_owned()),
        Some(recommendation.advice.to_string()),
        recommendation.suggestion.map(|s| s.address),
    ]
}

/// The keys of each proposed correction in `fixes --format csv|json`.
const FIX_FIELDS: [&str; 8] = [
    "old",
    "new",
    "confidence",
    "fix",
    "why",
    "disposition",
    "source",
    "line",
];

fn write_fixes(dataset: &Dataset, format: Format, out: &mut dyn Write) -> Result<(), Failure> {
    let fixes: Vec<[Option<String>; 8]> = dataset
        .contacts()
        .filter_map(|contact| {
            let suggestion = contact.suggestion()?;
            Some([
                Some(contact.email().to_string()),
                Some(suggestion.address),
                Some(suggestion.confidence.as_str().to_string()),
                Some(suggestion.fix.as_str().to_string()),
                Some(suggestion.why),
                Some(contact.disposition().to_string()),
                Some(contact.source_info().name.clone()),
                Some(contact.line().to_string()),
            ])
        })
        .collect();
    match format {
        Format::Table => {
            let mut table = Table::new(&["OLD", "NEW", "CONFIDENCE", "WHY", "SOURCE"]);
            for fix in &fixes {
                let [old, new, confidence, _, why, _, source, line] =
                    fix.clone().map(Option::unwrap_or_default);
                table.row(vec![old, new, confidence, why, format!("{source}:{line}")]);
            }
            table.write(out, 60)?;
            writeln!(
                out,
                "{}",
                render::count(fixes.len(), "proposed correction", "proposed corrections")
            )?;
            Ok(())
        }
        Format::Csv => write_csv_rows(FIX_FIELDS, fixes.into_iter(), out),
        Format::Json => write_json_rows(FIX_FIELDS, fixes.into_iter(), out),
    }
}

fn write_list_csv<'a>(
    contacts: impl Iterator<Item = ContactRef<'a>>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    write_csv_rows(LIST_FIELDS, contacts.map(|c| list_values(&c)), out)
}

fn write_list_json<'a>(
    contacts: impl Iterator<Item = ContactRef<'a>>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    write_json_rows(LIST_FIELDS, contacts.map(|c| list_values(&c)), out)
}

/// Rows of named values as CSV under a header of their keys; a missing value is empty.
fn write_csv_rows<const N: usize>(
    keys: [&str; N],
    rows: impl Iterator<Item = [Option<String>; N]>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(keys).map_err(io::Error::from)?;
    for row in rows {
        writer
            .write_record(row.map(Option::unwrap_or_default))
            .map_err(io::Error::from)?;
    }
    writer.flush()?;
    Ok(())
}

/// Rows of named values as a JSON array of objects with the keys in order; a missing value is
/// null, and `line` is a number.
fn write_json_rows<const N: usize>(
    keys: [&str; N],
    rows: impl Iterator<Item = [Option<String>; N]>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let rows: Vec<serde_json::Value> = rows
        .map(|row| {
            let object: serde_json::Map<String, serde_json::Value> = keys
                .iter()
                .zip(row)
                .map(|(key, value)| {
                    let number = value.as_deref().and_then(|v| v.parse::<u64>().ok());
                    let value = match (*key, number) {
                        ("line", Some(line)) => json!(line),
                        _ => json!(value),
                    };
                    ((*key).to_string(), value)
                })
                .collect();
            serde_json::Value::Object(object)
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rows).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(())
}
