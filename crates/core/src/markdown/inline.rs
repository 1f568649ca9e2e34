//! The inline parser: emphasis, strong, links (http(s) only) and inline spoilers inside a
//! block's text, with a depth limit so that hostile nesting cannot recurse without end.

use super::{is_web_url, plain_inline, Inline, MAX_DEPTH};

/// Parses inline spans.
pub fn parse_inline(text: &str, depth: usize) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    InlineParser { chars: &chars, depth, exhausted: [false; 4] }.run(0, chars.len(), &mut out);
    out
}

struct InlineParser<'a> {
    chars: &'a [char],
    depth: usize,
    /// Per delimiter kind (`**`, `*`, `_`, `||`): no closer exists past the last failed search,
    /// so later openers need not search again. This keeps parsing linear on hostile input.
    exhausted: [bool; 4],
}

impl InlineParser<'_> {
    fn run(&mut self, start: usize, end: usize, out: &mut Vec<Inline>) {
        let mut text = String::new();
        let mut i = start;
        while i < end {
            let c = self.chars[i];
            if c == '\\' && i + 1 < end && self.chars[i + 1].is_ascii_punctuation() {
                text.push(self.chars[i + 1]);
                i += 2;
                continue;
            }
            if self.depth < MAX_DEPTH {
                if let Some((node, next)) = self.span(i, end) {
                    push_text(out, &mut text);
                    out.push(node);
                    i = next;
                    continue;
                }
            }
            text.push(c);
            i += 1;
        }
        push_text(out, &mut text);
    }

    /// A span starting at `i`: the node and the index after it.
    fn span(&mut self, i: usize, end: usize) -> Option<(Inline, usize)> {
        let at = |j: usize, s: &str| {
            s.chars().enumerate().all(|(k, c)| self.chars.get(j + k) == Some(&c)) && j + s.chars().count() <= end
        };
        if at(i, "**") {
            return self.delimited(i, end, "**", 0).map(|(inner, next)| (Inline::Strong(inner), next));
        }
        if at(i, "||") {
            return self.delimited(i, end, "||", 3).map(|(inner, next)| (Inline::Spoiler(inner), next));
        }
        if self.chars[i] == '*' {
            return self.delimited(i, end, "*", 1).map(|(inner, next)| (Inline::Emphasis(inner), next));
        }
        if self.chars[i] == '_' && (i == 0 || !self.chars[i - 1].is_alphanumeric()) {
            return self.delimited(i, end, "_", 2).map(|(inner, next)| (Inline::Emphasis(inner), next));
        }
        if self.chars[i] == '[' {
            return self.link(i, end);
        }
        None
    }

    /// `delim inner delim`, where inner starts with a non-space character.
    fn delimited(&mut self, i: usize, end: usize, delim: &str, kind: usize) -> Option<(Vec<Inline>, usize)> {
        let d: Vec<char> = delim.chars().collect();
        let open_end = i + d.len();
        if self.exhausted[kind] || open_end >= end || self.chars[open_end].is_whitespace() {
            return None;
        }
        let mut j = open_end + 1;
        while j + d.len() <= end {
            if self.chars[j] == '\\' {
                j += 2;
                continue;
            }
            // A single `*` closer is never half of a `**`: that is a nested strong span.
            if d == ['*'] && self.chars[j] == '*' && self.chars.get(j + 1) == Some(&'*') {
                j += 2;
                continue;
            }
            if self.chars[j..j + d.len()] == d[..] && !self.chars[j - 1].is_whitespace() {
                let word_inner = d[0] == '_' && self.chars.get(j + 1).is_some_and(|c| c.is_alphanumeric());
                if !word_inner {
                    let mut inner = Vec::new();
                    let mut nested = InlineParser { chars: self.chars, depth: self.depth + 1, exhausted: [false; 4] };
                    nested.run(open_end, j, &mut inner);
                    return Some((inner, j + d.len()));
                }
            }
            j += 1;
        }
        self.exhausted[kind] = true;
        None
    }

    /// `[text](http(s)://url)`. A link to anything else keeps only its text.
    fn link(&mut self, i: usize, end: usize) -> Option<(Inline, usize)> {
        let mut depth = 0usize;
        let mut close = None;
        for j in i..end.min(i + 2_000) {
            match self.chars[j] {
                '\\' => continue,
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                }
                _ => {}
            }
        }
        let close = close?;
        if self.chars.get(close + 1) != Some(&'(') {
            return None;
        }
        let url_start = close + 2;
        // The URL ends at the `)` that balances the `(`.
        let mut parens = 0usize;
        let url_end = (url_start..end.min(url_start + 2_048)).find(|&j| match self.chars[j] {
            '(' => {
                parens += 1;
                false
            }
            ')' if parens == 0 => true,
            ')' => {
                parens -= 1;
                false
            }
            _ => false,
        })?;
        let url: String = self.chars[url_start..url_end].iter().collect();
        let href = url.split_whitespace().next().unwrap_or("").to_string();
        let mut content = Vec::new();
        let mut nested = InlineParser { chars: self.chars, depth: self.depth + 1, exhausted: [false; 4] };
        nested.run(i + 1, close, &mut content);
        strip_links(&mut content);
        // A link to anything but http(s) keeps only its text.
        let node =
            if is_web_url(&href) { Inline::Link { href, content } } else { Inline::Text(plain_inline(&content)) };
        Some((node, url_end + 1))
    }
}

/// Links inside link text would nest anchors: keep their text only.
fn strip_links(nodes: &mut [Inline]) {
    for node in nodes {
        match node {
            Inline::Link { content, .. } => *node = Inline::Text(plain_inline(content)),
            Inline::Emphasis(inner) | Inline::Strong(inner) | Inline::Spoiler(inner) => strip_links(inner),
            Inline::Text(_) => {}
        }
    }
}

fn push_text(out: &mut Vec<Inline>, text: &mut String) {
    if !text.is_empty() {
        out.push(Inline::Text(std::mem::take(text)));
    }
}
