//! Marquee's own JSON reader and a little writer: what the browser needs to read a dataset,
//! a body chunk, a search manifest or the reader's saved ratings, without serde_json.
//!
//! Strings are borrowed from the document unless they hold escapes, objects keep their
//! keys in order, and numbers keep their text (read exactly by [`Number`]). A syntax
//! error says what is wrong and where, by line and column. `\uD800`-style escapes of half
//! a surrogate pair, which are not text, read as U+FFFD, and [`Parsed::lone_surrogates`]
//! says where they were, so that one bad character never loses a whole dataset.
//!
//! ```
//! use marquee_core::json::{parse, Value};
//! let doc = parse(br#"{"title": "Ikiru", "year": 1952, "rating": 4.5}"#).unwrap().value;
//! let Value::Object(map) = doc else { panic!() };
//! assert_eq!(map.get("title").and_then(Value::as_str), Some("Ikiru"));
//! assert_eq!(map.get("rating").and_then(Value::as_number).and_then(|n| n.times(2)), Some(9));
//! ```

mod number;
mod parse;

pub use number::Number;
use std::borrow::Cow;

/// A JSON value, borrowing from the document it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(Number<'a>),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Map<'a>),
}

/// A JSON object's entries in document order. A key given twice means its last value,
/// as in JavaScript.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Map<'a>(Vec<(Cow<'a, str>, Value<'a>)>);

/// Why bytes are not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    /// In characters, from 1.
    pub column: usize,
    pub message: &'static str,
}

/// A parsed document, and where it had lone surrogate escapes (line, column).
#[derive(Clone, Debug)]
pub struct Parsed<'a> {
    pub value: Value<'a>,
    pub lone_surrogates: Vec<(usize, usize)>,
}

/// Parses a whole document (UTF-8, an optional byte-order mark, one value).
pub fn parse(bytes: &[u8]) -> Result<Parsed<'_>, SyntaxError> {
    parse_streaming(bytes, "", &mut |_, _, _| {})
}

/// The items of an array passed to [`parse_streaming`]'s callback: the index, and the
/// top-level fields read before the array.
pub type OnItem<'f, 'a> = dyn FnMut(&Map<'a>, usize, Value<'a>) + 'f;

/// [`parse`], but if the document is an object whose field `key` is an array, each of that
/// array's items goes to `on_item` as soon as it is read, and the field is left as an empty
/// array. A caller that checks and keeps what it needs from each item never holds the whole
/// tree: the reader of a dataset's reviews does this.
pub fn parse_streaming<'a>(
    bytes: &'a [u8],
    key: &str,
    on_item: &mut OnItem<'_, 'a>,
) -> Result<Parsed<'a>, SyntaxError> {
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| SyntaxError::at_bytes(bytes, e.valid_up_to(), "the file is not UTF-8 text"))?;
    let mut parser = parse::Parser::new(text);
    let value = parser.document_streaming(key, on_item)?;
    let lone_surrogates = parser.lone_surrogates.iter().map(|&at| line_and_column(bytes, at)).collect();
    Ok(Parsed { value, lone_surrogates })
}

impl SyntaxError {
    fn at(text: &str, offset: usize, message: &'static str) -> SyntaxError {
        SyntaxError::at_bytes(text.as_bytes(), offset, message)
    }

    fn at_bytes(bytes: &[u8], offset: usize, message: &'static str) -> SyntaxError {
        let (line, column) = line_and_column(bytes, offset);
        SyntaxError { line, column, message }
    }
}

/// The line and column (both from 1, the column in characters) of a byte offset.
fn line_and_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    // Characters, not bytes: count every byte that does not continue a UTF-8 sequence.
    let column = 1 + before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count();
    (line, column)
}

impl<'a> Value<'a> {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<&Number<'a>> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map<'a>> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// An object's field, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.as_object()?.get(key)
    }

    /// What the value is, in words ("a string", "an array"), for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

impl<'a> Map<'a> {
    pub fn new() -> Map<'a> {
        Map(Vec::new())
    }

    /// A key's value (its last, if the key is given twice).
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value<'a>> {
        self.0.iter_mut().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Takes a key's value out (its last; any earlier ones go too).
    pub fn remove(&mut self, key: &str) -> Option<Value<'a>> {
        let last = self.0.iter().rposition(|(k, _)| k == key)?;
        let (_, value) = self.0.remove(last);
        // A key given twice is rare: only then does the rest of the map move.
        if self.0[..last].iter().any(|(k, _)| k == key) {
            self.0.retain(|(k, _)| k != key);
        }
        Some(value)
    }

    /// The keys in document order (a key given twice, twice).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_ref())
    }
}

impl<'a> IntoIterator for Map<'a> {
    type Item = (Cow<'a, str>, Value<'a>);
    type IntoIter = std::vec::IntoIter<(Cow<'a, str>, Value<'a>)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> FromIterator<(Cow<'a, str>, Value<'a>)> for Map<'a> {
    fn from_iter<I: IntoIterator<Item = (Cow<'a, str>, Value<'a>)>>(iter: I) -> Self {
        Map(iter.into_iter().collect())
    }
}

/// From a value built natively with serde_json (as the importers build front matter).
impl From<serde_json::Value> for Value<'static> {
    fn from(value: serde_json::Value) -> Self {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(Number(Cow::Owned(n.to_string()))),
            serde_json::Value::String(s) => Value::String(Cow::Owned(s)),
            serde_json::Value::Array(items) => Value::Array(items.into_iter().map(Value::from).collect()),
            serde_json::Value::Object(map) => {
                Value::Object(map.into_iter().map(|(k, v)| (Cow::Owned(k), Value::from(v))).collect())
            }
        }
    }
}

/// Appends `text` to `out` as a JSON string, quotes included.
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, c) in text.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if (c as u32) < 0x20 => "",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        match escape {
            "" => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 15]));
            }
            e => out.push_str(e),
        }
        plain = i + c.len_utf8();
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

#[cfg(test)]
mod tests;
