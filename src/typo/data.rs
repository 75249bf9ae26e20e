//! What the typo detector knows: the mailbox providers people mistype, the real domains that
//! merely look like them, and the endings that are slips of `.com`, `.net` and `.org`. Only data
//! lives here, so the lists can grow without touching the logic in `mod.rs`.
//!
//! Judgement calls:
//! - A provider is listed only if it really hands out mailboxes to the public. Country variants
//!   are listed because each one protects the others: `hotmail.fr` is never "corrected" to
//!   `hotmail.de`, and an unlisted `hotmail.xx` that is one letter from a listed one is left
//!   alone by the logic rather than guessed at.
//! - Pairs that look like typos of each other but are both real are both listed: `gmail.com`,
//!   `email.com`, `mail.com` and `ymail.com`; `gmx.com`, `gmx.net` and `gmx.de`; `live.com` and
//!   `live.co.uk`; `aol.com` and `aol.de`; `me.com` and `mac.com`.
//! - [`LOOKALIKES`] holds real domains that are not consumer mailbox providers but sit one or
//!   two edits from one (`cloud.com` next to `icloud.com`, the carriers' corporate `.com` next to
//!   their `.net` mail domains). They are never corrected and never proposed.

/// Mailbox providers whose domains people type by hand, lowercase. A domain listed here is
/// never corrected; a domain close to exactly one of them may be.
pub(crate) const PROVIDERS: &[&str] = &[
    // Google
    "gmail.com",
    "googlemail.com",
    // Yahoo
    "yahoo.com",
    "yahoo.co.uk",
    "yahoo.fr",
    "yahoo.de",
    "yahoo.it",
    "yahoo.es",
    "yahoo.ca",
    "yahoo.co.jp",
    "yahoo.com.au",
    "yahoo.com.br",
    "yahoo.co.in",
    "yahoo.in",
    "yahoo.com.mx",
    "yahoo.com.ar",
    "yahoo.co.nz",
    "yahoo.ie",
    "yahoo.com.sg",
    "yahoo.com.hk",
    "yahoo.co.id",
    "yahoo.se",
    "yahoo.dk",
    "ymail.com",
    "rocketmail.com",
    // Microsoft
    "hotmail.com",
    "hotmail.co.uk",
    "hotmail.fr",
    "hotmail.de",
    "hotmail.it",
    "hotmail.es",
    "hotmail.ca",
    "hotmail.be",
    "hotmail.nl",
    "hotmail.com.br",
    "hotmail.co.jp",
    "outlook.com",
    "outlook.fr",
    "outlook.de",
    "outlook.it",
    "outlook.es",
    "outlook.jp",
    "live.com",
    "live.co.uk",
    "live.fr",
    "live.de",
    "live.it",
    "live.nl",
    "live.ca",
    "live.com.au",
    "live.com.mx",
    "msn.com",
    "windowslive.com",
    // Apple
    "icloud.com",
    "me.com",
    "mac.com",
    // AOL
    "aol.com",
    "aol.co.uk",
    "aol.de",
    "aol.fr",
    "aim.com",
    // Proton
    "protonmail.com",
    "protonmail.ch",
    "proton.me",
    "pm.me",
    // United Internet and other European webmail
    "gmx.com",
    "gmx.net",
    "gmx.de",
    "gmx.at",
    "gmx.ch",
    "web.de",
    "mail.com",
    "email.com",
    "mail.de",
    "posteo.de",
    "mailbox.org",
    "fastmail.com",
    "fastmail.fm",
    "tutanota.com",
    "hushmail.com",
    "zoho.com",
    "zohomail.com",
    // Russia
    "yandex.ru",
    "yandex.com",
    "ya.ru",
    "yandex.ua",
    "mail.ru",
    "bk.ru",
    "inbox.ru",
    "rambler.ru",
    // China, Korea, India
    "qq.com",
    "foxmail.com",
    "163.com",
    "126.com",
    "yeah.net",
    "sina.com",
    "sohu.com",
    "naver.com",
    "daum.net",
    "hanmail.net",
    "rediffmail.com",
    // United States internet providers
    "comcast.net",
    "verizon.net",
    "att.net",
    "sbcglobal.net",
    "bellsouth.net",
    "cox.net",
    "charter.net",
    "earthlink.net",
    "optonline.net",
    "frontier.com",
    "windstream.net",
    "juno.com",
    "roadrunner.com",
    // United Kingdom
    "btinternet.com",
    "sky.com",
    "virginmedia.com",
    "ntlworld.com",
    "talktalk.net",
    "blueyonder.co.uk",
    // France
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "laposte.net",
    "sfr.fr",
    // Germany, Italy, Poland, Czechia
    "t-online.de",
    "freenet.de",
    "arcor.de",
    "libero.it",
    "virgilio.it",
    "alice.it",
    "tiscali.it",
    "wp.pl",
    "interia.pl",
    "seznam.cz",
    // Canada
    "shaw.ca",
    "rogers.com",
    "sympatico.ca",
    "telus.net",
    "videotron.ca",
    "bell.net",
    // Australia and Brazil
    "bigpond.com",
    "bigpond.net.au",
    "optusnet.com.au",
    "iinet.net.au",
    "uol.com.br",
    "bol.com.br",
];

/// Real domains that are not consumer mailbox providers but lie within two edits of one. They
/// are never corrected, never proposed, and make a typo that is equally close to them and to a
/// provider ambiguous.
pub(crate) const LOOKALIKES: &[&str] = &[
    "google.com",
    "cloud.com",
    "comcast.com",
    "verizon.com",
    "att.com",
    "charter.com",
    "cox.com",
    "orange.com",
    "web.com",
    "bell.ca",
    "telus.com",
    "yahoo.net",
];

/// Endings that are not top-level domains at all, with the ending they are a slip of. Mail to
/// them can never be delivered, so replacing the ending is safe on any domain.
pub(crate) const IMPOSSIBLE_ENDINGS: &[(&str, &str)] = &[
    ("con", "com"),
    ("cmo", "com"),
    ("ocm", "com"),
    ("omc", "com"),
    ("mco", "com"),
    ("cpm", "com"),
    ("vom", "com"),
    ("xom", "com"),
    ("cim", "com"),
    ("clm", "com"),
    ("c0m", "com"),
    ("comm", "com"),
    ("coom", "com"),
    ("ccom", "com"),
    ("comn", "com"),
    ("nte", "net"),
    ("ent", "net"),
    ("met", "net"),
    ("ner", "net"),
    ("ney", "net"),
    ("nwt", "net"),
    ("nett", "net"),
    ("neet", "net"),
    ("ogr", "org"),
    ("rog", "org"),
    ("prg", "org"),
    ("otg", "org"),
    ("oeg", "org"),
    ("orgg", "org"),
];

/// Endings that are real country domains but are also the classic slips of `.com` and `.net`
/// (`.co` Colombia, `.cm` Cameroon, `.om` Oman, `.ne` Niger). They are corrected only when the
/// result is a provider with a long enough name, because `gmail.co` is a typo while `me.co` may
/// be somebody's real domain.
pub(crate) const COUNTRY_ENDING_SLIPS: &[(&str, &str)] =
    &[("co", "com"), ("cm", "com"), ("om", "com"), ("ne", "net")];
