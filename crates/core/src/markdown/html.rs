//! The Markdown tree as escaped HTML, for pages and feeds that are read without
//! the app: prerendered review pages and the Atom feed (`marquee build`).
//! Every piece of text is escaped, and links are the parser's `http(s)` ones.

use super::{Block, Inline};

/// What to do with spoilers, which a page can hide and a feed cannot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spoilers {
    /// Passages in a closed `<details>`; phrases in a `<span class="spoiler">`
    /// that the site's stylesheet blurs until focused.
    Conceal,
    /// Left out, with a note that there is a spoiler: for feed readers, which
    /// show everything and apply no stylesheet.
    Omit,
}

/// Renders blocks as an HTML fragment.
///
/// ```
/// use marquee_core::markdown::{parse, html::{to_html, Spoilers}};
/// let html = to_html(&parse("A <b>bold</b> [claim](https://example.com/?a=1&b=2)."), Spoilers::Omit);
/// assert_eq!(html, "<p>A &lt;b&gt;bold&lt;/b&gt; <a href=\"https://example.com/?a=1&amp;b=2\">claim</a>.</p>");
/// ```
pub fn to_html(blocks: &[Block], spoilers: Spoilers) -> String {
    let mut out = String::new();
    write_blocks(blocks, spoilers, &mut out);
    out
}

/// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn write_blocks(blocks: &[Block], spoilers: Spoilers, out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(content) => wrap("p", content, spoilers, out),
            Block::Heading { level, content } => wrap(if *level <= 2 { "h2" } else { "h3" }, content, spoilers, out),
            Block::Quote(inner) => {
                out.push_str("<blockquote>");
                write_blocks(inner, spoilers, out);
                out.push_str("</blockquote>");
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>"));
                for item in items {
                    wrap("li", item, spoilers, out);
                }
                out.push_str(&format!("</{tag}>"));
            }
            Block::Spoiler { label, blocks } => {
                let label = label.as_deref().unwrap_or("");
                let summary = if label.is_empty() { "Spoiler".to_string() } else { format!("Spoiler: {label}") };
                match spoilers {
                    Spoilers::Conceal => {
                        out.push_str("<details class=\"spoiler-block\"><summary>");
                        escape_into(&summary, out);
                        out.push_str("</summary>");
                        write_blocks(blocks, spoilers, out);
                        out.push_str("</details>");
                    }
                    Spoilers::Omit => {
                        out.push_str("<p><em>[");
                        escape_into(&summary, out);
                        out.push_str(" (hidden here; read it on the site)]</em></p>");
                    }
                }
            }
        }
    }
}

fn wrap(tag: &str, content: &[Inline], spoilers: Spoilers, out: &mut String) {
    out.push_str(&format!("<{tag}>"));
    write_inlines(content, spoilers, out);
    out.push_str(&format!("</{tag}>"));
}

fn write_inlines(nodes: &[Inline], spoilers: Spoilers, out: &mut String) {
    for node in nodes {
        match node {
            Inline::Text(text) => escape_into(text, out),
            Inline::Emphasis(inner) => wrap("em", inner, spoilers, out),
            Inline::Strong(inner) => wrap("strong", inner, spoilers, out),
            Inline::Link { href, content } => {
                out.push_str("<a href=\"");
                escape_into(href, out);
                out.push_str("\">");
                write_inlines(content, spoilers, out);
                out.push_str("</a>");
            }
            Inline::Spoiler(inner) => match spoilers {
                Spoilers::Conceal => {
                    out.push_str("<span class=\"spoiler-text\" tabindex=\"0\">");
                    write_inlines(inner, spoilers, out);
                    out.push_str("</span>");
                }
                Spoilers::Omit => out.push_str("<em>[spoiler]</em>"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse;

    #[test]
    fn renders_each_kind_of_block() {
        let html = to_html(&parse("## Plot\n\n> quoted *line*\n\n- one\n- **two**\n\n1. first"), Spoilers::Conceal);
        assert_eq!(
            html,
            "<h2>Plot</h2><blockquote><p>quoted <em>line</em></p></blockquote>\
             <ul><li>one</li><li><strong>two</strong></li></ul><ol><li>first</li></ol>"
        );
    }

    #[test]
    fn spoilers_are_concealed_on_pages_and_left_out_of_feeds() {
        let source = "He says ||the twist|| late.\n\n:::spoiler The ending\nShe <i>leaves</i>.\n:::";
        let page = to_html(&parse(source), Spoilers::Conceal);
        assert!(page.contains("<span class=\"spoiler-text\" tabindex=\"0\""), "{page}");
        assert!(page.contains("<details class=\"spoiler-block\"><summary>Spoiler: The ending</summary>"));
        assert!(page.contains("She &lt;i&gt;leaves&lt;/i&gt;."));
        let feed = to_html(&parse(source), Spoilers::Omit);
        assert!(!feed.contains("twist") && !feed.contains("leaves"), "{feed}");
        assert!(feed.contains("[spoiler]") && feed.contains("Spoiler: The ending"));
    }

    #[test]
    fn escapes_quotes_for_attributes() {
        assert_eq!(escape(r#"a"b'c<&>"#), "a&quot;b&#39;c&lt;&amp;&gt;");
    }
}
