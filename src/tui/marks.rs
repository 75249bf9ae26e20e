//! Marked contacts: the rows a user picks one by one (or all of a filter) to export together.
//! A bit per contact, so marking a million costs 125 KB and every check is one shift.

/// A set of contact indices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    bits: Vec<u64>,
    count: usize,
}

impl Marks {
    /// No marks, room for `contacts`.
    pub fn new(contacts: usize) -> Marks {
        Marks {
            bits: vec![0; contacts.div_ceil(64)],
            count: 0,
        }
    }

    /// How many contacts are marked.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Whether `index` is marked.
    pub fn contains(&self, index: usize) -> bool {
        self.bits
            .get(index / 64)
            .is_some_and(|word| word & (1 << (index % 64)) != 0)
    }

    /// Marks `index`, or unmarks it when it was marked.
    pub fn toggle(&mut self, index: usize) {
        if let Some(word) = self.bits.get_mut(index / 64) {
            let bit = 1 << (index % 64);
            *word ^= bit;
            if *word & bit != 0 {
                self.count += 1;
            } else {
                self.count -= 1;
            }
        }
    }

    /// Marks every one of `indices`.
    pub fn mark_all(&mut self, indices: impl IntoIterator<Item = usize>) {
        for index in indices {
            if let Some(word) = self.bits.get_mut(index / 64) {
                let bit = 1 << (index % 64);
                if *word & bit == 0 {
                    *word |= bit;
                    self.count += 1;
                }
            }
        }
    }

    /// Unmarks everything.
    pub fn clear(&mut self) {
        self.bits.fill(0);
        self.count = 0;
    }

    /// The marked contacts in file order.
    pub fn indices(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.count);
        for (at, &word) in self.bits.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                out.push(at * 64 + rest.trailing_zeros() as usize);
                rest &= rest - 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_counts_and_lists_in_file_order() {
        let mut marks = Marks::new(200);
        for index in [130, 3, 64, 199, 3] {
            marks.toggle(index);
        }
        assert_eq!(marks.count(), 3);
        assert_eq!(marks.indices(), vec![64, 130, 199]);
        assert!(marks.contains(130) && !marks.contains(3));
        marks.mark_all([0, 64, 65]);
        assert_eq!(marks.count(), 5);
        marks.toggle(500);
        assert_eq!(marks.count(), 5, "out of range is ignored");
        marks.clear();
        assert_eq!((marks.count(), marks.indices()), (0, vec![]));
    }
}
