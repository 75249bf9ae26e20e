//! The offline typo detector: real-looking mistakes with the exact correction expected, real
//! addresses that must be left alone (including the look-alikes that are real domains), and
//! addresses that cannot be used, each with its reason.

use bouncelens::typo::{Check, Confidence, Fix, check, is_mailbox_provider, suggest};

use Confidence::{High, Medium};
use Fix::{
    AngleBrackets, CommaForDot, DoubledAt, DoubledDot, MailtoPrefix, MissingDot,
    ProviderMisspelled, Quotes, StrayPunctuation, TopLevelDomain, TrailingDot, Whitespace,
};

/// Input as found in a suppression list, the address meant, how sure, and the main mistake.
#[rustfmt::skip]
const MISTAKES: &[(&str, &str, Confidence, Fix)] = &[
    // One edit from exactly one big provider.
    ("john@gmial.com", "john@gmail.com", High, ProviderMisspelled),
    ("john@gmai.com", "john@gmail.com", High, ProviderMisspelled),
    ("john@gamil.com", "john@gmail.com", High, ProviderMisspelled),
    ("john@gnail.com", "john@gmail.com", High, ProviderMisspelled),
    ("john@gmal.com", "john@gmail.com", High, ProviderMisspelled),
    ("john@gmaill.com", "john@gmail.com", High, ProviderMisspelled),
    ("john@googlemial.com", "john@googlemail.com", High, ProviderMisspelled),
    ("john@hotmial.com", "john@hotmail.com", High, ProviderMisspelled),
    ("john@hotmal.com", "john@hotmail.com", High, ProviderMisspelled),
    ("john@hotmaill.com", "john@hotmail.com", High, ProviderMisspelled),
    ("john@hotnail.com", "john@hotmail.com", High, ProviderMisspelled),
    ("john@yaho.com", "john@yahoo.com", High, ProviderMisspelled),
    ("john@yahooo.com", "john@yahoo.com", High, ProviderMisspelled),
    ("john@yhaoo.com", "john@yahoo.com", High, ProviderMisspelled),
    ("john@outlok.com", "john@outlook.com", High, ProviderMisspelled),
    ("john@outloo.com", "john@outlook.com", High, ProviderMisspelled),
    ("john@outllok.com", "john@outlook.com", High, ProviderMisspelled),
    ("john@iclod.com", "john@icloud.com", High, ProviderMisspelled),
    ("john@iclould.com", "john@icloud.com", High, ProviderMisspelled),
    ("john@ymial.com", "john@ymail.com", High, ProviderMisspelled),
    ("john@emial.com", "john@email.com", High, ProviderMisspelled),
    ("john@protonmial.com", "john@protonmail.com", High, ProviderMisspelled),
    ("john@rocketmial.com", "john@rocketmail.com", High, ProviderMisspelled),
    ("john@sbcgloabl.net", "john@sbcglobal.net", High, ProviderMisspelled),
    ("john@comcsat.net", "john@comcast.net", High, ProviderMisspelled),
    ("john@btinternt.com", "john@btinternet.com", High, ProviderMisspelled),
    ("john@t-onlne.de", "john@t-online.de", High, ProviderMisspelled),
    ("john@gmäil.com", "john@gmail.com", High, ProviderMisspelled),
    ("JOHN@GMIAL.COM", "JOHN@gmail.com", High, ProviderMisspelled),
    // The ending mistyped on a provider.
    ("john@gmail.co", "john@gmail.com", High, TopLevelDomain),
    ("john@gmail.con", "john@gmail.com", High, TopLevelDomain),
    ("john@gmail.cmo", "john@gmail.com", High, TopLevelDomain),
    ("john@gmail.ocm", "john@gmail.com", High, TopLevelDomain),
    ("john@gmail.vom", "john@gmail.com", High, TopLevelDomain),
    ("john@gmail.xom", "john@gmail.com", High, TopLevelDomain),
    ("john@gmail.comm", "john@gmail.com", High, TopLevelDomain),
    ("john@gmail.cpm", "john@gmail.com", High, TopLevelDomain),
    ("john@gmail.om", "john@gmail.com", High, TopLevelDomain),
    ("john@yahoo.cm", "john@yahoo.com", High, TopLevelDomain),
    ("john@yahoo.con", "john@yahoo.com", High, TopLevelDomain),
    ("john@hotmail.con", "john@hotmail.com", High, TopLevelDomain),
    ("john@hotmail.cm", "john@hotmail.com", High, TopLevelDomain),
    ("john@outlook.con", "john@outlook.com", High, TopLevelDomain),
    ("john@icloud.co", "john@icloud.com", High, TopLevelDomain),
    ("john@aol.con", "john@aol.com", High, TopLevelDomain),
    ("john@comcast.ent", "john@comcast.net", High, TopLevelDomain),
    ("john@sbcglobal.met", "john@sbcglobal.net", High, TopLevelDomain),
    ("john@sbcglobal.ne", "john@sbcglobal.net", High, TopLevelDomain),
    ("john@verizon.nte", "john@verizon.net", High, TopLevelDomain),
    ("john@att.nte", "john@att.net", High, TopLevelDomain),
    ("john@bellsouth.ent", "john@bellsouth.net", High, TopLevelDomain),
    ("john@gmx.nte", "john@gmx.net", High, TopLevelDomain),
    ("john@btinternet.co", "john@btinternet.com", High, TopLevelDomain),
    ("john@yahoo.co.ukk", "john@yahoo.co.uk", High, TopLevelDomain),
    ("john@mailbox.ogr", "john@mailbox.org", High, TopLevelDomain),
    // Mechanical cleanup that cannot change who receives the mail.
    ("john@gmail.com.", "john@gmail.com", High, TrailingDot),
    ("Jane.Doe@Example.COM.", "Jane.Doe@example.com", High, TrailingDot),
    ("john@@gmail.com", "john@gmail.com", High, DoubledAt),
    ("john@gmail..com", "john@gmail.com", High, DoubledDot),
    ("<john@gmail.com>", "john@gmail.com", High, AngleBrackets),
    ("John Smith <john@gmail.com>", "john@gmail.com", High, AngleBrackets),
    ("mailto:john@gmail.com", "john@gmail.com", High, MailtoPrefix),
    ("MAILTO:john@gmail.com?subject=Hello", "john@gmail.com", High, MailtoPrefix),
    (" john@gmail.com ", "john@gmail.com", High, Whitespace),
    ("\tjohn@gmail.com\r\n", "john@gmail.com", High, Whitespace),
    ("john@gmail.com\u{200B}", "john@gmail.com", High, Whitespace),
    ("john @ gmail.com", "john@gmail.com", High, Whitespace),
    ("john@gmail,com", "john@gmail.com", High, CommaForDot),
    ("john@yahoo.co,uk", "john@yahoo.co.uk", High, CommaForDot),
    ("\"john@gmail.com\"", "john@gmail.com", High, Quotes),
    ("'john@gmail.com'", "john@gmail.com", High, Quotes),
    ("john@gmail.com;", "john@gmail.com", High, StrayPunctuation),
    ("john@gmail.com,", "john@gmail.com", High, StrayPunctuation),
    ("john@.gmail.com", "john@gmail.com", High, StrayPunctuation),
    // Several mistakes at once: the domain's is the main one.
    (" <JOHN@GMIAL.COM> ", "JOHN@gmail.com", High, ProviderMisspelled),
    ("<mailto:john@gmail.con>", "john@gmail.com", High, TopLevelDomain),
    ("john@@gmial.com", "john@gmail.com", High, ProviderMisspelled),
    ("john@hotmail..con", "john@hotmail.com", High, TopLevelDomain),
    // Likely, not certain.
    ("john@gmailcom", "john@gmail.com", Medium, MissingDot),
    ("john@hotmailcom", "john@hotmail.com", Medium, MissingDot),
    ("john@yahoocouk", "john@yahoo.co.uk", Medium, MissingDot),
    ("john@hottmaill.com", "john@hotmail.com", Medium, ProviderMisspelled),
    ("john@gmial.con", "john@gmail.com", Medium, ProviderMisspelled),
    ("john@hotmial.con", "john@hotmail.com", Medium, ProviderMisspelled),
    ("john@yaho.con", "john@yahoo.com", Medium, ProviderMisspelled),
    ("john@icloudd.cmo", "john@icloud.com", Medium, ProviderMisspelled),
    ("john@gmial.co", "john@gmail.com", Medium, ProviderMisspelled),
    ("john@outlok.co", "john@outlook.com", Medium, ProviderMisspelled),
    ("john@verizn.ent", "john@verizon.net", Medium, ProviderMisspelled),
    ("john@acme-corp.con", "john@acme-corp.com", Medium, TopLevelDomain),
    ("john@example.ogr", "john@example.org", Medium, TopLevelDomain),
    ("john@example.nte", "john@example.net", Medium, TopLevelDomain),
    ("john@comcast.con", "john@comcast.com", Medium, TopLevelDomain),
];

/// Real addresses, some at real domains that look like typos of others: never touched.
const VALID: &[&str] = &[
    "john@gmail.com",
    "JOHN@GMAIL.COM",
    "John.Smith@Gmail.com",
    "john+news@gmail.com",
    "j.o.h.n@googlemail.com",
    "anna@email.com",
    "anna@mail.com",
    "anna@mail.de",
    "anna@ymail.com",
    "anna@gmx.de",
    "anna@gmx.com",
    "anna@gmx.net",
    "anna@me.com",
    "anna@mac.com",
    "anna@live.com",
    "anna@live.co.uk",
    "anna@hotmail.co.uk",
    "anna@hotmail.fr",
    "anna@hotmail.de",
    "anna@yahoo.co.jp",
    "anna@yahoo.co.uk",
    "anna@yahoo.com.au",
    "anna@yahoo.ca",
    "anna@aol.com",
    "anna@aol.de",
    "anna@icloud.com",
    "anna@outlook.fr",
    "anna@proton.me",
    "anna@protonmail.ch",
    "anna@web.de",
    "anna@mail.ru",
    "anna@qq.com",
    "anna@163.com",
    "anna@126.com",
    "anna@naver.com",
    "anna@t-online.de",
    "anna@comcast.net",
    "anna@comcast.com",
    "anna@verizon.com",
    "anna@google.com",
    "anna@cloud.com",
    "anna@bigpond.net",
    "sales@acme-corp.io",
    "info@example.org",
    "someone@sub.domain.co.uk",
    "first.last@company.com",
    "user123@domain123.com",
    "contact@123.com",
    "o'brien@example.ie",
    "x@example.com",
    "a-b_c@my-site.net",
    "user%tag@example.com",
    "!#$%&'*+-/=?^_`{|}~@example.com",
    "support@mailchimp.com",
    "info@gmailer-tools.com",
    "billing@yahoo-inc.com",
    "hello@hotmail-support.org",
    "ops@outlook-mail.net",
    "user@mail.yahoo.com",
    "ceo@brand.co",
    "me@gmail.company",
    "dev@startup.technology",
    "photographer@studio.photography",
    "admin@xn--bcher-kva.de",
    "\"john smith\"@example.com",
    "\"a@b\"@example.com",
    "user@[192.0.2.1]",
    "user@[IPv6:2001:db8::1]",
    "ü@bücher.de",
    "用户@例子.广告",
    "用户@例子。广告",
    "josé.garcía@correo.es",
    "JOSÉ@CORREO.ES",
    "пользователь@пример.рф",
];

/// Domains near a provider where a guess could send mail to a stranger: no suggestion.
#[rustfmt::skip]
const AMBIGUOUS: &[(&str, &str)] = &[
    ("john@hotmail.co", "as likely hotmail.co.uk unfinished as hotmail.com"),
    ("john@yahoo.co", "yahoo.com, or yahoo.co.uk, .co.jp, .co.in…"),
    ("john@live.co", "live.com or live.co.uk"),
    ("john@aol.co", "aol.com or aol.co.uk"),
    ("john@hotmial.co", "closest to hotmail.co, the start of hotmail.co.uk"),
    ("john@hmail.com", "one edit from gmail.com, ymail.com, email.com and mail.com"),
    ("john@yahooo.cm", "two edits from yahoo.com and from yahoo.ca"),
    ("john@hotmail.dr", "one edit from hotmail.fr and hotmail.de"),
    ("john@love.com", "live is too short a name: its neighbours are words"),
    ("john@ball.net", "bell is too short a name"),
    ("john@gmx.cm", "gmx is too short a name for a real country ending"),
    ("john@me.co", "me is too short a name for a real country ending"),
    ("john@hotmail.dk", "another country's Hotmail, not a typo"),
    ("john@yahoo.cz", "another country's Yahoo, not a typo"),
    ("john@wanadoo.fe", "a country-like ending is never replaced by guesswork"),
    ("john@gmail.de", "two edits on a short domain"),
    ("john@gogle.com", "one edit from google.com, a real domain"),
    ("john@cloud.co", "one edit from cloud.com, a real domain"),
];

/// Addresses that cannot be used and are not guessed at, with the reason given.
#[rustfmt::skip]
const INVALID: &[(&str, &str)] = &[
    ("johngmail.com", "no @"),
    ("john(at)gmail.com", "no @"),
    ("", "the address is empty"),
    ("   ", "the address is empty"),
    ("@gmail.com", "nothing before the @"),
    ("john@", "nothing after the @"),
    ("john@localhost", "no dot in the domain"),
    ("john@gmail", "no dot in the domain"),
    ("john@-acme.com", "a part of the domain starts or ends with a hyphen"),
    ("john@acme-.com", "a part of the domain starts or ends with a hyphen"),
    ("john..smith@gmail.com", "two dots in a row in the local part"),
    (".john@gmail.com", "the local part starts with a dot"),
    ("john.@gmail.com", "the local part ends with a dot"),
    ("john smith@gmail.com", "space inside the local part"),
    ("john@gmail@yahoo.com", "more than one @"),
    ("john@acme.123", "the domain's ending is all digits"),
    ("john@192.168.0.1", "the domain's ending is all digits"),
    ("john@exa_mple.com", "a character that is not allowed in the domain"),
    ("john@exam ple.com", "space inside the domain"),
    ("jo(hn@example.com", "a character that is not allowed before the @"),
    ("\"john@example.com", "an unclosed quote before the @"),
    ("\"a\"b\"@example.com", "a stray quote before the @"),
    ("john@[300.1.1.1]", "the IP address in brackets is not valid"),
];

/// [`INVALID`] and the over-long addresses, which are easier to build than to write out.
fn invalid() -> Vec<(String, &'static str)> {
    let mut cases: Vec<(String, &'static str)> = INVALID
        .iter()
        .map(|&(input, reason)| (input.to_string(), reason))
        .collect();
    cases.push((
        format!("{}@example.com", "a".repeat(65)),
        "the local part is longer than 64 characters",
    ));
    cases.push((
        format!("john@{}.com", "a".repeat(64)),
        "a part of the domain is longer than 63 characters",
    ));
    cases.push((
        format!("john@{}com", format!("{}.", "a".repeat(60)).repeat(5)),
        "the domain is longer than 253 characters",
    ));
    cases
}

#[test]
fn mistakes_get_the_exact_correction() {
    let mut wrong = Vec::new();
    for &(input, expected, confidence, fix) in MISTAKES {
        match check(input) {
            Check::Fix(suggestion)
                if suggestion.address == expected
                    && suggestion.confidence == confidence
                    && suggestion.fix == fix => {}
            other => wrong.push(format!(
                "{input:?}: expected {expected} ({confidence:?}, {fix:?}), got {other:?}"
            )),
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn every_correction_is_left_alone_when_checked_again() {
    for &(_, expected, _, _) in MISTAKES {
        assert_eq!(check(expected), Check::Valid, "{expected}");
    }
}

#[test]
fn real_addresses_are_left_alone() {
    let touched: Vec<String> = VALID
        .iter()
        .filter_map(|&input| match check(input) {
            Check::Valid => None,
            other => Some(format!("{input:?}: {other:?}")),
        })
        .collect();
    assert!(touched.is_empty(), "{}", touched.join("\n"));
}

#[test]
fn ambiguous_domains_get_no_suggestion() {
    for &(input, why) in AMBIGUOUS {
        assert_eq!(check(input), Check::Valid, "{input}: {why}");
    }
}

#[test]
fn unusable_addresses_say_why() {
    for (input, reason) in invalid() {
        assert_eq!(check(&input), Check::Invalid(reason), "{input:?}");
    }
}

#[test]
fn local_and_domain_length_limits_are_inclusive() {
    let longest_local = format!("{}@example.com", "a".repeat(64));
    let longest_label = format!("john@{}.com", "a".repeat(63));
    assert_eq!(check(&longest_local), Check::Valid);
    assert_eq!(check(&longest_label), Check::Valid);
}

#[test]
fn suggest_returns_exactly_the_fixes() {
    let inputs = MISTAKES
        .iter()
        .map(|row| row.0.to_string())
        .chain(VALID.iter().map(|input| input.to_string()))
        .chain(invalid().into_iter().map(|(input, _)| input));
    for input in inputs {
        let expected = match check(&input) {
            Check::Fix(suggestion) => Some(suggestion),
            Check::Valid | Check::Invalid(_) => None,
        };
        assert_eq!(suggest(&input), expected, "{input:?}");
    }
}

#[test]
fn explanations_name_every_change() {
    let why = |input: &str| suggest(input).map(|suggestion| suggestion.why);
    assert_eq!(
        why("john@gmial.com").as_deref(),
        Some("gmial.com looks like a misspelling of gmail.com")
    );
    assert_eq!(
        why("john@gmail.con").as_deref(),
        Some("gmail.con looks like gmail.com with its ending mistyped")
    );
    assert_eq!(
        why("john@gmailcom").as_deref(),
        Some("gmailcom looks like gmail.com with its dot left out")
    );
    assert_eq!(
        why("john @ gmail.com,").as_deref(),
        Some("removed stray punctuation around the address; removed the spaces around the @")
    );
    assert_eq!(
        why("john@yahoocouk").as_deref(),
        Some("yahoocouk looks like yahoo.co.uk with its dots left out")
    );
    assert_eq!(
        why("john@acme-corp.con").as_deref(),
        Some("acme-corp.con ends in .con, which does not exist; .com is the usual ending")
    );
    assert_eq!(
        why(" <JOHN@GMIAL.COM> ").as_deref(),
        Some(
            "gmial.com looks like a misspelling of gmail.com; removed the spaces around the \
             address; took the address out of its angle brackets"
        )
    );
}

#[test]
fn kinds_and_levels_have_stable_names() {
    assert_eq!(High.as_str(), "high");
    assert_eq!(Medium.as_str(), "medium");
    let names = [
        (Whitespace, "whitespace"),
        (Quotes, "quotes"),
        (MailtoPrefix, "mailto-prefix"),
        (AngleBrackets, "angle-brackets"),
        (StrayPunctuation, "stray-punctuation"),
        (DoubledAt, "doubled-at"),
        (DoubledDot, "doubled-dot"),
        (TrailingDot, "trailing-dot"),
        (CommaForDot, "comma-for-dot"),
        (MissingDot, "missing-dot"),
        (TopLevelDomain, "top-level-domain"),
        (ProviderMisspelled, "provider-misspelled"),
    ];
    for (fix, name) in names {
        assert_eq!(fix.as_str(), name);
    }
}

#[test]
fn mailbox_providers_are_told_from_other_domains() {
    for domain in [
        "gmail.com",
        "GMAIL.COM",
        "yahoo.co.uk",
        "live.com",
        "me.com",
        "web.de",
    ] {
        assert!(is_mailbox_provider(domain), "{domain}");
    }
    for domain in [
        "google.com",
        "comcast.com",
        "hotmail.co",
        "example.com",
        "gmial.com",
    ] {
        assert!(!is_mailbox_provider(domain), "{domain}");
    }
}
