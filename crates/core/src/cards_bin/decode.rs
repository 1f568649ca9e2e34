//! Reading `marquee-cards-bin/1`: every number and string checked, so that a
//! damaged file is an error naming its byte, never a panic.

use super::{HOME_RELEASE, MAGIC, ORIGINAL_TITLE, POSTER, REVIEWED_ON, RUNTIME, SUMMARY};
use crate::date::Date;
use crate::error::DatasetError;
use crate::model::{Body, Catalog, ChunkRef, Name, Rating, Review, Site};
use crate::text::{is_safe_image_url, is_slug};
use crate::validate::Loaded;
use crate::varint::damaged;

/// Reads a binary card index. A file that is not one, or is damaged, is an
/// error naming the byte where reading stopped; nothing in it can panic.
pub fn decode(bytes: &[u8]) -> Result<Loaded, DatasetError> {
    let mut decoder = Decoder::new(bytes)?;
    loop {
        if let Some(loaded) = decoder.step(usize::MAX)? {
            return Ok(loaded);
        }
    }
}

/// [`decode`] in steps, so that a caller can give the main thread back between
/// them: [`Decoder::new`] reads the header, the strings, the site and the chunk
/// names, and each [`Decoder::step`] reads some reviews.
///
/// ```
/// # fn read(bytes: &[u8]) -> Result<marquee_core::Loaded, marquee_core::DatasetError> {
/// let mut decoder = marquee_core::cards_bin::Decoder::new(bytes)?;
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
    pub fn new(bytes: &'a [u8]) -> Result<Decoder<'a>, DatasetError> {
        if !bytes.starts_with(MAGIC) {
            return Err(damaged(0, "not a marquee-cards-bin/1 card index"));
        }
        let mut r = Reader { bytes, at: MAGIC.len() };
        let count = r.count(bytes.len())?;
        let mut lengths = Vec::with_capacity(count);
        for _ in 0..count {
            lengths.push(r.num()? as usize);
        }
        let start = r.at;
        let total: usize = lengths.iter().sum();
        let blob = bytes
            .get(start..start.saturating_add(total))
            .ok_or_else(|| damaged(start, "the strings run past the end"))?;
        let blob = std::str::from_utf8(blob).map_err(|e| damaged(start + e.valid_up_to(), "a string is not UTF-8"))?;
        let mut strings = Vec::with_capacity(count);
        let mut from = 0;
        for len in lengths {
            let to = from + len;
            if !blob.is_char_boundary(to) {
                return Err(damaged(start + to, "a string ends inside a character"));
            }
            strings.push(&blob[from..to]);
            from = to;
        }
        r.at = start + total;
        let mut names = Vec::new();
        names.resize_with(strings.len(), || None);
        let mut r = Strings { r, strings, names };

        let site_flags = r.r.num()?;
        let mut site = Site::default();
        for (bit, field) in [(1, &mut site.title), (2, &mut site.tagline), (4, &mut site.author)] {
            if site_flags & bit != 0 {
                *field = Some(r.string()?);
            }
        }
        let chunk_count = r.r.count(bytes.len())?;
        let mut chunks = Vec::with_capacity(chunk_count);
        for _ in 0..chunk_count {
            let at = r.r.at;
            let name = r.string()?;
            if !crate::validate::is_chunk_name(&name) {
                return Err(damaged(at, "a chunk name is not a plain file name"));
            }
            chunks.push(name);
        }
        let left = r.r.count(bytes.len())?;
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
        if self.r.r.at != self.r.r.bytes.len() {
            return Err(damaged(self.r.r.at, "bytes after the last review"));
        }
        let catalog = Catalog { site: std::mem::take(&mut self.site), reviews: std::mem::take(&mut self.reviews) };
        let chunks = std::mem::take(&mut self.chunks);
        Ok(Some(Loaded { catalog, diagnostics: Vec::new(), chunks, more: None, total: None, search: None }))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn num(&mut self) -> Result<u32, DatasetError> {
        crate::varint::read(self.bytes, &mut self.at)
    }

    /// A count of items that each take at least a byte, so no count can ask
    /// for more memory than the file could describe.
    fn count(&mut self, limit: usize) -> Result<usize, DatasetError> {
        let at = self.at;
        let n = self.num()? as usize;
        if n > limit {
            return Err(damaged(at, "a count is larger than the file"));
        }
        Ok(n)
    }
}

struct Strings<'a> {
    r: Reader<'a>,
    strings: Vec<&'a str>,
    /// The shared copy of each string that a list has used, by its number in the table.
    names: Vec<Option<Name>>,
}

impl Strings<'_> {
    fn str(&mut self) -> Result<&str, DatasetError> {
        let at = self.r.at;
        let id = self.r.num()? as usize;
        self.strings.get(id).copied().ok_or_else(|| damaged(at, "a string number is out of range"))
    }

    fn string(&mut self) -> Result<String, DatasetError> {
        self.str().map(str::to_string)
    }

    /// A list of names: each string of the table becomes one shared [`Name`], made on its first use.
    fn list(&mut self) -> Result<Vec<Name>, DatasetError> {
        let n = self.r.count(self.r.bytes.len())?;
        let mut list = Vec::with_capacity(n);
        for _ in 0..n {
            list.push(self.name()?);
        }
        Ok(list)
    }

    fn name(&mut self) -> Result<Name, DatasetError> {
        let at = self.r.at;
        let id = self.r.num()? as usize;
        let (Some(text), Some(slot)) = (self.strings.get(id), self.names.get_mut(id)) else {
            return Err(damaged(at, "a string number is out of range"));
        };
        Ok(slot.get_or_insert_with(|| Name::from(*text)).clone())
    }

    fn small(&mut self, what: &str, range: std::ops::RangeInclusive<u32>) -> Result<u16, DatasetError> {
        let at = self.r.at;
        let n = self.r.num()?;
        if !range.contains(&n) {
            return Err(damaged(at, &format!("{what} {n} is out of range")));
        }
        Ok(n as u16)
    }

    fn date(&mut self) -> Result<Date, DatasetError> {
        let at = self.r.at;
        let n = self.r.num()?;
        let (year, month, day) = (n / 512, (n / 32) % 16, n % 32);
        u16::try_from(year)
            .ok()
            .and_then(|year| Date::new(year, month as u8, day as u8))
            .ok_or_else(|| damaged(at, "a date does not exist"))
    }

    fn review(&mut self, chunks: usize) -> Result<Review, DatasetError> {
        use crate::validate::limits::{RUNTIME_MAX, YEAR_MAX, YEAR_MIN};
        let flags = self.r.num()?;
        let at = self.r.at;
        let id = self.string()?;
        if !is_slug(&id) {
            return Err(damaged(at, "an id is not a slug"));
        }
        let title = self.string()?;
        let original_title = if flags & ORIGINAL_TITLE != 0 { Some(self.string()?) } else { None };
        let year = self.small("a year", u32::from(YEAR_MIN)..=u32::from(YEAR_MAX))?;
        let directors = self.list()?;
        let cast = self.list()?;
        let genres = self.list()?;
        let runtime_minutes =
            if flags & RUNTIME != 0 { Some(self.small("a runtime", 1..=u32::from(RUNTIME_MAX))?) } else { None };
        let countries = self.list()?;
        // 0: the critic gave none.
        let rating = Rating::from_halves(self.small("a rating", 0..=10)? as u8);
        let text = self.string()?;
        let (summary, excerpt) = if flags & SUMMARY != 0 { (Some(text), String::new()) } else { (None, text) };
        let reviewed_on = if flags & REVIEWED_ON != 0 { Some(self.date()?) } else { None };
        let home_release = if flags & HOME_RELEASE != 0 { Some(self.date()?) } else { None };
        let poster = if flags & POSTER != 0 {
            let at = self.r.at;
            let url = self.string()?;
            if !is_safe_image_url(&url) {
                return Err(damaged(at, "a poster is not a safe image URL"));
            }
            Some(url)
        } else {
            None
        };
        let tags = self.list()?;
        let chunk_at = self.r.at;
        let chunk = self.r.num()?;
        if chunk as usize >= chunks {
            return Err(damaged(chunk_at, "a chunk number is out of range"));
        }
        Ok(Review {
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
            body: Body::InChunk(ChunkRef { chunk, excerpt }),
            reviewed_on,
            home_release,
            poster,
            tags,
        })
    }
}
