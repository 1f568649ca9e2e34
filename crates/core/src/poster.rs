//! Posters that `marquee build` makes from a reviewer's own image files: which sizes exist,
//! what they are called, and the `srcset` that offers them. A generated poster is published
//! as `posters/<id>-<hash>.<ext>`, a name that stands for its four files
//! `posters/<id>-<hash>-<width>.<ext>`: the card size and the page size, each at 1× and 2×.
//! Remote posters (http(s)) and other relative paths are used as they are.

/// Where generated posters are published, under the site.
pub const DIR: &str = "posters/";
/// A poster is 2:3; heights follow from widths.
pub const RATIO: (u32, u32) = (2, 3);
/// CSS widths: the card's poster, and the review page's (at its widest).
pub const CARD_WIDTH: u32 = 92;
pub const PAGE_WIDTH: u32 = 160;
/// Every width made, in pixels: card 1×, card 2×, page 1×, page 2×.
pub const WIDTHS: [u32; 4] = [CARD_WIDTH, PAGE_WIDTH, 2 * CARD_WIDTH, 2 * PAGE_WIDTH];

/// Where a poster is shown, which decides the sizes offered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Place {
    #[default]
    Card,
    Page,
}

/// The image attributes for a generated poster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sources {
    /// The 1× image, for browsers without `srcset`.
    pub src: String,
    pub srcset: String,
    pub sizes: &'static str,
    pub width: u32,
    pub height: u32,
}

/// The height of a poster `width` pixels wide.
pub fn height(width: u32) -> u32 {
    width * RATIO.1 / RATIO.0
}

/// The published name of a generated poster: `posters/<id>-<hash>.<ext>`.
pub fn published(id: &str, hash: u32, ext: &str) -> String {
    format!("{DIR}{id}-{hash:08x}.{ext}")
}

/// The file of one width of a generated poster.
pub fn file(published: &str, width: u32) -> Option<String> {
    let (stem, ext) = generated(published)?;
    Some(format!("{stem}-{width}.{ext}"))
}

/// `(stem, ext)` when `poster` names a generated poster, `None` for any other URL or path.
pub fn generated(poster: &str) -> Option<(&str, &str)> {
    let rest = poster.strip_prefix(DIR)?;
    let (stem, ext) = rest.rsplit_once('.')?;
    let hash = stem.rsplit_once('-')?.1;
    let ok = matches!(ext, "jpg" | "webp")
        && hash.len() == 8
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
        && !stem.contains('/');
    ok.then(|| (&poster[..DIR.len() + stem.len()], ext))
}

/// The `src`, `srcset`, `sizes`, `width` and `height` of a generated poster in `place`, with
/// every URL under `base` (the site's path, ending in `/`).
pub fn sources(poster: &str, place: Place, base: &str) -> Option<Sources> {
    let (stem, ext) = generated(poster)?;
    let width = match place {
        Place::Card => CARD_WIDTH,
        Place::Page => PAGE_WIDTH,
    };
    let url = |w: u32| format!("{base}{stem}-{w}.{ext}");
    let srcset = [width, 2 * width].map(|w| format!("{} {w}w", url(w))).join(", ");
    let sizes = match place {
        Place::Card => "92px",
        // The page's poster is clamp(96px, 22vw, 160px) wide (style/routes/review.css).
        Place::Page => "(max-width: 436px) 96px, (max-width: 727px) 22vw, 160px",
    };
    Some(Sources { src: url(width), srcset, sizes, width, height: height(width) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_posters_are_recognised_by_their_name_only() {
        let name = published("rust-and-bone-2012", 0x1a2b_3c4d, "webp");
        assert_eq!(name, "posters/rust-and-bone-2012-1a2b3c4d.webp");
        assert_eq!(generated(&name), Some(("posters/rust-and-bone-2012-1a2b3c4d", "webp")));
        assert_eq!(file(&name, 184).as_deref(), Some("posters/rust-and-bone-2012-1a2b3c4d-184.webp"));
        for other in [
            "https://example.com/posters/a-1a2b3c4d.jpg",
            "posters/a-1a2b3c4.jpg",
            "posters/a-1a2b3c4z.jpg",
            "posters/a-1a2b3c4d.png",
            "posters/x/a-1a2b3c4d.jpg",
            "assets/a-1a2b3c4d.jpg",
        ] {
            assert_eq!(generated(other), None, "{other}");
        }
    }

    #[test]
    fn sources_offer_1x_and_2x_with_sizes_and_dimensions() {
        let card = sources("posters/heat-1995-00ff00ff.jpg", Place::Card, "/marquee/").unwrap();
        assert_eq!(card.src, "/marquee/posters/heat-1995-00ff00ff-92.jpg");
        assert_eq!(
            card.srcset,
            "/marquee/posters/heat-1995-00ff00ff-92.jpg 92w, /marquee/posters/heat-1995-00ff00ff-184.jpg 184w"
        );
        assert_eq!((card.width, card.height, card.sizes), (92, 138, "92px"));
        let page = sources("posters/heat-1995-00ff00ff.jpg", Place::Page, "/").unwrap();
        assert_eq!(page.srcset, "/posters/heat-1995-00ff00ff-160.jpg 160w, /posters/heat-1995-00ff00ff-320.jpg 320w");
        assert_eq!((page.width, page.height), (160, 240));
        assert_eq!(sources("https://example.com/p.jpg", Place::Card, "/"), None);
    }
}
