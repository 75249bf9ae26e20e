//! Byte searches eight bytes at a time, in one `u64` (SWAR: SIMD within a register). The texts
//! searched — a line's fields, a server's reply — are tens of bytes long, too short for
//! `memchr`'s vector searches to pay for starting, and these need no `unsafe`.

/// One in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// Every byte's low seven bits.
const LOW_BITS: u64 = ONES * 0x7F;
/// Every byte's high bit.
const HIGH_BITS: u64 = ONES * 0x80;

/// Whether `bytes` are all ASCII and none is NUL: most records are, and this looks at eight
/// bytes at a time, in one pass. A word has a NUL byte exactly when `(w - 0x01…) & !w` has a
/// high bit set (the classic zero-byte test), and a non-ASCII byte when `w` has one.
pub(crate) fn plain_ascii(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    let mut flags = 0;
    for word in (&mut words).map(little_endian) {
        flags |= word | (word.wrapping_sub(ONES) & !word);
    }
    flags & HIGH_BITS == 0 && words.remainder().iter().all(|&b| b != 0 && b.is_ascii())
}

/// Eight bytes read as one word, the first in the lowest byte (so a bit's index over 8 is
/// its byte's position).
fn little_endian(eight: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(eight);
    u64::from_le_bytes(word)
}

/// The high bit of exactly the zero bytes of `x`: `(x & 0x7F…) + 0x7F…` sets the high bit of
/// every byte with a low bit set and carries into no other byte, and `| x` adds those whose
/// own high bit is set. A byte of `w ^ b…` is zero exactly where `w` has the byte `b`.
fn zero_bytes(x: u64) -> u64 {
    !(((x & LOW_BITS) + LOW_BITS) | x | LOW_BITS)
}

/// Calls `found` with the position of each `wanted` byte in `bytes`, in order, testing eight
/// bytes at a time: a line's fields are about twenty bytes long, too short for `memchr` to
/// pay for starting a search at each.
pub(crate) fn each_byte(bytes: &[u8], wanted: u8, mut found: impl FnMut(usize)) {
    let pattern = u64::from(wanted) * ONES;
    let mut words = bytes.chunks_exact(8);
    let mut base = 0;
    for word in (&mut words).map(little_endian) {
        let mut zeros = zero_bytes(word ^ pattern);
        while zeros != 0 {
            found(base + zeros.trailing_zeros() as usize / 8);
            zeros &= zeros - 1;
        }
        base += 8;
    }
    for (offset, &byte) in words.remainder().iter().enumerate() {
        if byte == wanted {
            found(base + offset);
        }
    }
}

/// The position of the first byte of `bytes` that is one of `wanted`, eight bytes at a time:
/// the fields of a line with quotes are searched one by one for where they end, and are as
/// short as any.
pub(crate) fn first_of<const N: usize>(bytes: &[u8], wanted: [u8; N]) -> Option<usize> {
    let patterns = wanted.map(|byte| u64::from(byte) * ONES);
    let flags = |word: u64| {
        patterns
            .iter()
            .fold(0, |found, &pattern| found | zero_bytes(word ^ pattern))
    };
    first_flagged(bytes, flags, |byte| wanted.contains(byte))
}

/// The position of the first ASCII digit in `bytes`, eight bytes at a time: both passes over
/// a reason text (code extraction and masking) jump from digit to digit, and most of a text
/// is the words between. With `l` a byte's low seven bits, `0xB9 - l` has its high bit set
/// exactly when `l` is below `:` and `l + 0x50` exactly when `l` is above `/`; neither
/// carries into the next byte, and `!w` drops the bytes that are not ASCII.
pub(crate) fn first_digit(bytes: &[u8]) -> Option<usize> {
    let flags = |word: u64| {
        let low = word & LOW_BITS;
        (ONES * 0xB9 - low) & (low + ONES * 0x50) & !word & HIGH_BITS
    };
    first_flagged(bytes, flags, u8::is_ascii_digit)
}

/// The position of the first byte that `flags` marks (with the high bit of its byte, in the
/// word of eight it is read in) or, among the last bytes, too few for a word, that `wanted`
/// accepts.
fn first_flagged(
    bytes: &[u8],
    flags: impl Fn(u64) -> u64,
    wanted: impl FnMut(&u8) -> bool,
) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    for (index, word) in (&mut words).map(little_endian).enumerate() {
        let found = flags(word);
        if found != 0 {
            return Some(index * 8 + found.trailing_zeros() as usize / 8);
        }
    }
    let base = bytes.len() - words.remainder().len();
    words.remainder().iter().position(wanted).map(|p| base + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The eight-at-a-time search finds every occurrence of the byte, in order.
        #[test]
        fn each_byte_finds_every_occurrence(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![4 => proptest::prelude::Just(b','), 1 => 0x2Bu8..0x2E, 1 => proptest::prelude::any::<u8>()],
                0..40,
            )
        ) {
            let mut found = Vec::new();
            each_byte(&bytes, b',', |at| found.push(at));
            let expected: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b',').collect();
            proptest::prop_assert_eq!(found, expected);
        }

        /// The word-at-a-time test agrees with the obvious one, wherever a NUL or a non-ASCII
        /// byte falls.
        #[test]
        fn plain_ascii_is_ascii_without_nul(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![8 => 1u8..0x80, 1 => proptest::prelude::Just(0u8), 1 => 0x80u8..],
                0..40,
            )
        ) {
            let expected = bytes.is_ascii() && !bytes.contains(&0);
            proptest::prop_assert_eq!(plain_ascii(&bytes), expected);
        }

        /// The first of several bytes is found wherever it falls, among bytes that differ from
        /// the wanted ones in one bit.
        #[test]
        fn first_of_finds_the_first_wanted_byte(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    2 => proptest::sample::select(&[b'"', b'\n', b'\r', b';'][..]),
                    2 => proptest::sample::select(&[b'#', b'\x0B', b'\x0C', b':', b'\xA2', b'\x8D'][..]),
                    1 => proptest::prelude::any::<u8>(),
                ],
                0..40,
            ),
            wanted in proptest::sample::subsequence(&[b'"', b'\n', b'\r', b';'][..], 3),
        ) {
            let wanted = [wanted[0], wanted[1], wanted[2]];
            let expected = bytes.iter().position(|byte| wanted.contains(byte));
            proptest::prop_assert_eq!(first_of(&bytes, wanted), expected);
        }

        /// The eight-at-a-time search agrees with the obvious one, whatever sits next to a
        /// digit: the bytes either side of `0`–`9`, and non-ASCII bytes that share their low bits.
        #[test]
        fn first_digit_finds_the_first_digit(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    2 => b'/'..=b':',
                    1 => 0xAFu8..=0xBA,
                    1 => proptest::prelude::any::<u8>(),
                ],
                0..40,
            )
        ) {
            proptest::prop_assert_eq!(first_digit(&bytes), bytes.iter().position(u8::is_ascii_digit));
        }
    }
}
