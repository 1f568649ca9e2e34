//! The parser: one pass over the bytes, strings borrowed unless they hold escapes.

use super::{Map, Number, OnItem, SyntaxError, Value};
use std::borrow::Cow;

/// How deep arrays and objects may nest before the document is refused (as serde_json does).
const MAX_DEPTH: usize = 128;

pub(super) struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    /// Byte offsets of `\uD800`-style escapes of half a surrogate pair, read as U+FFFD.
    pub(super) lone_surrogates: Vec<usize>,
    /// The items of the arrays and objects being read, innermost last: each is moved
    /// into a vector of exactly its size when it closes, so none grows by doubling.
    items: Vec<Value<'a>>,
    entries: Vec<(Cow<'a, str>, Value<'a>)>,
}

const CONTROL: &str =
    "a control character (such as a raw line break) inside a string; write it as an escape such as \\n";

type Step<T> = Result<T, (usize, &'static str)>;

impl<'a> Parser<'a> {
    pub(super) fn new(text: &'a str) -> Parser<'a> {
        Parser {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
            lone_surrogates: Vec::new(),
            items: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// The whole document: one value, with only whitespace around it. If it is an object,
    /// the items of its array field `key` (unless `key` is empty) go to `on_item` as they are read.
    pub(super) fn document_streaming(
        &mut self,
        key: &str,
        on_item: &mut OnItem<'_, 'a>,
    ) -> Result<Value<'a>, SyntaxError> {
        let value = match self.peek() {
            Some(b'{') if !key.is_empty() => self.top_object(key, on_item),
            _ => self.value(),
        };
        let value = value.and_then(|v| match self.peek() {
            Some(_) => Err((self.at, "unexpected text after the end of the document")),
            None => Ok(v),
        });
        value.map_err(|(offset, message)| SyntaxError::at(self.text, offset, message))
    }

    /// At the top-level `{`: as [`Self::object`], but streaming the array field `key`.
    fn top_object(&mut self, key: &str, on_item: &mut OnItem<'_, 'a>) -> Step<Value<'a>> {
        self.depth += 1;
        self.at += 1;
        let mut top = Map::new();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(top));
        }
        loop {
            let name = self.key()?;
            let value = match self.peek() {
                Some(b'[') if name == key => self.stream_array(&top, on_item)?,
                _ => self.value()?,
            };
            top.0.push((name, value));
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(top));
                }
                None => return Err((self.at, "the document ends inside an object")),
                Some(_) => return Err((self.at, "expected `,` or `}`")),
            }
        }
    }

    /// At `[`: each item to `on_item`, leaving an empty array.
    fn stream_array(&mut self, top: &Map<'a>, on_item: &mut OnItem<'_, 'a>) -> Step<Value<'a>> {
        self.depth += 1;
        self.at += 1;
        if self.peek() == Some(b']') {
            self.at += 1;
            self.depth -= 1;
            return Ok(Value::Array(Vec::new()));
        }
        for index in 0.. {
            let item = self.value()?;
            on_item(top, index, item);
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => break,
                None => return Err((self.at, "the document ends inside a list")),
                Some(_) => return Err((self.at, "expected `,` or `]`")),
            }
            if self.peek() == Some(b']') {
                return Err((self.at, "a comma before `]` (trailing comma)"));
            }
        }
        self.at += 1;
        self.depth -= 1;
        Ok(Value::Array(Vec::new()))
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes.get(self.at).copied()
    }

    fn value(&mut self) -> Step<Value<'a>> {
        match self.peek() {
            None => Err((self.at, "the document ends where a value should be")),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(_) => Err((self.at, "expected a value")),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Step<Value<'a>>) -> Step<Value<'a>> {
        if self.depth == MAX_DEPTH {
            return Err((self.at, "recursion limit exceeded"));
        }
        self.depth += 1;
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &'static str, value: Value<'a>) -> Step<Value<'a>> {
        match self.bytes[self.at..].starts_with(word.as_bytes()) {
            true => {
                self.at += word.len();
                Ok(value)
            }
            false => Err((self.at, "expected a value")),
        }
    }

    /// After `[`.
    fn array(&mut self) -> Step<Value<'a>> {
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(Vec::new()));
        }
        let mark = self.items.len();
        loop {
            let item = self.value()?;
            self.items.push(item);
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(self.items.drain(mark..).collect()));
                }
                None => return Err((self.at, "the document ends inside a list")),
                Some(_) => return Err((self.at, "expected `,` or `]`")),
            }
            if self.peek() == Some(b']') {
                return Err((self.at, "a comma before `]` (trailing comma)"));
            }
        }
    }

    /// After `{`.
    fn object(&mut self) -> Step<Value<'a>> {
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Map(Vec::new())));
        }
        let mark = self.entries.len();
        loop {
            let key = self.key()?;
            let value = self.value()?;
            self.entries.push((key, value));
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(Map(self.entries.drain(mark..).collect())));
                }
                None => return Err((self.at, "the document ends inside an object")),
                Some(_) => return Err((self.at, "expected `,` or `}`")),
            }
        }
    }

    /// An object's key and its `:`.
    fn key(&mut self) -> Step<Cow<'a, str>> {
        match self.peek() {
            Some(b'"') => {}
            Some(b'}') => return Err((self.at, "a comma before `}` (trailing comma)")),
            None => return Err((self.at, "the document ends inside an object")),
            Some(_) => return Err((self.at, "expected a key in double quotes")),
        }
        let key = self.string()?;
        match self.peek() {
            Some(b':') => self.at += 1,
            None => return Err((self.at, "the document ends inside an object")),
            Some(_) => return Err((self.at, "expected `:`")),
        }
        Ok(key)
    }

    /// At `"`: the string, borrowed from the document when it has no escapes.
    fn string(&mut self) -> Step<Cow<'a, str>> {
        self.at += 1;
        let start = self.at;
        loop {
            // Up to eight bytes at a time, to the next one that is not plain.
            while let Some(w) = crate::swar::word(self.bytes, self.at) {
                let plain = crate::swar::plain_bytes(crate::swar::json_stops(w));
                self.at += plain;
                if plain < 8 {
                    break;
                }
            }
            match self.bytes.get(self.at) {
                None => return Err((self.bytes.len(), "the document ends inside a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Borrowed(&self.text[start..self.at - 1]));
                }
                Some(b'\\') => return self.escaped(start),
                Some(&b) if b < 0x20 => return Err((self.at, CONTROL)),
                Some(_) => self.at += 1,
            }
        }
    }

    /// The rest of a string that has escapes, from `start`; `self.at` is at the first `\`.
    fn escaped(&mut self, start: usize) -> Step<Cow<'a, str>> {
        let mut out = String::with_capacity(self.at - start + 16);
        let mut plain = start;
        loop {
            match self.bytes.get(self.at) {
                None => return Err((self.bytes.len(), "the document ends inside a string")),
                Some(b'"') => {
                    out.push_str(&self.text[plain..self.at]);
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(&self.text[plain..self.at]);
                    let escape_at = self.at;
                    let c =
                        match self.bytes.get(self.at + 1) {
                            Some(b'"') => '"',
                            Some(b'\\') => '\\',
                            Some(b'/') => '/',
                            Some(b'b') => '\u{8}',
                            Some(b'f') => '\u{c}',
                            Some(b'n') => '\n',
                            Some(b'r') => '\r',
                            Some(b't') => '\t',
                            Some(b'u') => {
                                self.at += 2;
                                let c = self.unicode(escape_at)?;
                                out.push(c);
                                plain = self.at;
                                continue;
                            }
                            _ => return Err((
                                escape_at,
                                "an unknown escape in a string (a `\\` must be followed by one of \" \\ / b f n r t u)",
                            )),
                        };
                    out.push(c);
                    self.at += 2;
                    plain = self.at;
                }
                Some(&b) if b < 0x20 => return Err((self.at, CONTROL)),
                Some(_) => self.at += 1,
            }
        }
    }

    /// After `\u`: four hex digits, and a second escape for a surrogate pair. Half of a
    /// pair on its own is not text: it reads as U+FFFD and is noted for a warning.
    fn unicode(&mut self, escape_at: usize) -> Step<char> {
        let unit = self.hex4().ok_or((escape_at, "`\\u` must be followed by four hex digits"))?;
        match unit {
            0xD800..=0xDBFF => {
                let low = match self.bytes[self.at..].starts_with(b"\\u") {
                    true => {
                        let save = self.at;
                        self.at += 2;
                        match self.hex4() {
                            Some(low @ 0xDC00..=0xDFFF) => Some(low),
                            _ => {
                                self.at = save;
                                None
                            }
                        }
                    }
                    false => None,
                };
                match low {
                    Some(low) => {
                        let code = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                        Ok(char::from_u32(code).unwrap_or('\u{FFFD}'))
                    }
                    None => {
                        self.lone_surrogates.push(escape_at);
                        Ok('\u{FFFD}')
                    }
                }
            }
            0xDC00..=0xDFFF => {
                self.lone_surrogates.push(escape_at);
                Ok('\u{FFFD}')
            }
            _ => Ok(char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}')),
        }
    }

    fn hex4(&mut self) -> Option<u16> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        let mut unit = 0u16;
        for &d in digits {
            let v = (d as char).to_digit(16)?;
            unit = unit << 4 | v as u16;
        }
        self.at += 4;
        Some(unit)
    }

    /// A number, checked against JSON's grammar and kept as its text.
    fn number(&mut self) -> Step<Number<'a>> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while p.bytes.get(p.at).is_some_and(u8::is_ascii_digit) {
                p.at += 1;
            }
            p.at - from
        };
        if self.bytes[self.at] == b'-' {
            self.at += 1;
        }
        let int_start = self.at;
        match digits(self) {
            0 => return Err((self.at, "a number needs digits")),
            n if n > 1 && self.bytes[int_start] == b'0' => return Err((int_start, "a number may not start with 0")),
            _ => {}
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return Err((self.at, "a number needs digits after its decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err((self.at, "a number needs digits in its exponent"));
            }
        }
        Ok(Number(Cow::Borrowed(&self.text[start..self.at])))
    }
}
