//! The pages of a build, made from the built site's `index.html`: the app's
//! own HTML for the route (rendered by the site's components, see
//! `marquee_site::render`) inside `<div id="marquee-app">`, and a head with
//! the page's title, description, canonical URL, Open Graph and Twitter tags
//! and, for a review, JSON-LD `Review`. The browser shows the page at once,
//! and the app takes it over when it has booted (`src/boot.rs`).
//!
//! What a build writes into a page is marked (`<!--marquee:head-->`,
//! `<!--marquee:app-->`), so that building into an already published site
//! (`marquee build --data-only`, for example) replaces it instead of adding to it.

use marquee_core::markdown::html::escape;
use marquee_core::{Review, Site};
use marquee_site::hooks::use_page_meta::{page_title, SITE_NAME};

const HEAD_START: &str = "<!--marquee:head-->";
const HEAD_END: &str = "<!--/marquee:head-->";
const APP_START: &str = "<!--marquee:app-->";
const APP_END: &str = "<!--/marquee:app-->";

/// Where a page's head and app go in `index.html`.
pub struct Template {
    before_head: String,
    between: String,
    after_app: String,
    /// The site's path, from `<base href>` (`"/marquee/"`).
    pub base_path: String,
}

impl Template {
    /// Cuts a built `index.html` at its `<title>` and inside its `<div id="marquee-app">`.
    pub fn new(html: &str) -> Result<Template, String> {
        let (html, old_head) = strip_marked(html, HEAD_START, HEAD_END);
        let (html, _) = strip_marked(&html, APP_START, APP_END);
        let (head_at, head_end) = match old_head {
            // Built before: the new head goes where the old one stood.
            Some(at) => (at, at),
            None => {
                let open = html.find("<title>").ok_or("it has no <title>")?;
                let close = html[open..].find("</title>").ok_or("its <title> is not closed")? + open;
                (open, close + "</title>".len())
            }
        };
        let root = html[head_end..]
            .find("id=\"marquee-app\"")
            .or_else(|| html[head_end..].find("id=marquee-app"))
            .ok_or("it has no <div id=\"marquee-app\"> for the app")?
            + head_end;
        let app_at = html[root..].find('>').ok_or("its marquee-app element is not closed")? + root + 1;
        Ok(Template {
            before_head: html[..head_at].to_string(),
            between: html[head_end..app_at].to_string(),
            after_app: html[app_at..].to_string(),
            base_path: base_href(&html).unwrap_or_else(|| "/".to_string()),
        })
    }

    /// The whole page: `head` in place of the title, `app` inside the app's element.
    fn page(&self, head: &str, app: &str) -> String {
        format!(
            "{}{HEAD_START}{head}{HEAD_END}{}{APP_START}{app}{APP_END}{}",
            self.before_head, self.between, self.after_app
        )
    }

    /// The home page, published at `base_url`.
    pub fn home_page(&self, site: &Site, base_url: &str, app: &str) -> String {
        let name = site.title.as_deref().unwrap_or(SITE_NAME);
        let description = site.tagline.as_deref().unwrap_or(marquee_site::routes::home::HOME_DESCRIPTION);
        let mut head = Head::new(name, description);
        head.link("canonical", base_url);
        head.meta("property", "og:type", "website");
        head.meta("property", "og:site_name", name);
        head.meta("property", "og:title", name);
        head.meta("property", "og:description", description);
        head.meta("property", "og:url", base_url);
        self.page(&head.0, app)
    }

    /// The page for any address the site does not have (`404.html`).
    pub fn not_found_page(&self, site: &Site, app: &str) -> String {
        let name = site.title.as_deref().unwrap_or(SITE_NAME);
        let mut head = Head::new(&page_title("Page not found", name), "");
        head.meta("name", "robots", "noindex");
        self.page(&head.0, app)
    }

    /// The page for one review, published at `<base_url>reviews/<id>`.
    pub fn review_page(&self, review: &Review, site: &Site, base_url: &str, app: &str) -> String {
        let name = site.title.as_deref().unwrap_or(SITE_NAME);
        let url = format!("{base_url}reviews/{}", review.id());
        let description = review.excerpt();
        let heading = marquee_site::routes::review::heading(review);
        let social_title = match review.rating {
            Some(rating) => format!("{heading}: {}", rating.words()),
            None => heading.clone(),
        };
        let mut head = Head::new(&page_title(&heading, name), &description);
        head.link("canonical", &url);
        head.meta("property", "og:type", "article");
        head.meta("property", "og:site_name", name);
        head.meta("property", "og:title", &social_title);
        head.meta("property", "og:description", &description);
        head.meta("property", "og:url", &url);
        // A poster the build made is shared at its largest size; any other as it is.
        let shared = review.poster().map(|p| {
            let largest = marquee_core::poster::file(p, marquee_core::poster::WIDTHS[3]);
            absolute(largest.as_deref().unwrap_or(p), base_url)
        });
        if let Some(poster) = shared {
            head.meta("property", "og:image", &poster);
            head.meta("name", "twitter:card", "summary_large_image");
        } else {
            head.meta("name", "twitter:card", "summary");
        }
        head.meta("name", "twitter:title", &social_title);
        head.meta("name", "twitter:description", &description);
        if let Some(date) = review.reviewed_on {
            head.meta("property", "article:published_time", &date.to_string());
        }
        head.0.push_str(&format!("<script type=\"application/ld+json\">{}</script>", json_ld(review, site, &url)));
        self.page(&head.0, app)
    }
}

/// A page's head as it is written: title and description first, then the rest.
struct Head(String);

impl Head {
    fn new(title: &str, description: &str) -> Head {
        let mut head = format!("<title>{}</title>", escape(title));
        if !description.is_empty() {
            head.push_str(&format!("<meta name=\"description\" content=\"{}\">", escape(description)));
        }
        // Which dataset the page shows, so a site pointed at another one at run time
        // hides it until the app has its own (`index.html`'s first script, `src/boot.rs`).
        head.push_str(&format!("<meta name=\"marquee:prerendered\" content=\"{}\">", crate::publish::CARD_INDEX));
        Head(head)
    }

    fn meta(&mut self, attribute: &str, name: &str, content: &str) {
        self.0.push_str(&format!("<meta {attribute}=\"{name}\" content=\"{}\">", escape(content)));
    }

    fn link(&mut self, rel: &str, href: &str) {
        self.0.push_str(&format!("<link rel=\"{rel}\" href=\"{}\">", escape(href)));
    }
}

/// `html` without what an earlier build wrote from `start` to `end`, markers
/// included, and where it stood (`None` when there was none).
fn strip_marked(html: &str, start: &str, end: &str) -> (String, Option<usize>) {
    match (html.find(start), html.find(end)) {
        (Some(from), Some(to)) if from < to => (format!("{}{}", &html[..from], &html[to + end.len()..]), Some(from)),
        _ => (html.to_string(), None),
    }
}

/// The path of the page's `<base href>`, as Trunk writes it (`"/marquee/"`);
/// `Base::new` evens out the slashes.
fn base_href(html: &str) -> Option<String> {
    let tag = &html[html.find("<base")?..];
    let tag = &tag[..tag.find('>')?];
    let value = tag[tag.find("href=")? + 5..].trim_start();
    let value = match value.chars().next()? {
        quote @ ('"' | '\'') => &value[1..value[1..].find(quote)? + 1],
        // Unquoted, as a minifier writes it: up to white space (the tag's `>` is already cut).
        _ => value.split(char::is_whitespace).next()?,
    };
    let path = value.split("://").nth(1).map_or(value, |rest| rest.find('/').map_or("/", |i| &rest[i..]));
    Some(path.to_string())
}

/// A poster path is relative to the site; social cards need an absolute URL.
fn absolute(url: &str, base_url: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") {
        url.to_string()
    } else {
        format!("{base_url}{}", url.trim_start_matches("./").trim_start_matches('/'))
    }
}

/// schema.org `Review` of a `Movie`, as JSON safe inside a `<script>` element.
fn json_ld(review: &Review, site: &Site, url: &str) -> String {
    let people = |names: &[marquee_core::Name]| -> Vec<serde_json::Value> {
        names.iter().map(|n| serde_json::json!({ "@type": "Person", "name": &**n })).collect()
    };
    let mut movie = serde_json::json!({
        "@type": "Movie",
        "name": review.title(),
        "dateCreated": review.year.to_string(),
        "director": people(review.directors()),
        "genre": review.genres(),
    });
    if !review.cast().is_empty() {
        movie["actor"] = people(review.cast()).into();
    }
    if let Some(minutes) = review.runtime_minutes {
        movie["duration"] = format!("PT{minutes}M").into();
    }
    if !review.countries().is_empty() {
        movie["countryOfOrigin"] =
            review.countries().iter().map(|c| serde_json::json!({ "@type": "Country", "name": c })).collect();
    }
    let mut doc = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Review",
        "url": url,
        "name": marquee_site::routes::review::heading(review),
        "itemReviewed": movie,
        "reviewBody": review.excerpt(),
    });
    if let Some(rating) = review.rating {
        doc["reviewRating"] = serde_json::json!({ "@type": "Rating", "ratingValue": rating.stars(), "bestRating": 5, "worstRating": 0.5 });
    }
    if let Some(author) = site.author.as_ref().or(site.title.as_ref()) {
        doc["author"] = serde_json::json!({ "@type": "Person", "name": author });
    }
    if let Some(date) = review.reviewed_on {
        doc["datePublished"] = date.to_string().into();
    }
    // `</script>` or `<!--` inside a string must not end the element early.
    doc.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><base href=\"/marquee/\">\
        <title>Marquee</title><script>x</script></head><body><div id=\"marquee-app\" class=\"app\"></div></body></html>";

    #[test]
    fn a_page_replaces_the_title_and_fills_the_app() {
        let template = Template::new(INDEX).unwrap();
        assert_eq!(template.base_path, "/marquee/");
        let page = template.page("<title>A</title>", "<main>hi</main>");
        assert!(page.contains(
            "<base href=\"/marquee/\"><!--marquee:head--><title>A</title><!--/marquee:head--><script>x</script>"
        ));
        assert!(page.contains(
            "<div id=\"marquee-app\" class=\"app\"><!--marquee:app--><main>hi</main><!--/marquee:app--></div>"
        ));
        assert_eq!(page.matches("<title>").count(), 1);
    }

    #[test]
    fn building_again_replaces_what_the_last_build_wrote() {
        let once = Template::new(INDEX).unwrap().page("<title>A</title><meta name=\"x\">", "<main>one</main>");
        let twice = Template::new(&once).unwrap().page("<title>B</title>", "<main>two</main>");
        assert_eq!(twice, Template::new(INDEX).unwrap().page("<title>B</title>", "<main>two</main>"));
    }

    #[test]
    fn the_base_path_reads_in_every_spelling() {
        assert_eq!(base_href("<base href=\"/marquee/\">").as_deref(), Some("/marquee/"));
        assert_eq!(base_href("<base href='/x/'>").as_deref(), Some("/x/"));
        assert_eq!(base_href("<base href=/marquee/>").as_deref(), Some("/marquee/"));
        assert_eq!(base_href("<base href=\"https://a.example/m/\">").as_deref(), Some("/m/"));
        assert_eq!(base_href("<head></head>"), None);
    }

    #[test]
    fn a_template_without_the_app_element_is_refused() {
        let err = Template::new("<html><head><title>x</title></head><body></body></html>").err().unwrap();
        assert!(err.contains("marquee-app"), "{err}");
    }
}
