//! The duplicate check: which address hashes a load has seen. At millions of rows the set is
//! far beyond the caches and nearly every insert waits for memory, on the reading thread, which
//! is the one that limits a load of 5M rows.

/// A set of 64-bit hashes in one open-addressed table, probed linearly, an empty slot holding 0
/// (the hash 0 itself is a flag): 8 bytes a slot, where a `HashSet<u64>` takes 9, and a fresh
/// table is zeroed by the kernel as it is touched. Against `FxHashSet<u64>`, a 5M-row load took
/// 5% less CPU and 3% less time (no difference at 1M). Reading the slots of the next 16 hashes
/// ahead of their inserts, so their cache misses overlap, made no measurable difference.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    slots: Vec<u64>,
    /// Hashes held in `slots`.
    len: usize,
    /// Whether the hash 0 was seen.
    zero: bool,
    /// How far a hash's product with the golden ratio is shifted to give its slot.
    shift: u32,
}

impl Seen {
    /// Inserts each of `hashes`, in order; calls `repeated` with the index of each one seen
    /// before (in an earlier call or earlier in this one).
    pub(crate) fn insert_all(&mut self, hashes: &[u64], mut repeated: impl FnMut(usize)) {
        self.reserve(hashes.len());
        for (index, &hash) in hashes.iter().enumerate() {
            if !self.insert(hash) {
                repeated(index);
            }
        }
    }

    /// Where `hash`'s probe starts: the top bits of its product with 2^64 / φ, which spreads
    /// hashes whose low bits agree.
    fn slot(&self, hash: u64) -> usize {
        (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Inserts `hash`; returns whether it was new.
    fn insert(&mut self, hash: u64) -> bool {
        if hash == 0 {
            return !std::mem::replace(&mut self.zero, true);
        }
        let mask = self.slots.len() - 1;
        let mut at = self.slot(hash);
        loop {
            match self.slots[at] {
                0 => {
                    self.slots[at] = hash;
                    self.len += 1;
                    return true;
                }
                held if held == hash => return false,
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// Makes room for `more` hashes, keeping the table at most three quarters full (a linear
    /// probe stays short below that), doubling as needed.
    fn reserve(&mut self, more: usize) {
        let fits = |slots: usize| (self.len + more) * 4 <= slots * 3;
        if !self.slots.is_empty() && fits(self.slots.len()) {
            return;
        }
        let mut size = self.slots.len().max(1 << 10);
        while !fits(size) {
            size *= 2;
        }
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        self.shift = 64 - size.trailing_zeros();
        self.len = 0;
        for hash in old.into_iter().filter(|&hash| hash != 0) {
            self.insert(hash);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    proptest::proptest! {
        /// Exactly the hashes a `HashSet` has already are reported, across calls and table
        /// growth, 0 included; a small range of hashes makes repeats common.
        #[test]
        fn repeats_are_what_a_hash_set_has_seen(
            calls in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::prop_oneof![3 => 0u64..3000, 1 => proptest::prelude::any::<u64>()],
                    0..1500,
                ),
                1..5,
            )
        ) {
            let mut seen = Seen::default();
            let mut oracle = HashSet::new();
            for hashes in &calls {
                let mut repeats = Vec::new();
                seen.insert_all(hashes, |index| repeats.push(index));
                let expected: Vec<usize> = (0..hashes.len())
                    .filter(|&index| !oracle.insert(hashes[index]))
                    .collect();
                proptest::prop_assert_eq!(repeats, expected);
            }
        }
    }
}
