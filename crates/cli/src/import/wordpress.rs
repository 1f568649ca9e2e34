//! A WordPress export (Tools → Export, WXR 1.1/1.2): each published post is a review. Its
//! HTML, from either editor, becomes Marquee Markdown ([`html::to_markdown`]), and then reads
//! exactly as a plain-text blog post does: the title's "(Year)" gives the year, fact lines at
//! the end ("Director: …", one per paragraph or joined by `<br>`) become facts and leave the
//! text. Pages, attachments, drafts, private and trashed posts are skipped, each with a note.

use super::genres::split_genres;
use super::{html, Draft, Read};
use crate::report::Finding;
use marquee_core::Diagnostic;
use quick_xml::events::Event;
use serde_json::Value;
use std::path::Path;

/// One `<item>` of the export, as far as a review needs it.
#[derive(Debug, Default)]
struct Item {
    line: usize,
    title: String,
    content: String,
    post_type: String,
    status: String,
    slug: String,
    date: String,
    /// `(domain, name)`: `category` or `post_tag`.
    terms: Vec<(String, String)>,
}

/// Whether `path` looks like a WordPress export (an `.xml` file).
pub fn is_export(path: &Path) -> bool {
    path.is_file() && path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

/// Reads the export's published posts.
pub fn read(path: &Path) -> Result<Read, Finding> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Finding::at(path, None, Diagnostic::error("", format!("cannot be read: {e}"))))?;
    let items =
        items(&text).map_err(|(line, message)| Finding::at(path, Some(line), Diagnostic::error("", message)))?;
    if items.is_empty() {
        let message = "has no <item>: is it a WordPress export (Tools → Export)?";
        return Err(Finding::at(path, None, Diagnostic::error("", message)));
    }
    let mut read = Read::default();
    for item in items {
        let skip = match (item.post_type.as_str(), item.status.as_str()) {
            ("post", "publish") => None,
            ("post", "draft" | "pending" | "future" | "auto-draft") => Some("a draft"),
            ("post", "private") => Some("a private post"),
            ("post", "trash") => Some("in the trash"),
            ("post", _) => Some("not published"),
            ("page", _) => Some("a page"),
            ("attachment", _) => Some("an attachment"),
            ("nav_menu_item", _) => Some("a menu item"),
            _ => Some("not a post"),
        };
        if let Some(why) = skip {
            let title = if item.title.trim().is_empty() { "untitled" } else { item.title.trim() };
            let message = format!("skipped: \"{title}\" is {why}");
            read.findings.push(Finding::at(path, Some(item.line), Diagnostic::warning("", message)));
            continue;
        }
        read.drafts.push(draft(path, item));
    }
    Ok(read)
}

/// A post as a review: its HTML as Markdown under a "Title (Year)" line, read as a blog post.
fn draft(path: &Path, item: Item) -> Draft {
    let markdown = html::to_markdown(&item.content);
    let text = format!("{}\n\n{markdown}\n", item.title.trim());
    let mut fields = match crate::blog::parse_post(&text) {
        Ok(parsed) => parsed.fields,
        // A title without "(Year)": the review still has its title and text; validation names
        // the missing year.
        Err(_) => {
            let mut fields = serde_json::Map::new();
            fields.insert("title".into(), Value::from(item.title.trim()));
            fields.insert("body".into(), Value::from(markdown));
            fields
        }
    };
    // The post's date is when it was reviewed: "2013-02-20 09:30:00".
    if let Some(day) = item.date.get(..10).filter(|d| marquee_core::Date::parse(d).is_some()) {
        fields.insert("reviewed_on".into(), Value::from(day));
    }
    let names: Vec<String> = item.terms.iter().map(|(_, name)| name.clone()).collect();
    let (genres, tags) = split_genres(&names);
    if !fields.contains_key("genres") && !genres.is_empty() {
        fields.insert("genres".into(), Value::from(genres));
    }
    let mut tags: Vec<String> = tags.into_iter().filter(|t| !t.eq_ignore_ascii_case("uncategorized")).collect();
    // The post's address is kept as a tag, so that a redirect from the old blog can be written.
    if !item.slug.is_empty() {
        tags.push(format!("wp:{}", item.slug));
    }
    if !tags.is_empty() {
        fields.insert("tags".into(), Value::from(tags));
    }
    Draft { file: path.to_path_buf(), fields, lines: Default::default(), line: item.line, numbered: true }
}

/// The `<item>`s of a WXR document, or the line and reason it is not XML.
fn items(text: &str) -> Result<Vec<Item>, (usize, String)> {
    let mut reader = quick_xml::Reader::from_str(text);
    let line_at = |offset: u64| text[..(offset as usize).min(text.len())].matches('\n').count() + 1;
    let mut items = Vec::new();
    let mut item: Option<Item> = None;
    // The element whose text is being read, and the domain of a <category>.
    let mut field: Option<String> = None;
    let mut domain = String::new();
    let mut value = String::new();
    loop {
        let at = reader.buffer_position();
        let event =
            reader.read_event().map_err(|e| (line_at(reader.error_position()), format!("is not valid XML: {e}")))?;
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "item" {
                    item = Some(Item { line: line_at(at), ..Item::default() });
                } else if item.is_some() {
                    domain = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"domain")
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                        .unwrap_or_default();
                    field = Some(name);
                    value.clear();
                }
            }
            Event::Text(t) if field.is_some() => {
                let raw = String::from_utf8_lossy(t.as_ref()).into_owned();
                value.push_str(&quick_xml::escape::unescape(&raw).map_or(raw.clone(), |s| s.into_owned()));
            }
            Event::GeneralRef(r) if field.is_some() => {
                let entity = format!("&{};", String::from_utf8_lossy(r.as_ref()));
                value.push_str(&quick_xml::escape::unescape(&entity).map_or(entity.clone(), |s| s.into_owned()));
            }
            Event::CData(c) if field.is_some() => value.push_str(&String::from_utf8_lossy(c.as_ref())),
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if name == "item" {
                    items.extend(item.take());
                } else if let (Some(current), Some(f)) = (item.as_mut(), field.take()) {
                    let text = std::mem::take(&mut value);
                    match f.as_str() {
                        "title" => current.title = text,
                        "content:encoded" => current.content = text,
                        "wp:post_type" => current.post_type = text.trim().to_string(),
                        "wp:status" => current.status = text.trim().to_string(),
                        "wp:post_name" => current.slug = text.trim().to_string(),
                        "wp:post_date" => current.date = text.trim().to_string(),
                        "category" if domain == "category" || domain == "post_tag" => {
                            current.terms.push((domain.clone(), text.trim().to_string()));
                        }
                        _ => {}
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(items)
}
