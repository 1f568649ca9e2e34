//! Reading `marquee-cards-bin/2`: every number and string checked, so that a
//! damaged file is an error naming its byte, never a panic.
//!
//! The file is read through a [`Source`] a window at a time, and each string
//! of its table becomes the review's own as the review that first gives it is
//! read: the whole file is never held beside the reviews it becomes. In the
//! browser the fetched buffer stays outside wasm memory, and at 100,000 reviews
//! the read's peak is the reviews, not the reviews and a 22 MB index.

use super::window::{Reader, Source};
use super::{HOME_RELEASE, MAGIC, ORIGINAL_TITLE, POSTER, REVIEWED_ON, RUNTIME, SUMMARY};
use crate::date::Date;
use crate::error::DatasetError;
use crate::model::{Body, Catalog, ChunkRef, Name, Rating, Review, ReviewParts, Site};
use crate::text::{is_safe_image_url, is_slug};
use crate::validate::Loaded;
use crate::varint::damaged;
use std::borrow::Cow;

/// Reads a binary card index. A file that is not one, or is damaged, is an
/// error naming the byte where reading stopped; nothing in it can panic.
pub fn decode(bytes: &[u8]) -> Result<Loaded, DatasetError> {
    decode_from(&bytes)
}

/// [`decode`] from any [`Source`].
pub fn decode_from(src: &dyn Source) -> Result<Loaded, DatasetError> {
    let mut decoder = Decoder::new(src)?;
    loop {
        if let Some(loaded) = decoder.step(usize::MAX)? {
            return Ok(loaded);
        }
    }
}

/// [`decode`] in steps, so that a caller can give the main thread back between
/// them: [`Decoder::new`] reads the header, the site and the chunk names, and
/// each [`Decoder::step`] reads some reviews (and the strings they are the
/// first to give).
///
/// ```
/// # fn read(bytes: &[u8]) -> Result<marquee_core::Loaded, marquee_core::DatasetError> {
/// let mut decoder = marquee_core::cards_bin::Decoder::new(&bytes)?;
/// let loaded = loop {
///     if let Some(loaded) = decoder.step(2_000)? {
///         break loaded;
///     }
///     // (yield to the browser here)
/// };
/// # Ok(loaded) }
/// ```
pub struct Decoder<'a> {
    r: Strings<'a>,
    site: Site,
    chunks: Vec<String>,
    reviews: Vec<Review>,
    left: usize,
}

impl<'a> Decoder<'a> {
    /// Reads everything before the reviews.
    pub fn new(src: &'a dyn Source) -> Result<Decoder<'a>, DatasetError> {
        let size = src.size();
        let mut magic = Vec::new();
        src.append(0, size.min(MAGIC.len()), &mut magic);
        if magic != MAGIC {
            return Err(damaged(0, "not a marquee-cards-bin/2 card index"));
        }
        let mut lengths = Reader::new(src, MAGIC.len(), size);
        let count = lengths.count(size)?;
        // Each length is at most five bytes.
        lengths.end = lengths.end.min(lengths.pos().saturating_add(count.saturating_mul(5)));
        let first_length = lengths.pos();
        // The strings' bytes follow their lengths: one pass finds where they end.
        let mut total = 0usize;
        for _ in 0..count {
            total = total.saturating_add((lengths.num()? >> 1) as usize);
        }
        let start = lengths.pos();
        let end = start
            .checked_add(total)
            .filter(|&end| end <= size)
            .ok_or_else(|| damaged(start, "the strings run past the end"))?;
        let table = Table {
            lengths: Reader::new(src, first_length, start),
            text: Reader::new(src, start, end),
            count,
            read: Vec::with_capacity(count),
        };
        let mut r = Strings { r: Reader::new(src, end, size), table };

        let site_flags = r.r.num()?;
        let mut site = Site::default();
        for (bit, field) in [(1, &mut site.title), (2, &mut site.tagline), (4, &mut site.author)] {
            if site_flags & bit != 0 {
                *field = Some(r.string()?);
            }
        }
        let chunk_count = r.r.count(size)?;
        let mut chunks = Vec::with_capacity(chunk_count);
        for _ in 0..chunk_count {
            let at = r.r.pos();
            let name = r.string()?;
            if !crate::validate::is_chunk_name(&name) {
                return Err(damaged(at, "a chunk name is not a plain file name"));
            }
            chunks.push(name);
        }
        let left = r.r.count(size)?;
        Ok(Decoder { r, site, chunks, reviews: Vec::with_capacity(left), left })
    }

    /// Reads up to `reviews` more reviews. Once the last is read (and nothing
    /// follows it), returns the whole index; until then `None`.
    pub fn step(&mut self, reviews: usize) -> Result<Option<Loaded>, DatasetError> {
        for _ in 0..reviews.min(self.left) {
            self.reviews.push(self.r.review(self.chunks.len())?);
            self.left -= 1;
        }
        if self.left > 0 {
            return Ok(None);
        }
        if !self.r.r.at_end() {
            return Err(damaged(self.r.r.pos(), "bytes after the last review"));
        }
        let catalog = Catalog { site: std::mem::take(&mut self.site), reviews: std::mem::take(&mut self.reviews) };
        let chunks = std::mem::take(&mut self.chunks);
        Ok(Some(Loaded { catalog, diagnostics: Vec::new(), chunks, more: None, total: None, search: None }))
    }
}

/// The string table, read as the reviews first give its strings: they are
/// numbered in that order, so the next new string is always the next one in the
/// file. Each length says whether more than one place gives the string.
struct Table<'a> {
    /// At the next string's length (its byte length times two, plus one if shared).
    lengths: Reader<'a>,
    /// At the next string's bytes.
    text: Reader<'a>,
    count: usize,
    /// Per string read so far: the copy that the places giving a shared string
    /// share; `None` for a string that one place gives, which has it.
    read: Vec<Option<Name>>,
}

/// A string of the table, as a place that gives it receives it.
enum Text<'s> {
    /// Its only place: the text, for the caller to own.
    Own(&'s str),
    /// One of several places: the shared copy.
    Shared(Name),
}

struct Strings<'a> {
    r: Reader<'a>,
    table: Table<'a>,
}

impl Strings<'_> {
    fn text(&mut self) -> Result<Text<'_>, DatasetError> {
        let at = self.r.pos();
        let id = self.r.num()? as usize;
        let table = &mut self.table;
        if let Some(seen) = table.read.get(id) {
            return seen.clone().map(Text::Shared).ok_or_else(|| damaged(at, "a string given once is given again"));
        }
        if id != table.read.len() || id >= table.count {
            return Err(damaged(at, "a string number is out of range"));
        }
        let length = table.lengths.num()?;
        let from = table.text.pos();
        let bytes = table.text.bytes((length >> 1) as usize)?;
        let text = std::str::from_utf8(bytes).map_err(|e| damaged(from + e.valid_up_to(), "a string is not UTF-8"))?;
        if length & 1 == 0 {
            table.read.push(None);
            return Ok(Text::Own(text));
        }
        let name = Name::from(text);
        table.read.push(Some(name.clone()));
        Ok(Text::Shared(name))
    }

    /// A string of the table, copied out of the window that holds it.
    fn string(&mut self) -> Result<String, DatasetError> {
        Ok(match self.text()? {
            Text::Own(text) => text.into(),
            Text::Shared(name) => (*name).into(),
        })
    }

    /// A list of names, of at most `max` (the dataset's limit for this list): a string
    /// that several reviews give is one shared [`Name`].
    fn list(&mut self, max: usize) -> Result<Vec<Name>, DatasetError> {
        let at = self.r.pos();
        let n = self.r.count(self.r.end)?;
        if n > max {
            return Err(damaged(at, &format!("a list of {n} names is longer than a dataset allows ({max})")));
        }
        let mut list = Vec::with_capacity(n);
        for _ in 0..n {
            list.push(match self.text()? {
                Text::Own(text) => Name::from(text),
                Text::Shared(name) => name,
            });
        }
        Ok(list)
    }

    fn small(&mut self, what: &str, range: std::ops::RangeInclusive<u32>) -> Result<u16, DatasetError> {
        let at = self.r.pos();
        let n = self.r.num()?;
        if !range.contains(&n) {
            return Err(damaged(at, &format!("{what} {n} is out of range")));
        }
        Ok(n as u16)
    }

    fn date(&mut self) -> Result<Date, DatasetError> {
        let at = self.r.pos();
        let n = self.r.num()?;
        let (year, month, day) = (n / 512, (n / 32) % 16, n % 32);
        u16::try_from(year)
            .ok()
            .and_then(|year| Date::new(year, month as u8, day as u8))
            .ok_or_else(|| damaged(at, "a date does not exist"))
    }

    fn review(&mut self, chunks: usize) -> Result<Review, DatasetError> {
        use crate::validate::limits::{CAST, COUNTRIES, DIRECTORS, GENRES, RUNTIME_MAX, TAGS, YEAR_MAX, YEAR_MIN};
        let flags = self.r.num()?;
        let at = self.r.pos();
        let id = Cow::Owned(self.string()?);
        if !is_slug(&id) {
            return Err(damaged(at, "an id is not a slug"));
        }
        let title = Cow::Owned(self.string()?);
        let original_title = if flags & ORIGINAL_TITLE != 0 { Some(Cow::Owned(self.string()?)) } else { None };
        let year = self.small("a year", u32::from(YEAR_MIN)..=u32::from(YEAR_MAX))?;
        let directors = self.list(DIRECTORS)?;
        let cast = self.list(CAST)?;
        let genres = self.list(GENRES)?;
        let runtime_minutes =
            if flags & RUNTIME != 0 { Some(self.small("a runtime", 1..=u32::from(RUNTIME_MAX))?) } else { None };
        let countries = self.list(COUNTRIES)?;
        // 0: the critic gave none.
        let rating = Rating::from_halves(self.small("a rating", 0..=10)? as u8);
        let text = Cow::Owned(self.string()?);
        let (summary, excerpt) = if flags & SUMMARY != 0 { (Some(text), Cow::Borrowed("")) } else { (None, text) };
        let reviewed_on = if flags & REVIEWED_ON != 0 { Some(self.date()?) } else { None };
        let home_release = if flags & HOME_RELEASE != 0 { Some(self.date()?) } else { None };
        let poster = if flags & POSTER != 0 {
            let at = self.r.pos();
            let url = Cow::Owned(self.string()?);
            if !is_safe_image_url(&url) {
                return Err(damaged(at, "a poster is not a safe image URL"));
            }
            Some(url)
        } else {
            None
        };
        let tags = self.list(TAGS)?;
        let chunk_at = self.r.pos();
        let chunk = self.r.num()?;
        if chunk as usize >= chunks {
            return Err(damaged(chunk_at, "a chunk number is out of range"));
        }
        Ok(ReviewParts {
            id,
            title,
            original_title,
            year,
            directors,
            cast,
            genres,
            runtime_minutes,
            countries,
            rating,
            summary,
            body: Body::InChunk(ChunkRef { chunk }),
            excerpt,
            reviewed_on,
            home_release,
            poster,
            tags,
        }
        .into())
    }
}
