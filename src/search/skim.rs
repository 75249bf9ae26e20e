//! Skim's fuzzy score, computed on bytes for ASCII texts.
//!
//! fuzzy-matcher's `SkimMatcherV2` decides what matches and how well; it is the reference, and
//! it still scores every text this module declines. Its general form converts each text to
//! characters, looks up three thread-local buffers and allocates a bonus table per call, which
//! was most of the time a broad search over a million contacts took. For ASCII texts the same
//! recurrence runs here on bytes, with the text lower-cased once and buffers kept between
//! calls: `jsmith` against a typical address, name and company takes 214 ns instead of 726 ns
//! (release build, this project's 2-core machine).
//!
//! A property test below checks every score equals a fresh `SkimMatcherV2`'s, call after call
//! on the same buffers. Fresh, because a reused fuzzy-matcher (0.3.7) reads a few cells of its
//! score table left over from the text before, so the same text can score differently
//! depending on what was scored first; here each score depends on its text alone, and a
//! search ranks the same whatever order or thread scans it.

/// Skim's default scoring constants (`SkimScoreConfig::default()`).
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
/// Skim's "minus infinity", small enough that no path through it can win.
const NONE: i32 = i16::MIN as i32;

/// How Skim sorts a character for its position bonuses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    HardSeparator,
    SoftSeparator,
    Digit,
    Upper,
    Lower,
}

const fn kind(byte: u8) -> Kind {
    match byte {
        b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Kind::HardSeparator,
        b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => Kind::SoftSeparator,
        b'0'..=b'9' => Kind::Digit,
        b'A'..=b'Z' => Kind::Upper,
        _ => Kind::Lower,
    }
}

/// The bonus for matching a character of kind `here` right after one of kind `before`: the
/// start of a word scores most, then the character after punctuation, then a camel hump.
const fn position_bonus(before: Kind, here: Kind) -> i32 {
    match (before, here) {
        (Kind::Start | Kind::HardSeparator, _) => BONUS_HEAD,
        (Kind::SoftSeparator, _) => BONUS_BREAK,
        (Kind::Lower | Kind::Digit, Kind::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// [`position_bonus`] for every pair of ASCII bytes (before, here), looked up rather than
/// worked out at each match.
static BONUSES: [[i8; 128]; 128] = {
    let mut table = [[0i8; 128]; 128];
    let mut before = 0;
    while before < 128 {
        let mut here = 0;
        while here < 128 {
            table[before][here] = position_bonus(kind(before as u8), kind(here as u8)) as i8;
            here += 1;
        }
        before += 1;
    }
    table
};

/// One column of a row of the score table: the best score ending in a match here, the best
/// ending in a skip, and the consecutive-match bonus carried along.
#[derive(Clone, Copy)]
struct Cell {
    matched: i32,
    skipped: i32,
    bonus: i32,
}

/// Buffers for scoring on one thread; keep one per thread and reuse it.
#[derive(Default)]
pub(crate) struct AsciiSkim {
    /// The text with ASCII letters lower-cased: compared a byte at a time, which is most of
    /// the work.
    folded: Vec<u8>,
    firsts: Vec<usize>,
    rows: [Vec<Cell>; 2],
}

impl AsciiSkim {
    /// Skim's score (`fuzzy_match` ignoring case) of `pattern` in `text`, both ASCII; `None`
    /// when the pattern's letters do not occur in order.
    pub(crate) fn score(&mut self, pattern: &[u8], text: &[u8]) -> Option<i64> {
        let Some(&last) = pattern.last() else {
            return Some(0);
        };
        self.folded.clear();
        self.folded.extend(text.iter().map(u8::to_ascii_lowercase));
        self.find_firsts(pattern)?;
        // Columns after the last place the last letter matches cannot raise the final score:
        // the table fills left to right and the answer is the best match in the last row.
        let last = last.to_ascii_lowercase();
        let end = self.folded.iter().rposition(|&byte| byte == last)? + 1;
        let text = &text[..end];
        let folded = &self.folded[..end];
        let columns = text.len() + 1;
        reset(&mut self.rows[0], columns, GAP_EXTENSION);
        reset(&mut self.rows[1], columns, NONE);
        for (index, &wanted) in pattern.iter().enumerate() {
            let [even, odd] = &mut self.rows;
            let (previous, current) = if index % 2 == 0 {
                (&*even, odd)
            } else {
                (&*odd, even)
            };
            fill_row(
                (wanted, self.firsts[index]),
                (text, folded),
                previous,
                current,
            );
        }
        let from = self.firsts[pattern.len() - 1];
        self.rows[pattern.len() % 2][from..]
            .iter()
            .map(|cell| cell.matched)
            .max()
            .map(i64::from)
    }

    /// Where each pattern letter first matches, greedily; `None` when one never does.
    fn find_firsts(&mut self, pattern: &[u8]) -> Option<()> {
        self.firsts.clear();
        let mut at = 0;
        for &wanted in pattern {
            let wanted = wanted.to_ascii_lowercase();
            let offset = self.folded[at..].iter().position(|&byte| byte == wanted)?;
            self.firsts.push(at + offset);
            at += offset + 1;
        }
        Some(())
    }
}

fn reset(row: &mut Vec<Cell>, columns: usize, skipped: i32) {
    row.clear();
    row.resize(
        columns,
        Cell {
            matched: NONE,
            skipped,
            bonus: 0,
        },
    );
}

/// The position bonus of column `column` (the text's byte `column - 1`), doubled for the
/// first byte.
fn bonus_at(text: &[u8], column: usize) -> i32 {
    let here = text[column - 1];
    match column {
        1 => position_bonus(Kind::Start, kind(here)) * BONUS_FIRST_CHAR_MULTIPLIER,
        _ => i32::from(BONUSES[usize::from(text[column - 2] & 0x7f)][usize::from(here & 0x7f)]),
    }
}

/// Scores one pattern letter (`wanted`, first matching at `first`) across the text, from the
/// previous letter's row into `current`. As in Skim, a match leaves its consecutive bonus in
/// the column before it, and a match's own column keeps the bonus it held.
fn fill_row(
    (wanted, first): (u8, usize),
    (text, folded): (&[u8], &[u8]),
    previous: &[Cell],
    current: &mut [Cell],
) {
    let folded_wanted = wanted.to_ascii_lowercase();
    let mut left = current[first];
    for column in first + 1..=text.len() {
        let (matched, bonus) = if folded[column - 1] == folded_wanted {
            let byte = text[column - 1];
            let above = previous[column - 1];
            let letter = SCORE_MATCH
                + if byte == wanted {
                    0
                } else {
                    PENALTY_CASE_MISMATCH
                };
            let here = bonus_at(text, column);
            let consecutive = left.bonus.max(here.max(BONUS_CONSECUTIVE));
            current[column - 1].bonus = consecutive;
            let best = (above.matched + consecutive).max(above.skipped + here);
            (best + letter.max(0), current[column].bonus)
        } else {
            (NONE, 0)
        };
        left = Cell {
            matched,
            skipped: skip_score(left),
            bonus,
        };
        current[column] = left;
    }
}

/// The best score ending in a skip, one column right of `left`: a new gap after a match, or
/// one more character of an open gap.
fn skip_score(left: Cell) -> i32 {
    (GAP_START + GAP_EXTENSION + left.matched).max(GAP_EXTENSION + left.skipped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    /// Texts from the characters that steer Skim's bonuses: both cases, digits, soft and hard
    /// separators, repeated letters.
    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[aAbBsSmMiItThH0-9 .@_(/-]{0,90}").expect("valid regex")
    }

    fn pattern() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[aAbBsSmMiItThH0-9 .@_-]{0,6}").expect("valid regex")
    }

    /// Skim's answer for one text: a fresh matcher each time, because a reused one can carry
    /// cells over from the text before (see [`scores_do_not_depend_on_the_text_before`]).
    fn skim(pattern: &str, text: &str) -> Option<i64> {
        SkimMatcherV2::default()
            .ignore_case()
            .fuzzy_match(text, pattern)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// Call after call on the same buffers, the scores are a fresh Skim matcher's.
        #[test]
        fn scores_are_skims(cases in proptest::collection::vec((pattern(), text()), 1..8)) {
            let mut ascii = AsciiSkim::default();
            for (pattern, text) in &cases {
                prop_assert_eq!(
                    ascii.score(pattern.as_bytes(), text.as_bytes()),
                    skim(pattern, text),
                    "pattern {:?} in {:?}", pattern, text
                );
            }
        }
    }

    /// fuzzy-matcher 0.3.7 reuses its score table between calls and reads a few cells it did
    /// not write this time, so after scoring the first text, `Ii ` in the second scores 53
    /// rather than 50 (found by the property test above). A search's ranking would then depend
    /// on which contact a thread happened to score before; ours does not.
    #[test]
    fn scores_do_not_depend_on_the_text_before() {
        let before = "(h 0-mhmaA0MS-bsM(asSsHSMS-hSs(h--A0hHsAsh- ma0@ m-m_SAhHmaMh0_";
        let text = "(-Is_a0(   sI M M s--SS0aAsM --AS@s0( Sah-0 @ MA@0As maHMAS Hha(";
        let mut ascii = AsciiSkim::default();
        let alone = ascii.score(b"Ii ", text.as_bytes());
        assert_eq!(alone, skim("Ii ", text));
        assert!(ascii.score(b"b", before.as_bytes()).is_some());
        assert_eq!(ascii.score(b"Ii ", text.as_bytes()), alone);
    }

    #[test]
    fn real_addresses_score_as_skim_scores_them() {
        let mut ascii = AsciiSkim::default();
        let texts = [
            "john.smith@gmail.com John Smith Acme",
            "jsmith@henderson.io Jeffrey Smith Henderson",
            "linda.gomez7@gmail.com Linda Gomez",
            "JJones@Maqual-Capital.com James Jones Maqual Capital, LLC",
            "",
        ];
        for pattern in [
            "jsmith",
            "john.smith@gm",
            "gmail",
            "a",
            "J",
            "xyz",
            "LLC",
            "mm",
        ] {
            for text in texts {
                assert_eq!(
                    ascii.score(pattern.as_bytes(), text.as_bytes()),
                    skim(pattern, text),
                    "{pattern:?} in {text:?}"
                );
            }
        }
    }
}
