//! One static page per review, made from the built site's `index.html`: the
//! review's title, description, canonical URL, Open Graph and Twitter tags and
//! JSON-LD `Review` in the head; the review as plain HTML in the body for
//! readers and crawlers without JavaScript. The app then boots as on any page
//! and replaces the plain HTML (`src/main.rs` removes `[data-prerender]`).

use marquee_core::markdown::html::{escape, to_html, Spoilers};
use marquee_core::markdown::parse;
use marquee_core::{Review, Site};

/// Where the template is edited; each is found once, or the template is refused.
pub struct Template {
    before_title: String,
    between_title_and_head_end: String,
    between_head_end_and_body: String,
    after_body_tag: String,
}

impl Template {
    /// Cuts a built `index.html` at its `<title>`, its head's end and its `<body>` tag.
    pub fn new(html: &str) -> Result<Template, String> {
        let open = html.find("<title>").ok_or("it has no <title>")?;
        let close = html[open..].find("</title>").ok_or("its <title> is not closed")? + open + "</title>".len();
        let body = html[close..].find("<body").ok_or("it has no <body> tag")? + close;
        let body_end = html[body..].find('>').ok_or("its <body> tag is not closed")? + body + 1;
        // Minified HTML may leave out </head>; the head then ends at <body>.
        let head_end = html[close..body].find("</head>").map_or(body, |i| i + close);
        Ok(Template {
            before_title: html[..open].to_string(),
            between_title_and_head_end: html[close..head_end].to_string(),
            between_head_end_and_body: html[head_end..body_end].to_string(),
            after_body_tag: html[body_end..].to_string(),
        })
    }

    /// The page for one review, published at `<base_url>reviews/<id>`.
    pub fn review_page(&self, review: &Review, site: &Site, base_url: &str) -> String {
        let site_name = site.title.as_deref().unwrap_or("Marquee");
        let url = format!("{base_url}reviews/{}", review.id);
        let description = review.excerpt();
        let heading = format!("{} ({})", review.title, review.year);
        let rating = review.rating.words();
        // The app sets its own description; the prerendered one goes when it starts.
        let mut head = format!("<meta data-prerender name=\"description\" content=\"{}\">", escape(&description));
        let mut meta = |attribute: &str, name: &str, content: &str| {
            head.push_str(&format!("<meta {attribute}=\"{name}\" content=\"{}\">", escape(content)));
        };
        meta("property", "og:type", "article");
        meta("property", "og:site_name", site_name);
        meta("property", "og:title", &format!("{heading}: {rating}"));
        meta("property", "og:description", &description);
        meta("property", "og:url", &url);
        if let Some(poster) = review.poster.as_deref().map(|p| absolute(p, base_url)) {
            meta("property", "og:image", &poster);
            meta("name", "twitter:card", "summary_large_image");
        } else {
            meta("name", "twitter:card", "summary");
        }
        meta("name", "twitter:title", &format!("{heading}: {rating}"));
        meta("name", "twitter:description", &description);
        if let Some(date) = review.reviewed_on {
            meta("property", "article:published_time", &date.to_string());
        }
        let head = head
            + &format!("<link rel=\"canonical\" href=\"{}\">", escape(&url))
            + &format!("<script type=\"application/ld+json\">{}</script>", json_ld(review, site, &url));

        format!(
            "{}<title>{}</title>{}{head}{}{}{}",
            self.before_title,
            escape(&format!("{heading} · {site_name}")),
            self.between_title_and_head_end,
            self.between_head_end_and_body,
            body(review, site_name, &heading, &rating),
            self.after_body_tag,
        )
    }
}

impl Template {
    /// The site's `index.html` with its first screen prerendered: the newest
    /// reviews as plain HTML cards linking to their pages, so that the first paint
    /// has content and readers without JavaScript have a way in.
    pub fn home_page(&self, site: &Site, newest: &[&Review], total: usize, base_url: &str) -> String {
        let site_name = site.title.as_deref().unwrap_or("Marquee");
        let description = site.tagline.as_deref().unwrap_or("Film reviews");
        let cards: String = newest
            .iter()
            .map(|r| {
                format!(
                    "<li class=\"review-card prerender__card\"><div class=\"review-card__text\">\
                     <h2 class=\"review-card__title\"><a class=\"review-card__link\" href=\"reviews/{id}\">{title}</a></h2>\
                     <p class=\"review-card__meta\">{year} · {directors} · {rating}</p>\
                     <p class=\"review-card__genres\">{genres}</p>\
                     <p class=\"review-card__summary\">{excerpt}</p></div></li>",
                    id = r.id,
                    title = escape(&r.title),
                    year = r.year,
                    directors = escape(&r.directors.join(", ")),
                    rating = escape(&r.rating.words()),
                    genres = escape(&r.genres.join(" · ")),
                    excerpt = escape(&r.excerpt()),
                )
            })
            .collect();
        let more = total.saturating_sub(newest.len());
        let more = if more > 0 {
            format!("<p class=\"prerender__more\">And {more} more: searching and filtering them needs JavaScript.</p>")
        } else {
            String::new()
        };
        format!(
            "{}<title>{}</title>{}<meta data-prerender name=\"description\" content=\"{}\">\
             <link rel=\"canonical\" href=\"{}\">{}\
             <div class=\"prerender\" id=\"marquee-prerender\" data-prerender>\
             <p class=\"prerender__site\"><a href=\"./\">{}</a></p><main>\
             <h1 class=\"page__title\">Reviews</h1><ul class=\"prerender__cards\">{cards}</ul>{more}</main></div>{}",
            self.before_title,
            escape(site_name),
            self.between_title_and_head_end,
            escape(description),
            escape(base_url),
            self.between_head_end_and_body,
            escape(site_name),
            self.after_body_tag,
        )
    }
}

/// A poster path is relative to the site; social cards need an absolute URL.
fn absolute(url: &str, base_url: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") {
        url.to_string()
    } else {
        format!("{base_url}{}", url.trim_start_matches("./").trim_start_matches('/'))
    }
}

fn body(review: &Review, site_name: &str, heading: &str, rating: &str) -> String {
    let mut facts = vec![("Directed by", review.directors.join(", "))];
    if !review.cast.is_empty() {
        facts.push(("Cast", review.cast.join(", ")));
    }
    facts.push(("Genres", review.genres.join(", ")));
    if let Some(minutes) = review.runtime_minutes {
        facts.push(("Runtime", format!("{minutes} min")));
    }
    if !review.countries.is_empty() {
        facts.push(("Countries", review.countries.join(", ")));
    }
    if let Some(date) = review.home_release {
        facts.push(("Home release", date.long()));
    }
    if let Some(date) = review.reviewed_on {
        facts.push(("Reviewed", date.long()));
    }
    let facts: String = facts
        .iter()
        .map(|(term, detail)| {
            format!(
                "<div class=\"fact-box__row\"><dt class=\"fact-box__term\">{term}</dt><dd class=\"fact-box__detail\">{}</dd></div>",
                escape(detail)
            )
        })
        .collect();
    let original = review
        .original_title
        .as_deref()
        .filter(|o| *o != review.title)
        .map(|o| format!("<p class=\"review__original-title\">{}</p>", escape(o)))
        .unwrap_or_default();
    format!(
        "<div class=\"prerender\" id=\"marquee-prerender\" data-prerender>\
         <p class=\"prerender__site\"><a href=\"./\">{site}</a></p>\
         <main><article class=\"review\">\
         <h1 class=\"review__title\">{title}</h1>{original}\
         <p class=\"review__meta\">Rated {rating}</p>\
         <dl class=\"fact-box\">{facts}</dl>\
         <div class=\"markdown\">{text}</div>\
         <p><a href=\"./\">All reviews</a></p>\
         </article></main></div>",
        site = escape(site_name),
        title = escape(heading),
        rating = escape(rating),
        text = to_html(&parse(&review.body), Spoilers::Conceal),
    )
}

/// schema.org `Review` of a `Movie`, as JSON safe inside a `<script>` element.
fn json_ld(review: &Review, site: &Site, url: &str) -> String {
    let people = |names: &[String]| -> Vec<serde_json::Value> {
        names.iter().map(|n| serde_json::json!({ "@type": "Person", "name": n })).collect()
    };
    let mut movie = serde_json::json!({
        "@type": "Movie",
        "name": review.title,
        "dateCreated": review.year.to_string(),
        "director": people(&review.directors),
        "genre": review.genres,
    });
    if !review.cast.is_empty() {
        movie["actor"] = people(&review.cast).into();
    }
    if let Some(minutes) = review.runtime_minutes {
        movie["duration"] = format!("PT{minutes}M").into();
    }
    if !review.countries.is_empty() {
        movie["countryOfOrigin"] =
            review.countries.iter().map(|c| serde_json::json!({ "@type": "Country", "name": c })).collect();
    }
    let mut doc = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Review",
        "url": url,
        "name": format!("{} ({})", review.title, review.year),
        "itemReviewed": movie,
        "reviewRating": { "@type": "Rating", "ratingValue": review.rating.stars(), "bestRating": 5, "worstRating": 0.5 },
        "reviewBody": review.excerpt(),
    });
    if let Some(author) = site.author.as_ref().or(site.title.as_ref()) {
        doc["author"] = serde_json::json!({ "@type": "Person", "name": author });
    }
    if let Some(date) = review.reviewed_on {
        doc["datePublished"] = date.to_string().into();
    }
    // `</script>` or `<!--` inside a string must not end the element early.
    doc.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}
