//! Where the site is served from: `/` locally, `/marquee/` (or any repository
//! name) on GitHub Pages. Trunk writes the public URL into `<base href>`, so the
//! app reads it from `document.baseURI` at start-up and builds every link from it.

/// The site's base path, always starting and ending with `/` (`"/"`, `"/marquee/"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Base {
    path: &'static str,
}

impl Base {
    /// A base from a path; a missing leading or trailing slash is added.
    pub fn new(path: &str) -> Base {
        let trimmed = path.trim_matches('/');
        let path = if trimmed.is_empty() { "/".to_string() } else { format!("/{trimmed}/") };
        // Leaked once per app start: a 'static str keeps Base `Copy` for signals and closures.
        Base { path: Box::leak(path.into_boxed_str()) }
    }

    /// Reads the base from the document's `<base href>`, falling back to `/`.
    pub fn from_document() -> Base {
        let path = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|url| url.pathname())
            .unwrap_or_default();
        Base::new(&path)
    }

    /// The base path, e.g. `"/marquee/"`.
    pub fn path(self) -> &'static str {
        self.path
    }

    /// What `<Router base>` wants: the base without its trailing slash (`""` at the root).
    pub fn router_base(self) -> String {
        self.path.trim_end_matches('/').to_string()
    }

    /// A link inside the site: `href("reviews/x")` is `"/marquee/reviews/x"`.
    pub fn href(self, relative: &str) -> String {
        format!("{}{}", self.path, relative.trim_start_matches('/'))
    }

    /// The page of one review.
    pub fn review(self, id: &str) -> String {
        self.href(&format!("reviews/{id}"))
    }
}

#[cfg(test)]
mod tests {
    use super::Base;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn normalises_slashes() {
        assert_eq!(Base::new("").path(), "/");
        assert_eq!(Base::new("/").path(), "/");
        assert_eq!(Base::new("/marquee").path(), "/marquee/");
        assert_eq!(Base::new("marquee/").router_base(), "/marquee");
        assert_eq!(Base::new("/").router_base(), "");
        assert_eq!(Base::new("/marquee/").review("a-b"), "/marquee/reviews/a-b");
        assert_eq!(Base::new("/").href("/assets/x.json"), "/assets/x.json");
    }
}
