//! Sort orders: how two reviews compare for a sort, and the default order (newest review
//! first) that the first screen shows, which `marquee build` needs without an engine.

use crate::model::Review;
use crate::query::{Sort, SortKey};
use crate::text::title_sort_key;
use std::cmp::Ordering;

/// The reviews' indices in the default order (the most recently reviewed first), as the app
/// shows them before any query.
pub fn default_order(reviews: &[Review]) -> Vec<u32> {
    sorted(reviews, &title_ranks(reviews), Sort::default_for(""))
}

/// Each review's place in title order ([`title_sort_key`]): equal keys share a rank. Sorts
/// compare these numbers, so the keys themselves (a string per review) are not kept.
pub(super) fn title_ranks(reviews: &[Review]) -> Vec<u32> {
    let keys: Vec<String> = reviews.iter().map(|r| title_sort_key(r.title())).collect();
    let by_title = crate::sort::sorted_indices(keys.len(), &|a, b| keys[a as usize].cmp(&keys[b as usize]));
    let mut ranks = vec![0; keys.len()];
    let mut rank = 0;
    for (i, &doc) in by_title.iter().enumerate() {
        if i > 0 && keys[by_title[i - 1] as usize] != keys[doc as usize] {
            rank = i as u32;
        }
        ranks[doc as usize] = rank;
    }
    ranks
}

/// The reviews' indices sorted for `sort`, given each review's [`title_ranks`].
pub(super) fn sorted(reviews: &[Review], title_ranks: &[u32], sort: Sort) -> Vec<u32> {
    crate::sort::sorted_indices(reviews.len(), &|a, b| compare(reviews, title_ranks, sort, a as usize, b as usize))
}

/// Compares two reviews for a sort: the key in the chosen direction, missing values last in
/// both directions, then title, year and id ascending so that ties are stable.
fn compare(reviews: &[Review], title_ranks: &[u32], sort: Sort, a: usize, b: usize) -> Ordering {
    let (ra, rb) = (&reviews[a], &reviews[b]);
    let directed = |o: Ordering| if sort.descending { o.reverse() } else { o };
    let primary = match sort.key {
        SortKey::Rating => missing_last(ra.rating, rb.rating, directed),
        SortKey::Year => directed(ra.year.cmp(&rb.year)),
        SortKey::Title => directed(title_ranks[a].cmp(&title_ranks[b])),
        SortKey::Runtime => missing_last(ra.runtime_minutes, rb.runtime_minutes, directed),
        SortKey::Reviewed | SortKey::Relevance => missing_last(ra.reviewed_on, rb.reviewed_on, directed),
    };
    primary
        .then_with(|| title_ranks[a].cmp(&title_ranks[b]))
        .then_with(|| ra.year.cmp(&rb.year))
        .then_with(|| ra.id().cmp(rb.id()))
}

fn missing_last<T: Ord>(a: Option<T>, b: Option<T>, directed: impl Fn(Ordering) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => directed(a.cmp(&b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
