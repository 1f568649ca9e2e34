//! What a reader asks for: filters, free text and a sort. Plain data, encoded in
//! the URL by [`crate::url`] and answered by [`crate::engine::Engine`].

use crate::model::Rating;
use crate::text::fold;

/// How several selected genres combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GenreMode {
    /// A review matches if it has any selected genre.
    #[default]
    Any,
    /// A review matches only if it has every selected genre.
    All,
}

/// How the results are shown: cards with their text, or a wall of posters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    List,
    Posters,
}

/// The reader's own relation to a film, as a filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mine {
    /// Films the reader has rated.
    Rated,
    /// Films the reader has not rated.
    Unrated,
    /// Films on the reader's watchlist.
    Watchlist,
}

impl Mine {
    pub const ALL: [Mine; 3] = [Mine::Rated, Mine::Unrated, Mine::Watchlist];

    pub fn key(self) -> &'static str {
        match self {
            Mine::Rated => "rated",
            Mine::Unrated => "unrated",
            Mine::Watchlist => "watchlist",
        }
    }

    pub fn from_key(key: &str) -> Option<Mine> {
        Mine::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// What results can be ordered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Best search match first; only meaningful with a text query.
    Relevance,
    Rating,
    Year,
    Title,
    Runtime,
    Reviewed,
}

impl SortKey {
    pub const ALL: [SortKey; 6] =
        [SortKey::Relevance, SortKey::Rating, SortKey::Year, SortKey::Title, SortKey::Runtime, SortKey::Reviewed];

    pub fn key(self) -> &'static str {
        match self {
            SortKey::Relevance => "relevance",
            SortKey::Rating => "rating",
            SortKey::Year => "year",
            SortKey::Title => "title",
            SortKey::Runtime => "runtime",
            SortKey::Reviewed => "reviewed",
        }
    }

    pub fn from_key(key: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A sort key and direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    pub const fn new(key: SortKey, descending: bool) -> Sort {
        Sort { key, descending }
    }

    /// The order used when the reader has chosen none: best match first while
    /// searching, otherwise the most recently reviewed first.
    pub fn default_for(text: &str) -> Sort {
        if crate::text::words(&fold(text)).next().is_some() {
            Sort::new(SortKey::Relevance, true)
        } else {
            Sort::new(SortKey::Reviewed, true)
        }
    }

    /// The sorts a reader can choose, with their labels, in menu order.
    pub fn choices() -> [(Sort, &'static str); 11] {
        [
            (Sort::new(SortKey::Relevance, true), "Best match"),
            (Sort::new(SortKey::Reviewed, true), "Newest reviews"),
            (Sort::new(SortKey::Reviewed, false), "Oldest reviews"),
            (Sort::new(SortKey::Rating, true), "Highest rated"),
            (Sort::new(SortKey::Rating, false), "Lowest rated"),
            (Sort::new(SortKey::Year, true), "Newest films"),
            (Sort::new(SortKey::Year, false), "Oldest films"),
            (Sort::new(SortKey::Title, false), "Title A–Z"),
            (Sort::new(SortKey::Title, true), "Title Z–A"),
            (Sort::new(SortKey::Runtime, false), "Shortest"),
            (Sort::new(SortKey::Runtime, true), "Longest"),
        ]
    }

    /// `"-rating"` for descending, `"title"` for ascending.
    pub fn token(self) -> String {
        format!("{}{}", if self.descending { "-" } else { "" }, self.key.key())
    }

    pub fn from_token(token: &str) -> Option<Sort> {
        let (descending, key) = match token.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, token),
        };
        SortKey::from_key(key).map(|key| Sort { key, descending })
    }
}

/// Everything a reader can ask of the catalog. Facet values (genres, countries)
/// and the person are kept folded (lower case, no accents), which is how they
/// match and how they appear in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Query {
    /// Selected genres, folded, sorted and distinct.
    pub genres: Vec<String>,
    pub genre_mode: GenreMode,
    /// Only films the critic rated at least this.
    pub min_rating: Option<Rating>,
    /// Release year range, inclusive.
    pub year_from: Option<u16>,
    pub year_to: Option<u16>,
    /// Selected countries (any of them), folded, sorted and distinct.
    pub countries: Vec<String>,
    /// Runtime range in minutes, inclusive. A film with no runtime fails an active range.
    pub runtime_min: Option<u16>,
    pub runtime_max: Option<u16>,
    /// A director or cast member: every word must prefix-match a word of one person's name.
    pub person: Option<String>,
    pub mine: Option<Mine>,
    /// Free-text search, as typed.
    pub text: String,
    /// `None`: [`Sort::default_for`] the text.
    pub sort: Option<Sort>,
    /// The seed of a "surprise me" pick, so that a shared link shows the same film.
    pub pick: Option<u64>,
    /// How the results are shown (`view=posters`); not a filter.
    pub view: View,
}

impl Query {
    /// Puts the query in its canonical form: facet values folded, trimmed, sorted
    /// and distinct, empty values dropped, reversed ranges swapped.
    pub fn normalized(mut self) -> Query {
        for list in [&mut self.genres, &mut self.countries] {
            let mut folded: Vec<String> =
                list.iter().map(|v| fold(v.trim())).filter(|v| !v.is_empty() && v.chars().count() <= 80).collect();
            let order = crate::sort::sorted_indices(folded.len(), &|a, b| folded[a as usize].cmp(&folded[b as usize]));
            let mut sorted: Vec<String> = order.iter().map(|&i| std::mem::take(&mut folded[i as usize])).collect();
            sorted.dedup();
            *list = sorted;
        }
        if let (Some(a), Some(b)) = (self.year_from, self.year_to) {
            if a > b {
                (self.year_from, self.year_to) = (Some(b), Some(a));
            }
        }
        if let (Some(a), Some(b)) = (self.runtime_min, self.runtime_max) {
            if a > b {
                (self.runtime_min, self.runtime_max) = (Some(b), Some(a));
            }
        }
        self.person = self.person.map(|p| fold(p.trim())).filter(|p| !p.is_empty());
        if self.sort == Some(Sort::default_for(&self.text)) {
            self.sort = None;
        }
        self
    }

    /// The sort in effect.
    pub fn effective_sort(&self) -> Sort {
        self.sort.unwrap_or_else(|| Sort::default_for(&self.text))
    }

    /// Whether any filter or search is active (sorting does not count).
    pub fn is_filtered(&self) -> bool {
        !self.genres.is_empty()
            || self.min_rating.is_some()
            || self.year_from.is_some()
            || self.year_to.is_some()
            || !self.countries.is_empty()
            || self.runtime_min.is_some()
            || self.runtime_max.is_some()
            || self.person.is_some()
            || self.mine.is_some()
            || !self.text.trim().is_empty()
    }
}
