//! HTML as blog platforms store it (WordPress's classic and block editors, Letterboxd's
//! review text) into Marquee Markdown: paragraphs, emphasis, links (http(s) only), quotes,
//! lists and headings. Entities are decoded; every other tag is dropped and its text kept.
//! Raw HTML never reaches a body.

use scraper::{ElementRef, Html, Node};

/// Markdown for `html`. `<br>` becomes a line break inside its paragraph, so that fact lines
/// ("Director: …") stay one per line. Text with no block tags is read the way WordPress's
/// classic editor shows it: a blank line separates paragraphs, a single line break is `<br>`.
pub fn to_markdown(html: &str) -> String {
    let html = html.replace("\r\n", "\n");
    let source = if has_blocks(&html) { html } else { auto_paragraphs(&html) };
    let fragment = Html::parse_fragment(&source);
    let mut out = Writer::default();
    for child in fragment.root_element().children() {
        out.node(child);
    }
    out.finish()
}

const BLOCKS: &[&str] = &["<p", "<blockquote", "<ul", "<ol", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<div"];

fn has_blocks(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    BLOCKS
        .iter()
        .any(|tag| lower.match_indices(tag).any(|(i, _)| !lower[i + tag.len()..].starts_with(char::is_alphanumeric)))
}

/// WordPress's `wpautop`, in short: paragraphs from blank lines, `<br>` from single breaks.
fn auto_paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", p.replace('\n', "<br>")))
        .collect()
}

/// Builds the Markdown: finished blocks, and the inline text of the block being written.
#[derive(Default)]
struct Writer {
    blocks: Vec<String>,
    inline: String,
}

impl Writer {
    fn node(&mut self, node: ego_tree::NodeRef<'_, Node>) {
        match node.value() {
            Node::Text(text) => self.text(text),
            Node::Element(_) => {
                if let Some(element) = ElementRef::wrap(node) {
                    self.element(element);
                }
            }
            // Comments (the block editor's <!-- wp:… -->), doctypes and the like say nothing.
            _ => {}
        }
    }

    fn children(&mut self, element: ElementRef<'_>) {
        for child in element.children() {
            self.node(child);
        }
    }

    /// Text, with HTML's runs of white space as one space.
    fn text(&mut self, text: &str) {
        let mut last_space = self.inline.is_empty() || self.inline.ends_with([' ', '\n']);
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !last_space {
                    self.inline.push(' ');
                    last_space = true;
                }
            } else {
                self.inline.push(c);
                last_space = false;
            }
        }
    }

    /// Ends the block being written, if it has text, with `prefix` on its first line.
    fn end_block(&mut self, prefix: &str) {
        let text = std::mem::take(&mut self.inline);
        let text: Vec<&str> = text.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect();
        if !text.is_empty() {
            self.blocks.push(format!("{prefix}{}", text.join("\n")));
        }
    }

    fn element(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        match name {
            "p" | "div" | "figure" | "figcaption" | "section" | "article" => {
                self.end_block("");
                self.children(element);
                self.end_block("");
            }
            "br" => self.inline.push('\n'),
            "em" | "i" | "cite" => self.wrapped(element, "*"),
            "strong" | "b" => self.wrapped(element, "**"),
            "a" => self.link(element),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.end_block("");
                self.children(element);
                let inline = std::mem::take(&mut self.inline).replace('\n', " ");
                self.inline = inline;
                self.end_block(if matches!(name, "h1" | "h2") { "## " } else { "### " });
            }
            "blockquote" => {
                self.end_block("");
                let mut inner = Writer::default();
                inner.children(element);
                let quoted = inner.finish();
                if !quoted.is_empty() {
                    let lines: Vec<String> =
                        quoted.lines().map(|l| if l.is_empty() { ">".to_string() } else { format!("> {l}") }).collect();
                    self.blocks.push(lines.join("\n"));
                }
            }
            "ul" | "ol" => {
                self.end_block("");
                let mut items = Vec::new();
                for (n, li) in element.child_elements().filter(|c| c.value().name() == "li").enumerate() {
                    let mut inner = Writer::default();
                    inner.children(li);
                    let text = inner.finish().replace("\n\n", " ").replace('\n', " ");
                    if !text.is_empty() {
                        items.push(if name == "ol" { format!("{}. {text}", n + 1) } else { format!("- {text}") });
                    }
                }
                if !items.is_empty() {
                    self.blocks.push(items.join("\n"));
                }
            }
            // Never content: scripts, styles, embedded documents and forms.
            "script" | "style" | "iframe" | "object" | "embed" | "noscript" | "template" | "form" | "button" => {}
            "img" => {}
            _ => self.children(element),
        }
    }

    /// `*x*` or `**x**` around an element's text, outside its edge spaces.
    fn wrapped(&mut self, element: ElementRef<'_>, mark: &str) {
        let mut inner = Writer::default();
        inner.children(element);
        let text = inner.inline;
        let trimmed = text.trim();
        if trimmed.is_empty() {
            self.text(&text);
            return;
        }
        if text.starts_with(' ') {
            self.text(" ");
        }
        self.inline.push_str(&format!("{mark}{trimmed}{mark}"));
        if text.ends_with(' ') {
            self.text(" ");
        }
    }

    /// `[text](href)` for an http(s) link; any other link is only its text.
    fn link(&mut self, element: ElementRef<'_>) {
        let mut inner = Writer::default();
        inner.children(element);
        let text = inner.inline.trim().to_string();
        let href = element.value().attr("href").map(str::trim).unwrap_or("");
        let web = href.starts_with("https://") || href.starts_with("http://");
        if web && !text.is_empty() && !href.contains([' ', '(', ')', '<', '>', '"']) {
            self.inline.push_str(&format!("[{text}]({href})"));
        } else {
            self.text(&text);
        }
    }

    fn finish(mut self) -> String {
        self.end_block("");
        self.blocks.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::to_markdown;

    #[test]
    fn classic_editor_text_becomes_paragraphs_with_inline_marks() {
        let html = "First <em>bold</em> move &amp; a <strong>strong</strong> one.\n\nSecond with a <a href=\"https://example.com/a?b=1\">link</a>\nand a break.\n\n\n";
        assert_eq!(
            to_markdown(html),
            "First *bold* move & a **strong** one.\n\nSecond with a [link](https://example.com/a?b=1)\nand a break."
        );
    }

    #[test]
    fn block_editor_comments_vanish_and_blocks_map() {
        let html = "<!-- wp:paragraph -->\n<p>One &#8220;quoted&#8221; line.</p>\n<!-- /wp:paragraph -->\n\n\
            <!-- wp:quote --><blockquote class=\"wp-block-quote\"><p>A quote.</p><p>Two.</p></blockquote><!-- /wp:quote -->\n\
            <!-- wp:heading --><h2>The cast</h2><!-- /wp:heading -->\n\
            <!-- wp:list --><ul><li>One</li><li><em>Two</em></li></ul><!-- /wp:list -->\n\
            <!-- wp:list {\"ordered\":true} --><ol><li>First</li><li>Second</li></ol><!-- /wp:list -->";
        assert_eq!(
            to_markdown(html),
            "One \u{201c}quoted\u{201d} line.\n\n> A quote.\n>\n> Two.\n\n## The cast\n\n- One\n- *Two*\n\n1. First\n2. Second"
        );
    }

    #[test]
    fn other_tags_keep_their_text_and_no_raw_html_or_unsafe_link_survives() {
        let html =
            "<p><span style=\"x\">Kept</span> <script>alert(1)</script><a href=\"javascript:alert(1)\">text only</a> \
            <img src=x onerror=alert(1)> <iframe src=\"https://evil.example\"></iframe>&lt;b&gt;shown&lt;/b&gt;</p>";
        let md = to_markdown(html);
        assert_eq!(md, "Kept text only <b>shown</b>");
        assert!(!md.contains("alert") && !md.contains("javascript"));
    }

    #[test]
    fn fact_lines_stay_one_per_line() {
        let html = "<p>Great film.</p><p>Director: Jacques Audiard<br />\nStars: Marion Cotillard<br>Running time: 120 min</p>";
        assert_eq!(
            to_markdown(html),
            "Great film.\n\nDirector: Jacques Audiard\nStars: Marion Cotillard\nRunning time: 120 min"
        );
    }
}
