//! One sort for every list of indices the core orders: reviews, facet values, search words,
//! rows of an export.

use std::cmp::Ordering;

/// Sorts `indices` stably by `compare`.
///
/// The comparison sits behind a reference, so that every place that sorts shares one copy
/// of the standard library's sort: each closure passed to `sort_by` would otherwise compile
/// to a copy of its own, about 4 kB of the browser bundle apiece.
///
/// ```
/// let titles = ["Ran", "Ikiru", "Heat"];
/// let mut order = vec![0, 1, 2];
/// marquee_core::sort::sort_indices(&mut order, &|a, b| titles[a as usize].cmp(titles[b as usize]));
/// assert_eq!(order, [2, 1, 0]);
/// ```
pub fn sort_indices(indices: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    indices.sort_by(|&a, &b| compare(a, b));
}

/// The indices `0..n`, sorted stably by `compare`.
pub fn sorted_indices(n: usize, compare: &dyn Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let mut indices: Vec<u32> = (0..n as u32).collect();
    sort_indices(&mut indices, compare);
    indices
}
