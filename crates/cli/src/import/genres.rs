//! Which tag and category names are film genres. A blog files a review under "Drama" or
//! "Horror" beside "Cannes 2013" or "Favourites"; the first kind become the review's genres
//! (when it gives none itself), the rest its tags. The list, documented in docs/dataset.md:
//!
//! Action, Adventure, Animation, Biography, Comedy, Crime, Documentary, Drama, Family,
//! Fantasy, Film Noir, History, Horror, Music, Musical, Mystery, Romance, Science Fiction,
//! Short, Sport, Thriller, War, Western; with the spellings "Animated", "Biopic", "Noir",
//! "Sci-Fi", "SF", "Historical", "Sports" and "Romantic Comedy" (Comedy and Romance).

/// Each genre, by the folded spellings that name it.
const GENRES: &[(&str, &[&str])] = &[
    ("Action", &["action"]),
    ("Adventure", &["adventure"]),
    ("Animation", &["animation", "animated"]),
    ("Biography", &["biography", "biopic", "biographical"]),
    ("Comedy", &["comedy", "comedies"]),
    ("Crime", &["crime"]),
    ("Documentary", &["documentary", "documentaries"]),
    ("Drama", &["drama", "dramas"]),
    ("Family", &["family"]),
    ("Fantasy", &["fantasy"]),
    ("Film Noir", &["film noir", "film-noir", "noir"]),
    ("History", &["history", "historical"]),
    ("Horror", &["horror"]),
    ("Music", &["music"]),
    ("Musical", &["musical", "musicals"]),
    ("Mystery", &["mystery"]),
    ("Romance", &["romance"]),
    ("Science Fiction", &["science fiction", "science-fiction", "sci-fi", "scifi", "sf"]),
    ("Short", &["short", "short film", "shorts"]),
    ("Sport", &["sport", "sports"]),
    ("Thriller", &["thriller", "thrillers"]),
    ("War", &["war"]),
    ("Western", &["western", "westerns"]),
];

/// The genre a tag or category names, if it names one.
pub fn genre_of(name: &str) -> Option<&'static str> {
    let folded = marquee_core::text::fold(name.trim());
    GENRES.iter().find(|(_, names)| names.contains(&folded.as_str())).map(|(genre, _)| *genre)
}

/// Splits tag and category names into genres and the remaining tags, each once, in order.
pub fn split_genres(names: &[String]) -> (Vec<String>, Vec<String>) {
    let (mut genres, mut tags): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let folded = marquee_core::text::fold(name);
        if folded == "romantic comedy" || folded == "romcom" {
            for g in ["Comedy", "Romance"] {
                if !genres.iter().any(|x| x == g) {
                    genres.push(g.to_string());
                }
            }
            continue;
        }
        match genre_of(name) {
            Some(genre) if !genres.iter().any(|g| g == genre) => genres.push(genre.to_string()),
            Some(_) => {}
            None if !tags.iter().any(|t: &String| marquee_core::text::fold(t) == folded) => tags.push(name.to_string()),
            None => {}
        }
    }
    (genres, tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genres_are_found_by_any_spelling_and_the_rest_are_tags() {
        let names: Vec<String> =
            ["Drama", "Cannes 2013", "sci-fi", "Romantic Comedy", "drama", "Uncategorized", "Westerns"]
                .map(String::from)
                .into();
        let (genres, tags) = split_genres(&names);
        assert_eq!(genres, ["Drama", "Science Fiction", "Comedy", "Romance", "Western"]);
        assert_eq!(tags, ["Cannes 2013", "Uncategorized"]);
        assert_eq!(genre_of("Film-Noir"), Some("Film Noir"));
        assert_eq!(genre_of("Festival"), None);
    }
}
