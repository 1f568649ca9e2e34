//! The names one load has met, so that a name that many reviews give (a director, a genre,
//! a country) is one shared [`Name`], as a binary card index shares them, not a copy per
//! review: fewer allocations while reading, and less memory for the collection.

use crate::model::Name;
use rustc_hash::FxHashMap;

/// Names by their text. (A map to numbers, the same type that the search index builds with,
/// so that the browser's code has one such map, not two.)
#[derive(Default)]
pub(crate) struct Names {
    ids: FxHashMap<Box<str>, u32>,
    names: Vec<Name>,
}

impl Names {
    /// The shared copy of `text`, made the first time it is met.
    pub(crate) fn get(&mut self, text: &str) -> Name {
        if let Some(&id) = self.ids.get(text) {
            if let Some(name) = self.names.get(id as usize) {
                return name.clone();
            }
        }
        let name = Name::from(text);
        self.ids.insert(text.into(), self.names.len() as u32);
        self.names.push(name.clone());
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_name_met_twice_is_one_shared_copy() {
        let mut names = Names::default();
        let first = names.get("Agnès Varda");
        let again = names.get("Agnès Varda");
        assert!(Arc::ptr_eq(&first, &again));
        let other = names.get("agnès varda");
        assert!(!Arc::ptr_eq(&first, &other), "case is kept: each spelling is its own name");
        assert_eq!(&*other, "agnès varda");
    }
}
