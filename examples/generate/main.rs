//! Deterministic generator of large, realistic suppression exports.
//!
//! It writes a CSV with the header `Email,First Name,Last Name,Company,Reason,Bounce Code,Date`
//! and as many rows as asked for (about 150 bytes each): Zipf-skewed names (many John Smiths)
//! with ~3% non-ASCII ones, addresses in varied patterns at ~5,000 domains (gmail.com ≈ 20%, the
//! other big providers, ~4,990 invented company domains, ~0.5% typo domains), bounce texts
//! modelled on Gmail, Outlook, Yahoo, Postfix, Exim, Exchange, Mimecast, Proofpoint and SES
//! (some with commas and double quotes, ~0.1% spanning several lines), ~20% opt-outs, ~5%
//! complaints, the code found in the text (or nothing), and dates from January 2025 to October
//! 2026 in ascending order. IP addresses come only from the documentation ranges
//! (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24).
//!
//! Why: benchmarks and large-file tests need inputs far bigger than the bundled sample, and
//! they must be reproducible. The generator uses its own PRNG (xoshiro256** seeded through
//! SplitMix64) and integer-only sampling (no floating point, no hash-map order), so the same
//! `--seed` and `--rows` give byte-identical output on any machine and in debug or release
//! builds; a different seed gives a different file. Only the RFC 4180 quoting is left to the
//! `csv` crate. The set of company domains is the same for every seed. Dates are spread over
//! the whole range whatever the row count, so a short file is not a prefix of a long one.
//!
//! Output: UTF-8 without BOM, LF line ends, commas, RFC 4180 quoting (via `csv::Writer`). A
//! line with rows, bytes, bytes per row and seconds goes to standard error at the end.
//!
//! ```text
//! cargo run --release --example generate -- --rows 1000000 --seed 42 --out /tmp/big.csv
//! cargo run --release --example generate -- --rows 100000 --seed 7 --out - | head
//! cargo run --release --example generate -- --rows 1000          # seed 42, to standard output
//! ```

mod names;
mod templates;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Instant;

use names::{
    COMPANY_DOMAINS, CULTURES, FIRST_NAMES, INDUSTRIES, LAST_NAMES, Name, PROVIDERS, TLDS,
    TYPO_DOMAINS,
};
use templates::{Family, MULTILINE, TEMPLATES, Template};

const USAGE: &str = "\
Usage: cargo run --release --example generate -- [--rows N] [--seed S] [--out PATH]

  --rows N     number of data rows (default 1000)
  --seed S     PRNG seed, same seed gives the same bytes (default 42)
  --out PATH   file to write; '-' or absent for standard output";

/// The seed of the world every file shares: company domains, their names and mail hosts.
const WORLD_SEED: u64 = 0x626f_756e_6365_6c65;

/// First second of the date range: 2025-01-01 00:00:00, in days since 1970-01-01.
const FIRST_DAY: i64 = 20_089;
/// Days from 2025-01-01 to 2026-10-31 inclusive.
const DAYS: u64 = 669;

fn main() -> ExitCode {
    let options = match Options::parse(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("generate: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let sink: Box<dyn Write> = match options.out.as_deref() {
        None | Some("-") => Box::new(io::stdout().lock()),
        Some(path) => match File::create(path) {
            Ok(file) => Box::new(file),
            Err(error) => {
                eprintln!("generate: cannot create {path}: {error}");
                return ExitCode::FAILURE;
            }
        },
    };
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(1 << 17)
        .from_writer(Counting {
            inner: sink,
            bytes: 0,
        });
    match generate(&options, &mut out).and_then(|()| Ok(out.flush()?)) {
        Ok(()) => {}
        Err(error) => {
            if let csv::ErrorKind::Io(io_error) = error.kind() {
                if io_error.kind() == io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("generate: {error}");
            return ExitCode::FAILURE;
        }
    }
    let bytes = out.get_ref().bytes;
    let seconds = started.elapsed().as_secs_f64();
    let per_row = if options.rows == 0 {
        0.0
    } else {
        bytes as f64 / options.rows as f64
    };
    eprintln!(
        "generate: {} rows, {bytes} bytes, {per_row:.1} bytes/row, {seconds:.2} s (seed {})",
        options.rows, options.seed
    );
    ExitCode::SUCCESS
}

/// The command line.
struct Options {
    rows: u64,
    seed: u64,
    out: Option<String>,
}

impl Options {
    /// `Ok(None)` when help was asked for.
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Self>, String> {
        let mut options = Options {
            rows: 1000,
            seed: 42,
            out: None,
        };
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => {
                    (flag.to_owned(), Some(value.to_owned()))
                }
                _ => (arg.clone(), None),
            };
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("{flag} needs a value"))
            };
            match flag.as_str() {
                "-h" | "--help" => return Ok(None),
                "--rows" | "-n" => options.rows = number(&value()?)?,
                "--seed" | "-s" => options.seed = number(&value()?)?,
                "--out" | "-o" => options.out = Some(value()?),
                _ => return Err(format!("unknown argument '{arg}'")),
            }
        }
        Ok(Some(options))
    }
}

/// A decimal (or `0x` hexadecimal) number; `_` separators are allowed (`1_000_000`).
fn number(text: &str) -> Result<u64, String> {
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    let parsed = match digits.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => digits.parse(),
    };
    parsed.map_err(|_| format!("'{text}' is not a number"))
}

/// Counts the bytes that reach the output.
struct Counting {
    inner: Box<dyn Write>,
    bytes: u64,
}

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.bytes += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

// ---------------------------------------------------------------------------------------------
// Randomness: fixed algorithms and integer arithmetic only, so every platform agrees.

/// xoshiro256** (Blackman & Vigna), seeded with SplitMix64.
struct Rng {
    s: [u64; 4],
}

impl Rng {
    fn new(seed: u64) -> Self {
        let mut state = seed;
        let mut splitmix = || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        Rng {
            s: [splitmix(), splitmix(), splitmix(), splitmix()],
        }
    }

    fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A number in `0..n` (multiply-shift; the bias is below 2⁻³² for the sizes used here).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    /// True with probability `per_million` / 1,000,000.
    fn chance(&mut self, per_million: u64) -> bool {
        self.below(1_000_000) < per_million
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        *self.pick_ref(items)
    }

    fn pick_ref<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Appends `count` characters drawn from `alphabet`.
    fn push_chars(&mut self, out: &mut String, alphabet: &[u8], count: usize) {
        for _ in 0..count {
            out.push(char::from(self.pick(alphabet)));
        }
    }
}

const HEX_LOWER: &[u8] = b"0123456789abcdef";
const HEX_UPPER: &[u8] = b"0123456789ABCDEF";
const DIGITS: &[u8] = b"0123456789";
const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Draws an index with probability proportional to integer weights.
struct Weighted {
    cumulative: Vec<u64>,
}

impl Weighted {
    fn new(weights: impl IntoIterator<Item = u64>) -> Self {
        let mut total = 0;
        let cumulative = weights
            .into_iter()
            .map(|weight| {
                total += weight;
                total
            })
            .collect();
        Weighted { cumulative }
    }

    /// Zipf–Mandelbrot: the item of rank r (from 1) has weight ∝ 1 / (r + offset).
    fn zipf(count: usize, offset: u64) -> Self {
        Self::new((1..=count as u64).map(|rank| 1_000_000_000_000 / (rank + offset)))
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().expect("weights");
        let x = rng.below(total);
        self.cumulative.partition_point(|&c| c <= x)
    }
}

// ---------------------------------------------------------------------------------------------
// The world: domains, companies and the mail hosts that answer for them.

/// A recipient domain.
struct Domain {
    name: String,
    /// Who answers for it, which decides the wording of its bounces.
    family: Family,
    /// The company behind it; empty for mailbox providers and typos.
    company: String,
    /// Its mail exchanger, as named in bounce texts.
    mx: String,
    /// A free-mail provider (or a typo of one): people use it privately.
    free: bool,
}

struct World {
    providers: Vec<Domain>,
    provider_weights: Weighted,
    companies: Vec<Domain>,
    company_weights: Weighted,
    typos: Vec<Domain>,
}

impl World {
    fn build() -> Self {
        let mut rng = Rng::new(WORLD_SEED);
        let providers = PROVIDERS
            .iter()
            .map(|&(name, _)| {
                let (family, mx) = match name {
                    "gmail.com" => (Family::Gmail, "gmail-smtp-in.l.google.com"),
                    "outlook.com" => (Family::Microsoft, "outlook-com.olc.protection.outlook.com"),
                    "hotmail.com" => (Family::Microsoft, "hotmail-com.olc.protection.outlook.com"),
                    "yahoo.com" => (Family::Yahoo, "mta6.am0.yahoodns.net"),
                    "aol.com" => (Family::Yahoo, "mx-aol.mail.gm0.yahoodns.net"),
                    "icloud.com" => (Family::Apple, "mx01.mail.icloud.com"),
                    "comcast.net" => (Family::Comcast, "mx1a1.comcast.net"),
                    "gmx.de" => (Family::Gmx, "mx00.emig.gmx.net"),
                    "web.de" => (Family::Gmx, "mx-ha03.web.de"),
                    _ => (Family::Orange, "smtp-in.orange.fr"),
                };
                Domain {
                    name: name.to_owned(),
                    family,
                    company: String::new(),
                    mx: mx.to_owned(),
                    free: true,
                }
            })
            .collect();
        let provider_weights = Weighted::new(PROVIDERS.iter().map(|&(_, weight)| weight));
        let typos = TYPO_DOMAINS
            .iter()
            .map(|&name| Domain {
                name: name.to_owned(),
                family: Family::NoDomain,
                company: String::new(),
                mx: String::new(),
                free: true,
            })
            .collect();
        let mut taken: HashSet<String> =
            PROVIDERS.iter().map(|&(name, _)| name.to_owned()).collect();
        let mut companies = Vec::with_capacity(COMPANY_DOMAINS);
        while companies.len() < COMPANY_DOMAINS {
            let domain = invent_company(&mut rng);
            if taken.insert(domain.name.clone()) {
                companies.push(domain);
            }
        }
        World {
            providers,
            provider_weights,
            companies,
            company_weights: Weighted::zipf(COMPANY_DOMAINS, 5),
            typos,
        }
    }

    /// A recipient domain: ~47% big providers, ~0.5% typos, the rest companies (Zipf).
    fn domain(&self, rng: &mut Rng) -> &Domain {
        let x = rng.below(10_000);
        if x < 50 {
            rng.pick_ref(&self.typos)
        } else if x < 50 + PROVIDERS.iter().map(|&(_, weight)| weight).sum::<u64>() {
            &self.providers[self.provider_weights.sample(rng)]
        } else {
            self.company(rng)
        }
    }

    fn company(&self, rng: &mut Rng) -> &Domain {
        &self.companies[self.company_weights.sample(rng)]
    }
}

/// A pronounceable invented company, its domain and its mail host.
fn invent_company(rng: &mut Rng) -> Domain {
    let mut base = String::new();
    let style = rng.below(100);
    if style < 45 {
        base.push_str(rng.pick(&names::WORD_HEADS));
        base.push_str(rng.pick(&names::WORD_TAILS));
    } else if style < 85 {
        let syllables = if rng.chance(300_000) { 3 } else { 2 };
        for _ in 0..syllables {
            base.push_str(rng.pick(&names::ONSETS));
            base.push_str(rng.pick(&names::VOWELS));
        }
        base.push_str(rng.pick(&names::CODAS));
    } else {
        let surname: String = ascii_slug(rng.pick(&LAST_NAMES[..150]));
        base.push_str(&surname);
    }
    let industry = rng.chance(650_000).then(|| rng.pick(&INDUSTRIES));
    let tld = TLDS[Weighted::new(TLDS.iter().map(|&(_, weight)| weight)).sample(rng)].0;

    let mut name = base.clone();
    let mut company = capitalized(&base);
    if let Some((slug, words)) = industry {
        if rng.chance(750_000) {
            name.push('-');
        }
        name.push_str(slug);
        company.push(' ');
        company.push_str(words);
    }
    name.push_str(tld);
    let suffix = match (tld, rng.below(100)) {
        (".co.uk", 0..50) => " Ltd",
        (".de", 0..60) => " GmbH",
        (".com" | ".net", 0..20) => ", LLC",
        (".com" | ".net", 20..30) => " Inc.",
        (".com" | ".net", 30..35) => ", Inc.",
        _ => "",
    };
    company.push_str(suffix);

    let european = tld == ".co.uk" || tld == ".de";
    let own_host =
        |rng: &mut Rng| format!("{}.{name}", rng.pick(&["mx", "mail", "mx1", "smtp", "mx2"]));
    let (family, mx) = match rng.below(100) {
        0..25 => {
            let host = if rng.chance(300_000) {
                "alt1.aspmx.l.google.com"
            } else {
                "aspmx.l.google.com"
            };
            (Family::Gmail, host.to_owned())
        }
        25..55 => (
            Family::Microsoft,
            format!("{}.mail.protection.outlook.com", name.replace('.', "-")),
        ),
        55..70 => (Family::Postfix, own_host(rng)),
        70..78 => (Family::Exim, own_host(rng)),
        78..86 => (Family::Exchange, format!("mail.{name}")),
        86..92 => (
            Family::Mimecast,
            format!(
                "{}-smtp-inbound-{}.mimecast.com",
                if european { "eu" } else { "us" },
                rng.between(1, 2)
            ),
        ),
        92..98 => (
            Family::Proofpoint,
            format!(
                "mx0{}-00{}.pphosted.com",
                if rng.chance(500_000) { 'a' } else { 'b' },
                rng.between(100_000, 999_999)
            ),
        ),
        _ => (Family::Generic, format!("mx.{name}")),
    };
    // A few companies closed down: their domain no longer resolves.
    let family = if rng.chance(15_000) {
        Family::NoDomain
    } else {
        family
    };
    Domain {
        name,
        family,
        company,
        mx,
        free: false,
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Lower-case ASCII letters and digits only (`O'Brien` → `obrien`).
fn ascii_slug(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Bounce texts.

/// A placeholder in a template.
#[derive(Clone, Copy)]
enum Var {
    Email,
    Local,
    Domain,
    Mx,
    Ip,
    SenderIp,
    SenderDomain,
    Esp,
    GmailId,
    MsServer,
    MsHex,
    Timestamp,
    YahooMta,
    YahooDd,
    MimecastId,
    OrangeId,
    N2,
    N5,
    Days,
    Size,
    Name,
    Alt,
}

impl Var {
    fn from_name(name: &str) -> Option<Var> {
        Some(match name {
            "email" => Var::Email,
            "local" => Var::Local,
            "domain" => Var::Domain,
            "mx" => Var::Mx,
            "ip" => Var::Ip,
            "sip" => Var::SenderIp,
            "sdom" => Var::SenderDomain,
            "esp" => Var::Esp,
            "gid" => Var::GmailId,
            "msrv" => Var::MsServer,
            "mshex" => Var::MsHex,
            "ts" => Var::Timestamp,
            "ymta" => Var::YahooMta,
            "ydd" => Var::YahooDd,
            "mcid" => Var::MimecastId,
            "oid" => Var::OrangeId,
            "n2" => Var::N2,
            "n5" => Var::N5,
            "days" => Var::Days,
            "size" => Var::Size,
            "name" => Var::Name,
            "alt" => Var::Alt,
            _ => return None,
        })
    }
}

enum Piece {
    Text(&'static str),
    Var(Var),
}

/// A template split into literal text and placeholders once, at start-up.
struct Compiled {
    template: &'static Template,
    pieces: Vec<Piece>,
}

impl Compiled {
    /// `{name}` with a lower-case alphanumeric name is a placeholder; any other brace is text
    /// (so JSON in a template stays as it is).
    fn new(template: &'static Template) -> Self {
        let text = template.text;
        let mut pieces = Vec::new();
        let mut literal_start = 0;
        let mut i = 0;
        while let Some(offset) = text[i..].find('{') {
            let open = i + offset;
            let name_end = text[open + 1..]
                .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
                .map_or(text.len(), |end| open + 1 + end);
            if name_end > open + 1 && text[name_end..].starts_with('}') {
                let name = &text[open + 1..name_end];
                let var = Var::from_name(name)
                    .unwrap_or_else(|| panic!("unknown placeholder {{{name}}} in {text:?}"));
                if literal_start < open {
                    pieces.push(Piece::Text(&text[literal_start..open]));
                }
                pieces.push(Piece::Var(var));
                literal_start = name_end + 1;
                i = literal_start;
            } else {
                i = open + 1;
            }
        }
        if literal_start < text.len() {
            pieces.push(Piece::Text(&text[literal_start..]));
        }
        Compiled { template, pieces }
    }
}

/// The templates of one family and their weights.
struct Pool {
    members: Vec<usize>,
    weights: Weighted,
}

impl Pool {
    fn new(all: &[Compiled], family: Option<Family>) -> Self {
        let members: Vec<usize> = (0..all.len())
            .filter(|&i| family.is_none_or(|family| all[i].template.family == family))
            .collect();
        let weights = Weighted::new(members.iter().map(|&i| all[i].template.weight));
        Pool { members, weights }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        self.members[self.weights.sample(rng)]
    }
}

const FAMILIES: [Family; 14] = [
    Family::Gmail,
    Family::Microsoft,
    Family::Yahoo,
    Family::Apple,
    Family::Comcast,
    Family::Gmx,
    Family::Orange,
    Family::Mimecast,
    Family::Proofpoint,
    Family::Postfix,
    Family::Exim,
    Family::Exchange,
    Family::Generic,
    Family::NoDomain,
];

struct Reasons {
    single: Vec<Compiled>,
    pools: Vec<Pool>,
    multi: Vec<Compiled>,
    multi_pool: Pool,
}

impl Reasons {
    fn new() -> Self {
        let single: Vec<Compiled> = TEMPLATES.iter().map(Compiled::new).collect();
        let pools = FAMILIES
            .iter()
            .map(|&family| Pool::new(&single, Some(family)))
            .collect();
        let multi: Vec<Compiled> = MULTILINE.iter().map(Compiled::new).collect();
        let multi_pool = Pool::new(&multi, None);
        Reasons {
            single,
            pools,
            multi,
            multi_pool,
        }
    }

    fn pool(&self, family: Family) -> &Pool {
        let index = FAMILIES.iter().position(|&f| f == family).expect("family");
        &self.pools[index]
    }

    /// A bounce text for a recipient at a domain answered by `family`.
    fn pick(&self, family: Family, rng: &mut Rng) -> &Compiled {
        if family != Family::NoDomain && rng.chance(1_333) {
            // ~0.1% of all rows, as bounces are three rows in four.
            return &self.multi[self.multi_pool.sample(rng)];
        }
        let roll = rng.below(100);
        let family = match family {
            Family::NoDomain if roll < 90 => Family::NoDomain,
            Family::NoDomain => Family::Generic,
            _ if roll < 65 => family,
            _ => Family::Generic,
        };
        &self.single[self.pool(family).sample(rng)]
    }
}

const OPT_OUTS: [&str; 6] = [
    "Unsubscribed via email reply",
    "Opted out via preference center",
    "List-Unsubscribe one-click (RFC 8058)",
    "Unsubscribed: no longer wants to receive these emails",
    "Opt-out request by phone, entered by admin",
    "Unsubscribed via link in \"Monthly Update\" newsletter",
];

const COMPLAINTS: [&str; 7] = [
    "Marked as spam by recipient",
    "Spam complaint",
    "Spam complaint received via feedback loop (Yahoo CFL)",
    "Complaint via Microsoft JMRP, feedback-type: abuse",
    "Recipient reported the message as spam",
    "ARF abuse report, Feedback-Type: abuse, User-Agent: Yahoo!-Mail-Feedback/2.0",
    "Complaint: \"This is spam\" button clicked in webmail",
];

const ROLE_ACCOUNTS: [&str; 10] = [
    "info", "sales", "office", "admin", "contact", "billing", "support", "hello", "hr", "orders",
];

// ---------------------------------------------------------------------------------------------
// Rows.

/// Facts fixed for one file: who sent the mail.
struct Sender {
    domain: String,
    ips: [String; 3],
    hosts: [String; 4],
}

impl Sender {
    fn new(world: &World, rng: &mut Rng) -> Self {
        let domain = world.companies[rng.below(200) as usize].name.clone();
        let ips = [doc_ip(rng), doc_ip(rng), doc_ip(rng)];
        let host = |rng: &mut Rng| format!("mta{}.mail.{domain}", rng.between(1, 40));
        let hosts = [host(rng), host(rng), host(rng), host(rng)];
        Sender { domain, ips, hosts }
    }
}

/// An address in one of the documentation ranges (RFC 5737).
fn doc_ip(rng: &mut Rng) -> String {
    let net = rng.pick(&["192.0.2", "198.51.100", "203.0.113"]);
    format!("{net}.{}", rng.between(1, 254))
}

/// The reusable buffers of one row.
#[derive(Default)]
struct Row {
    first: String,
    last: String,
    first_ascii: String,
    last_ascii: String,
    local: String,
    email: String,
    company: String,
    reason: String,
    code: String,
    date: String,
    iso: String,
    ip: String,
}

struct Generator {
    world: World,
    reasons: Reasons,
    sender: Sender,
    first_weights: Weighted,
    last_weights: Weighted,
    culture_weights: Weighted,
    rng: Rng,
    row: Row,
}

impl Generator {
    fn new(seed: u64) -> Self {
        let world = World::build();
        let mut rng = Rng::new(seed);
        let sender = Sender::new(&world, &mut rng);
        Generator {
            world,
            reasons: Reasons::new(),
            sender,
            first_weights: Weighted::zipf(FIRST_NAMES.len(), 0),
            last_weights: Weighted::zipf(LAST_NAMES.len(), 0),
            culture_weights: Weighted::new(CULTURES.iter().map(|c| c.weight)),
            rng,
            row: Row::default(),
        }
    }

    /// Fills `self.row` for row `index` of `rows`.
    fn fill(&mut self, index: u64, rows: u64) {
        let Generator {
            world,
            reasons,
            sender,
            first_weights,
            last_weights,
            culture_weights,
            rng,
            row,
        } = self;
        for buffer in [
            &mut row.first,
            &mut row.last,
            &mut row.first_ascii,
            &mut row.last_ascii,
            &mut row.local,
            &mut row.email,
            &mut row.company,
            &mut row.reason,
            &mut row.code,
            &mut row.date,
            &mut row.iso,
            &mut row.ip,
        ] {
            buffer.clear();
        }
        let domain = world.domain(rng);

        // The person and the mailbox.
        if !domain.free && rng.chance(15_000) {
            row.local.push_str(rng.pick(&ROLE_ACCOUNTS));
        } else {
            if rng.chance(30_000) {
                let culture = &CULTURES[culture_weights.sample(rng)];
                let (first, first_ascii): Name = rng.pick(culture.first);
                let (last, last_ascii): Name = rng.pick(culture.last);
                row.first.push_str(first);
                row.first_ascii.push_str(first_ascii);
                row.last.push_str(last);
                row.last_ascii.push_str(last_ascii);
            } else {
                let first = FIRST_NAMES[first_weights.sample(rng)];
                let last = LAST_NAMES[last_weights.sample(rng)];
                row.first.push_str(first);
                row.first_ascii.extend(
                    first
                        .chars()
                        .filter(char::is_ascii_alphanumeric)
                        .map(|c| c.to_ascii_lowercase()),
                );
                row.last.push_str(last);
                row.last_ascii.extend(
                    last.chars()
                        .filter(char::is_ascii_alphanumeric)
                        .map(|c| c.to_ascii_lowercase()),
                );
            }
            local_part(
                &mut row.local,
                &row.first_ascii,
                &row.last_ascii,
                domain.free,
                rng,
            );
        }
        if rng.chance(5_000) {
            // Typed with capitals, as some people do: John.Smith@gmail.com.
            let mut upper_next = true;
            for c in row.local.chars() {
                row.email.push(if upper_next {
                    c.to_ascii_uppercase()
                } else {
                    c
                });
                upper_next = !c.is_ascii_alphanumeric();
            }
        } else {
            row.email.push_str(&row.local);
        }
        row.email.push('@');
        row.email.push_str(&domain.name);

        // The employer.
        if !domain.free {
            if rng.chance(880_000) {
                row.company.push_str(&domain.company);
            }
        } else if rng.chance(120_000) {
            row.company.push_str(&world.company(rng).company);
        }

        // The date, ascending through the range: row i falls in the i-th slice of it.
        let span = u128::from(DAYS * 86_400);
        let offset =
            (u128::from(index) * span + u128::from(rng.below(DAYS * 86_400))) / u128::from(rows);
        let seconds = offset as i64;
        let (year, month, day) = civil_from_days(FIRST_DAY + seconds / 86_400);
        let (hour, minute, second) = (seconds % 86_400 / 3600, seconds % 3600 / 60, seconds % 60);
        let _ = write!(
            row.date,
            "{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}"
        );
        let _ = write!(
            row.iso,
            "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{:03}Z",
            rng.below(1000)
        );

        // Why the address is on the list.
        let kind = rng.below(1_000_000);
        if kind < 200_000 {
            match rng.below(100) {
                0..30 => {}
                30..75 => row.reason.push_str("Unsubscribed via link"),
                _ => row.reason.push_str(rng.pick(&OPT_OUTS)),
            }
        } else if kind < 250_000 {
            row.reason.push_str(rng.pick(&COMPLAINTS));
        } else {
            let compiled = reasons.pick(domain.family, rng);
            row.ip.push_str(&doc_ip(rng));
            expand(compiled, domain, sender, row, rng);
            let template = compiled.template;
            let code = match (template.reply, template.status, rng.below(100)) {
                (_, _, 0..2) => "",
                ("", status, _) => status,
                (reply, "", _) => reply,
                (_, status, 2..60) => status,
                (reply, _, _) => reply,
            };
            row.code.push_str(code);
        }
    }
}

/// The part of an address before the `@`, in one of the ways people build it.
fn local_part(out: &mut String, first: &str, last: &str, free: bool, rng: &mut Rng) {
    // john.smith, jsmith, john_smith42, smith.j, johnsmith1987, john.smith7, johns, john,
    // j.smith, johnsmith, john-smith, smith.john, smithjohn42, john123
    const FREE: [u64; 14] = [18, 8, 6, 3, 10, 12, 3, 1, 4, 8, 2, 2, 4, 5];
    const WORK: [u64; 14] = [35, 20, 0, 4, 0, 1, 3, 10, 12, 5, 3, 3, 0, 0];
    let weights = if free { &FREE } else { &WORK };
    let total: u64 = weights.iter().sum();
    let mut x = rng.below(total);
    let mut pattern = 0;
    while x >= weights[pattern] {
        x -= weights[pattern];
        pattern += 1;
    }
    let initial = |name: &str| name.chars().next().unwrap_or('x');
    let _ = match pattern {
        0 => write!(out, "{first}.{last}"),
        1 => write!(out, "{}{last}", initial(first)),
        2 => write!(out, "{first}_{last}{}", rng.between(1, 99)),
        3 => write!(out, "{last}.{}", initial(first)),
        4 => write!(out, "{first}{last}{}", rng.between(1960, 2005)),
        5 => write!(out, "{first}.{last}{}", rng.between(1, 9)),
        6 => write!(out, "{first}{}", initial(last)),
        7 => write!(out, "{first}"),
        8 => write!(out, "{}.{last}", initial(first)),
        9 => write!(out, "{first}{last}"),
        10 => write!(out, "{first}-{last}"),
        11 => write!(out, "{last}.{first}"),
        12 => write!(out, "{last}{first}{}", rng.between(1, 99)),
        _ => write!(out, "{first}{}", rng.between(1, 999)),
    };
}

/// Writes a template into `row.reason`, filling its placeholders.
fn expand(compiled: &Compiled, domain: &Domain, sender: &Sender, row: &mut Row, rng: &mut Rng) {
    let out = &mut row.reason;
    for piece in &compiled.pieces {
        match *piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Var(var) => match var {
                Var::Email => out.push_str(&row.email),
                Var::Local => out.push_str(&row.local),
                Var::Domain => out.push_str(&domain.name),
                Var::Mx if domain.mx.is_empty() => {
                    let _ = write!(out, "mx.{}", domain.name);
                }
                Var::Mx => out.push_str(&domain.mx),
                Var::Ip => out.push_str(&row.ip),
                Var::SenderIp => out.push_str(rng.pick_ref::<String>(&sender.ips)),
                Var::SenderDomain => out.push_str(&sender.domain),
                Var::Esp => out.push_str(rng.pick_ref::<String>(&sender.hosts)),
                Var::GmailId => {
                    rng.push_chars(out, HEX_LOWER, 13);
                    out.push('-');
                    rng.push_chars(out, HEX_LOWER, 11);
                    out.push_str("si");
                    rng.push_chars(out, DIGITS, 9);
                    rng.push_chars(out, HEX_LOWER, 2);
                    let _ = write!(out, ".{}", rng.between(1, 499));
                }
                Var::MsServer => {
                    rng.push_chars(out, UPPER, 2);
                    rng.push_chars(out, DIGITS, 1);
                    out.push_str("PEPF0000");
                    rng.push_chars(out, HEX_UPPER, 4);
                    let region = rng.pick(&["nam", "eur", "apc", "gbr"]);
                    let _ = write!(
                        out,
                        ".{region}prd{:02}.prod.outlook.com",
                        rng.between(1, 20)
                    );
                }
                Var::MsHex => {
                    out.push_str("08DE");
                    rng.push_chars(out, HEX_UPPER, 12);
                }
                Var::Timestamp => out.push_str(&row.iso),
                Var::YahooMta => {
                    let pool = rng.pick(&["gq1", "bf1", "ne1", "ir2"]);
                    let _ = write!(out, "mta{}.mail.{pool}.yahoo.com", rng.between(1000, 4999));
                }
                Var::YahooDd => out.push_str(rng.pick(&["[0]", "[-5]"])),
                Var::MimecastId => {
                    rng.push_chars(out, ALNUM, 22);
                    let region = rng.pick(&["uk", "us", "au", "za"]);
                    let _ = write!(out, ".{region}{}", rng.between(1, 299));
                }
                Var::OrangeId => {
                    rng.push_chars(out, ALNUM, 10);
                    rng.push_chars(out, DIGITS, 3);
                }
                Var::N2 => {
                    let _ = write!(out, "{}", rng.between(10, 99));
                }
                Var::N5 => {
                    let _ = write!(out, "{}", rng.between(10_000, 99_999));
                }
                Var::Days => {
                    let _ = write!(out, "{}", rng.between(2, 5));
                }
                Var::Size => {
                    let _ = write!(out, "{}", rng.between(21_000_000, 52_000_000));
                }
                Var::Name if row.first.is_empty() => out.push_str("This employee"),
                Var::Name => {
                    let _ = write!(out, "{} {}", row.first, row.last);
                }
                Var::Alt if row.first_ascii.is_empty() => out.push_str("office"),
                Var::Alt => {
                    let _ = write!(out, "{}{}", &row.first_ascii[..1], row.last_ascii);
                }
            },
        }
    }
}

/// Year, month and day of a day number counted from 1970-01-01 (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn generate(options: &Options, out: &mut csv::Writer<Counting>) -> Result<(), csv::Error> {
    out.write_record([
        "Email",
        "First Name",
        "Last Name",
        "Company",
        "Reason",
        "Bounce Code",
        "Date",
    ])?;
    let mut generator = Generator::new(options.seed);
    for index in 0..options.rows {
        generator.fill(index, options.rows);
        let row = &generator.row;
        out.write_record([
            &row.email,
            &row.first,
            &row.last,
            &row.company,
            &row.reason,
            &row.code,
            &row.date,
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_cover_the_range() {
        assert_eq!(civil_from_days(FIRST_DAY), (2025, 1, 1));
        assert_eq!(civil_from_days(FIRST_DAY + DAYS as i64 - 1), (2026, 10, 31));
    }

    #[test]
    fn every_placeholder_is_known() {
        let reasons = Reasons::new();
        assert!(reasons.single.len() >= 40);
        for family in FAMILIES {
            assert!(!reasons.pool(family).members.is_empty());
        }
    }
}
