//! The review body's Markdown, parsed into a small tree that the UI renders as
//! elements and the CLI as escaped HTML. No HTML in the source is ever
//! interpreted: `<script>` is text. Links are kept only for `http(s)` URLs.
//!
//! Supported: paragraphs, `*emphasis*`/`_emphasis_`, `**strong**`, `[links](https://…)`,
//! `> block quotes`, `- lists` and `1. lists`, `## headings`, backslash escapes, and
//! spoilers: `:::spoiler [label]` … `:::` passages and `||inline||` phrases
//! (see `docs/dataset.md`).
//!
//! ```
//! use marquee_core::markdown::{parse, Block, Inline};
//! let doc = parse("Some *very* fine <b>acting</b>.\n\n:::spoiler\nHe dies.\n:::");
//! assert_eq!(doc.len(), 2);
//! assert!(matches!(&doc[1], Block::Spoiler { .. }));
//! let Block::Paragraph(p) = &doc[0] else { panic!() };
//! assert_eq!(p[1], Inline::Emphasis(vec![Inline::Text("very".into())]));
//! assert_eq!(p[2], Inline::Text(" fine <b>acting</b>.".into()));
//! ```

pub mod html;
mod inline;

pub use inline::parse_inline;

/// Quotes, spoilers and inline spans nest at most this deep; deeper markers are text.
pub const MAX_DEPTH: usize = 8;

/// A block of a review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// Level 2 or 3 (the page's title is the only level 1).
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Quote(Vec<Block>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    /// A hidden passage, with an optional label such as "The ending".
    Spoiler {
        label: Option<String>,
        blocks: Vec<Block>,
    },
}

/// A span inside a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    /// Only ever an `http://` or `https://` URL.
    Link {
        href: String,
        content: Vec<Inline>,
    },
    Spoiler(Vec<Inline>),
}

/// Parses Markdown into blocks. Never fails: anything unrecognised is text.
pub fn parse(source: &str) -> Vec<Block> {
    let lines: Vec<&str> = source.lines().collect();
    parse_blocks(&lines, 0)
}

fn parse_blocks(lines: &[&str], depth: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut i = 0;
    let flush = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(parse_inline(&paragraph.join(" "), depth)));
            paragraph.clear();
        }
    };
    while i < lines.len() {
        let line = lines[i].trim();
        if line.is_empty() {
            flush(&mut paragraph, &mut blocks);
            i += 1;
            continue;
        }
        let nestable = depth < MAX_DEPTH;
        if let Some(label) = line.strip_prefix(":::spoiler").filter(|_| nestable) {
            flush(&mut paragraph, &mut blocks);
            let end = spoiler_end(lines, i + 1);
            let label = label.trim();
            blocks.push(Block::Spoiler {
                label: (!label.is_empty()).then(|| label.to_string()),
                blocks: parse_blocks(&lines[i + 1..end], depth + 1),
            });
            i = (end + 1).min(lines.len());
            continue;
        }
        if line.starts_with('>') && nestable {
            flush(&mut paragraph, &mut blocks);
            let mut inner = Vec::new();
            while i < lines.len() && lines[i].trim().starts_with('>') {
                let rest = &lines[i].trim()[1..];
                inner.push(rest.strip_prefix(' ').unwrap_or(rest));
                i += 1;
            }
            blocks.push(Block::Quote(parse_blocks(&inner, depth + 1)));
            continue;
        }
        if let Some((level, text)) = heading(line) {
            flush(&mut paragraph, &mut blocks);
            blocks.push(Block::Heading { level, content: parse_inline(text, depth) });
            i += 1;
            continue;
        }
        if let Some((ordered, _)) = list_item(line) {
            flush(&mut paragraph, &mut blocks);
            let mut items: Vec<String> = Vec::new();
            while i < lines.len() {
                let l = lines[i].trim();
                match list_item(l) {
                    Some((o, text)) if o == ordered => items.push(text.to_string()),
                    Some(_) => break,
                    None if l.is_empty() || l == ":::" || l.starts_with(":::spoiler") || l.starts_with('>') => break,
                    None => match items.last_mut() {
                        Some(last) => {
                            last.push(' ');
                            last.push_str(l);
                        }
                        None => break,
                    },
                }
                i += 1;
            }
            blocks.push(Block::List { ordered, items: items.iter().map(|t| parse_inline(t, depth)).collect() });
            continue;
        }
        paragraph.push(line);
        i += 1;
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

/// The index of the `:::` line closing a spoiler opened before `start`, or the end.
fn spoiler_end(lines: &[&str], start: usize) -> usize {
    let mut open = 1;
    for (offset, line) in lines[start..].iter().enumerate() {
        let line = line.trim();
        if line.starts_with(":::spoiler") {
            open += 1;
        } else if line == ":::" {
            open -= 1;
            if open == 0 {
                return start + offset;
            }
        }
    }
    lines.len()
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let text = line[hashes..].strip_prefix(' ')?;
    match hashes {
        1 | 2 => Some((2, text.trim())),
        3..=6 => Some((3, text.trim())),
        _ => None,
    }
}

/// `- item`, `* item`, `+ item` (unordered) or `12. item`, `3) item` (ordered).
fn list_item(line: &str) -> Option<(bool, &str)> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some((false, rest.trim()));
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &line[digits..];
        if let Some(text) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((true, text.trim()));
        }
    }
    None
}

/// `http://` or `https://` with a host; no other scheme becomes a link.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| r.split(['/', '?', '#']).next().is_some_and(|host| !host.is_empty()))
        && !url.chars().any(|c| c.is_control() || c == '\\' || c == '"' || c == '<' || c == '>')
}

/// The text of inline spans, spoilers included.
pub fn plain_inline(nodes: &[Inline]) -> String {
    let mut out = String::new();
    collect_text(nodes, true, &mut out);
    out
}

fn collect_text(nodes: &[Inline], spoilers: bool, out: &mut String) {
    for node in nodes {
        match node {
            Inline::Text(t) => out.push_str(t),
            Inline::Emphasis(inner) | Inline::Strong(inner) => collect_text(inner, spoilers, out),
            Inline::Link { content, .. } => collect_text(content, spoilers, out),
            Inline::Spoiler(inner) if spoilers => collect_text(inner, spoilers, out),
            Inline::Spoiler(_) => out.push('…'),
        }
    }
}

/// The first paragraph as plain text, with spoilers left out: the card excerpt's source.
pub fn first_paragraph_text(blocks: &[Block]) -> Option<String> {
    blocks.iter().find_map(|b| match b {
        Block::Paragraph(p) => {
            let mut out = String::new();
            collect_text(p, false, &mut out);
            Some(out)
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests;
