//! `feed.xml` (Atom, RFC 4287) and `sitemap.xml` (sitemaps.org 0.9), with
//! absolute URLs under the site's base URL.

use marquee_core::markdown::html::{to_html, Spoilers};
use marquee_core::markdown::parse;
use marquee_core::{Catalog, Date, Review};

/// The sitemap protocol's limit of URLs per file.
pub const SITEMAP_URLS: usize = 50_000;

/// The newest reviews first (by `reviewed_on`; undated ones last, in dataset order).
pub fn newest_first(catalog: &Catalog) -> Vec<&Review> {
    let mut reviews: Vec<&Review> = catalog.reviews.iter().collect();
    reviews.sort_by_key(|r| std::cmp::Reverse(r.reviewed_on));
    reviews
}

/// Text escaped for XML, without the characters XML 1.0 forbids anywhere in a document
/// (C0 controls other than tab and line breaks, U+FFFE, U+FFFF): a feed reader refuses the
/// whole feed over one of them, so each becomes U+FFFD. (Rust strings hold no surrogates.)
fn xml_text(text: &str) -> String {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..);
    if text.chars().all(allowed) {
        return marquee_core::markdown::html::escape(text);
    }
    let clean: String = text.chars().map(|c| if allowed(c) { c } else { '\u{FFFD}' }).collect();
    marquee_core::markdown::html::escape(&clean)
}

fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

/// The Atom feed of the `limit` newest reviews. `fallback` dates undated
/// reviews and the feed itself when no review has a date (Atom needs one).
pub fn atom(catalog: &Catalog, base_url: &str, limit: usize, fallback: Date) -> String {
    let site = &catalog.site;
    let title = site.title.as_deref().unwrap_or("Marquee");
    let reviews = newest_first(catalog);
    let updated = reviews.first().and_then(|r| r.reviewed_on).unwrap_or(fallback);
    let mut xml =
        String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    xml.push_str(&format!("  <title>{}</title>\n", xml_text(title)));
    if let Some(tagline) = &site.tagline {
        xml.push_str(&format!("  <subtitle>{}</subtitle>\n", xml_text(tagline)));
    }
    let base = xml_text(base_url);
    xml.push_str(&format!("  <link rel=\"self\" type=\"application/atom+xml\" href=\"{base}feed.xml\"/>\n"));
    xml.push_str(&format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{base}\"/>\n"));
    xml.push_str(&format!("  <id>{base}</id>\n  <updated>{}</updated>\n", timestamp(updated)));
    xml.push_str(&format!("  <author><name>{}</name></author>\n", xml_text(site.author.as_deref().unwrap_or(title))));
    xml.push_str("  <generator>Marquee</generator>\n");
    for review in reviews.into_iter().take(limit) {
        let url = xml_text(&format!("{base_url}reviews/{}", review.id()));
        let date = timestamp(review.reviewed_on.unwrap_or(fallback));
        xml.push_str("  <entry>\n");
        xml.push_str(&format!(
            "    <title>{}</title>\n",
            xml_text(&match review.rating {
                Some(rating) => format!("{} ({}): {}", review.title(), review.year, rating.words()),
                None => format!("{} ({})", review.title(), review.year),
            })
        ));
        xml.push_str(&format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n"));
        xml.push_str(&format!(
            "    <id>{url}</id>\n    <published>{date}</published>\n    <updated>{date}</updated>\n"
        ));
        for genre in review.genres() {
            xml.push_str(&format!("    <category term=\"{}\"/>\n", xml_text(genre)));
        }
        xml.push_str(&format!("    <summary>{}</summary>\n", xml_text(&review.excerpt())));
        // The HTML is escaped once more as the text of a type="html" element.
        let html = to_html(&parse(review.body().text().unwrap_or_default()), Spoilers::Omit);
        xml.push_str(&format!("    <content type=\"html\">{}</content>\n", xml_text(&html)));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// The sitemap: one file when the site has up to `per_file` pages ([`SITEMAP_URLS`]),
/// else a sitemap index (`sitemap.xml`) over numbered files. Returns `(file name, XML)` pairs.
pub fn sitemaps(catalog: &Catalog, base_url: &str, per_file: usize) -> Vec<(String, String)> {
    let mut urls = vec![(base_url.to_string(), None)];
    urls.extend(catalog.reviews.iter().map(|r| (format!("{base_url}reviews/{}", r.id()), r.reviewed_on)));
    let urlset = |urls: &[(String, Option<Date>)]| {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for (loc, lastmod) in urls {
            xml.push_str(&format!("  <url><loc>{}</loc>", xml_text(loc)));
            if let Some(date) = lastmod {
                xml.push_str(&format!("<lastmod>{date}</lastmod>"));
            }
            xml.push_str("</url>\n");
        }
        xml + "</urlset>\n"
    };
    if urls.len() <= per_file {
        return vec![("sitemap.xml".to_string(), urlset(&urls))];
    }
    let mut files: Vec<(String, String)> = urls
        .chunks(per_file.max(1))
        .enumerate()
        .map(|(i, part)| (format!("sitemap-{}.xml", i + 1), urlset(part)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _) in &files {
        index.push_str(&format!("  <sitemap><loc>{}</loc></sitemap>\n", xml_text(&format!("{base_url}{name}"))));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".to_string(), index));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_site_gets_a_sitemap_index() {
        let catalog = marquee_core::synth::generate(25, 3);
        let files = sitemaps(&catalog, "https://a.example/m/", 10);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]);
        assert!(
            files[0].1.contains("<sitemapindex") && files[0].1.contains("<loc>https://a.example/m/sitemap-3.xml</loc>")
        );
        let urls: usize = files[1..].iter().map(|(_, xml)| xml.matches("<url>").count()).sum();
        assert_eq!(urls, 26, "the home page and every review, once");
        assert_eq!(sitemaps(&catalog, "https://a.example/m/", SITEMAP_URLS).len(), 1);
    }

    #[test]
    fn newest_reviews_come_first_and_undated_ones_last() {
        let mut catalog = marquee_core::synth::generate(5, 9);
        for (i, review) in catalog.reviews.iter_mut().enumerate() {
            review.reviewed_on = (i != 2).then(|| Date::new(2020, 1, 1 + i as u8).unwrap());
        }
        let order: Vec<Option<Date>> = newest_first(&catalog).iter().map(|r| r.reviewed_on).collect();
        assert_eq!(order[0], Date::new(2020, 1, 5));
        assert_eq!(order[4], None);
    }

    #[test]
    fn the_feed_never_carries_characters_that_xml_forbids() {
        let mut catalog = marquee_core::synth::generate(3, 4);
        catalog.site.title = Some("Noninterchange \u{FFFE}\u{FFFF} and a bell \u{7}".into());
        let review = &mut catalog.reviews[0];
        review.edit(|p| p.title = "Title \u{FFFF}".into());
        review.edit(|p| p.genres = ["Drama\u{FFFE}".into()].into());
        review.set_body("A body with \u{FFFE} and \u{0} and \u{1F} and a real 🎬 and tab\tand\r\nlines.".into());
        let feed = atom(&catalog, "https://a.example/m/", 10, Date::new(2024, 1, 1).unwrap());
        let forbidden = |c: char| !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
        assert_eq!(feed.chars().find(|&c| forbidden(c)), None);
        assert!(feed.contains("Title \u{FFFD}"), "replaced, not dropped silently");
        assert!(feed.contains('🎬'), "characters XML allows stay");
        for (_, map) in sitemaps(&catalog, "https://a.example/m/\u{FFFE}", 10) {
            assert_eq!(map.chars().find(|&c| forbidden(c)), None);
        }
    }
}
