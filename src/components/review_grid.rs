//! The results grid, windowed: only the rows near the viewport are in the DOM,
//! so 10,000 reviews cost no more to render than 50.
//!
//! Every card has the same height (`--card-height` in `style/base.css`), so the row
//! of any result is known without measuring cards. The grid's total height is
//! set from the row count, and the rendered rows are shifted into place. These
//! two computed lengths are the only styles set from code, and only once the
//! grid is in the page: the first render, prerendered by `marquee build` and
//! drawn again by the app, is the first [`FIRST_CARDS`] cards in plain flow,
//! enough to fill the first screen at any width, with no inline style (the
//! Content-Security-Policy forbids style attributes).

use crate::components::poster_card::PosterCard;
use crate::components::review_card::ReviewCard;
use crate::dataset::Dataset;
use leptos::html::Div;
use leptos::prelude::*;
use std::sync::Arc;

/// A card's height in CSS pixels: `--card-height` in `style/base.css` (a test checks).
pub const CARD_PX: f64 = 216.0;
/// Gap between cards: `--grid-gap`.
pub const GAP_PX: f64 = 16.0;
/// Row height including the gap.
pub const ROW_PX: f64 = CARD_PX + GAP_PX;
/// The narrowest a card may be (`--card-min-width`); the grid fits as many columns as this allows.
pub const MIN_CARD_PX: f64 = 300.0;
/// The narrowest a poster tile may be (`--poster-min-width`): two columns on a phone, six on a laptop.
pub const MIN_POSTER_PX: f64 = 128.0;
/// The caption under each poster (`--poster-caption`).
pub const CAPTION_PX: f64 = 52.0;

/// How the grid lays its items out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Review cards of a fixed height.
    #[default]
    Cards,
    /// Posters (2:3, as wide as the column) over a caption: the row follows the width.
    Posters,
}

impl Layout {
    fn min_width(self) -> f64 {
        match self {
            Layout::Cards => MIN_CARD_PX,
            Layout::Posters => MIN_POSTER_PX,
        }
    }

    /// A row's height with its gap, in whole pixels (posters are fitted to it), for items
    /// `item_width` wide.
    fn row(self, item_width: f64) -> u32 {
        match self {
            Layout::Cards => ROW_PX as u32,
            Layout::Posters => (item_width * 1.5 + CAPTION_PX + GAP_PX).round() as u32,
        }
    }
}
/// Cards whose posters load at once rather than lazily: the first screen of a wide window.
pub const EAGER_CARDS: usize = 6;
/// Rows rendered beyond the viewport on each side, so scrolling never shows a gap.
pub const BUFFER_ROWS: usize = 2;
/// Cards rendered before the first measurement (and prerendered): more than
/// the first screen holds at any width, so measuring only removes cards below it.
pub const FIRST_CARDS: usize = 24;
/// While the app takes over a prerendered page, the first cards are built this
/// many per task (see `boot.rs`), so that no task is long.
const CARDS_PER_SLICE: usize = 6;
/// The cards of the takeover's first slice: fewer, as that task also sets the grid
/// up and runs the card's code for the first time (compiling it, in the browser).
const FIRST_SLICE: usize = 2;

/// Which rows are in the DOM, how many columns there are, and how tall a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub columns: usize,
    pub first_row: usize,
    pub end_row: usize,
    /// A row's height with its gap, in whole pixels.
    pub row_px: u32,
    /// How many of the rows are buffer above and below the viewport.
    pub buffer: (usize, usize),
}

impl Window {
    /// The window before any measurement: the first rows, in plain flow.
    fn first(end_row: usize) -> Window {
        Window { columns: 1, first_row: 0, end_row, row_px: ROW_PX as u32, buffer: (0, 0) }
    }

    /// The window for a grid `width` wide whose top is `top` pixels from the
    /// top of a viewport `viewport` pixels high (negative once scrolled past).
    pub fn measure(width: f64, top: f64, viewport: f64, layout: Layout) -> Window {
        let columns = ((width + GAP_PX) / (layout.min_width() + GAP_PX)).floor().max(1.0) as usize;
        let item = (width - GAP_PX * (columns as f64 - 1.0)) / columns as f64;
        let row_px = layout.row(item).max(1);
        let row = f64::from(row_px);
        let first_visible = (-top / row).floor().max(0.0) as usize;
        let end_visible = ((viewport - top) / row).ceil().max(0.0) as usize;
        let first_row = first_visible.saturating_sub(BUFFER_ROWS);
        Window {
            columns,
            first_row,
            end_row: end_visible + BUFFER_ROWS,
            row_px,
            buffer: (first_visible - first_row, BUFFER_ROWS),
        }
    }

    /// The positions (in the result order) of the cards to render.
    pub fn items(&self, total: usize) -> std::ops::Range<usize> {
        self.rows(self.first_row, self.end_row, total)
    }

    /// The positions of the cards on screen, without the buffer rows: what new results
    /// draw first, so that a keystroke builds only the cards a reader can see.
    pub fn items_on_screen(&self, total: usize) -> std::ops::Range<usize> {
        let (above, below) = self.buffer;
        self.rows(self.first_row + above, self.end_row.saturating_sub(below), total)
    }

    fn rows(&self, first_row: usize, end_row: usize, total: usize) -> std::ops::Range<usize> {
        let start = (first_row * self.columns).min(total);
        let end = (end_row * self.columns).min(total);
        start..end.max(start)
    }

    /// The grid's full height for `total` results, in whole pixels.
    pub fn height(&self, total: usize) -> u32 {
        let rows = total.div_ceil(self.columns) as u32;
        (rows * self.row_px).saturating_sub(GAP_PX as u32)
    }

    /// How far down the rendered rows start, in whole pixels.
    pub fn offset(&self) -> u32 {
        self.first_row as u32 * self.row_px
    }
}

/// The grid of review cards for a list of results.
#[component]
pub fn ReviewGrid(
    /// The dataset the results index into.
    dataset: Arc<Dataset>,
    /// The results, in order, as indices into the dataset's reviews.
    #[prop(into)]
    order: Signal<Arc<Vec<u32>>>,
    /// The current query string, carried by each card's link.
    #[prop(into)]
    search: Signal<String>,
    /// The search text, highlighted in the cards.
    #[prop(into)]
    highlight: Signal<String>,
    /// Cards, or the poster wall.
    #[prop(into, optional)]
    layout: Signal<Layout>,
) -> impl IntoView {
    // A layout derived from the whole query changes with every keystroke as far as the grid
    // can tell, and a change of layout rebuilds every card: the grid follows this instead,
    // which changes only when the layout does.
    let posters = Memo::new(move |_| layout.get() == Layout::Posters);
    let grid = NodeRef::<Div>::new();
    let rows = NodeRef::<Div>::new();
    let window = RwSignal::new(Window::first(FIRST_CARDS));
    if let Some(done) = crate::boot::hold() {
        window.update(|w| w.end_row = FIRST_SLICE);
        leptos::task::spawn_local(async move {
            for end in (FIRST_SLICE + CARDS_PER_SLICE..FIRST_CARDS).step_by(CARDS_PER_SLICE).chain([FIRST_CARDS]) {
                crate::hooks::use_yield::yield_now().await;
                if window.try_update(|w| w.end_row = end).is_none() {
                    break;
                }
            }
            // The prerendered grid on screen has this one's place and width: measured
            // now, the twin arrives with its final window, and the swap lays it out once.
            #[cfg(target_arch = "wasm32")]
            {
                crate::hooks::use_yield::yield_now().await;
                if let Some(on_screen) = prerendered_grid() {
                    set_window(window, measure_now(&on_screen, layout.get_untracked()));
                }
            }
            done();
        });
    }
    #[cfg(target_arch = "wasm32")]
    {
        // Frames and events can come after the grid has gone (results emptied by a
        // keystroke, or a navigation): then they do nothing.
        let measure = move || {
            let Some(el) = grid.try_get_untracked().flatten() else { return };
            // Rendered off-page (while the app takes over a prerendered page): measure once in.
            if !el.is_connected() {
                request_animation_frame(measure_later(grid, window, layout));
                return;
            }
            set_window(window, measure_now(&el, layout.get_untracked()));
        };
        let scroll = window_event_listener(leptos::ev::scroll, move |_| measure());
        let resize = window_event_listener(leptos::ev::resize, move |_| measure());
        on_cleanup(move || {
            scroll.remove();
            resize.remove();
        });
        // Measure once the grid is in the page, and again whenever the results change.
        Effect::new(move |_| {
            order.track();
            posters.track();
            if grid.get().is_some() {
                request_animation_frame(measure);
            }
        });
        // The two computed lengths, set through the CSSOM (allowed by the CSP), as
        // integers: formatting a float would bring its machinery into the bundle.
        Effect::new(move |_| {
            let w = window.get();
            let total = order.with(|o| o.len());
            if let (Some(el), Some(inner), true) = (grid.get(), rows.get(), w.columns > 0) {
                let _ = web_sys::HtmlElement::style(&el).set_property("height", &format!("{}px", w.height(total)));
                let style = web_sys::HtmlElement::style(&inner);
                let _ = style.set_property("transform", &format!("translateY({}px)", w.offset()));
                // Rows exactly as tall as the window counts them (posters fit the row).
                let _ = style.set_property("grid-auto-rows", &format!("{}px", w.row_px.saturating_sub(GAP_PX as u32)));
            }
        });
    }

    // New results draw the cards on screen at once and the buffer rows in a task of their
    // own (a keystroke's frame builds only what a reader sees): `buffered` names the results
    // whose buffer rows are in.
    let buffered = RwSignal::new(0usize);
    // Each visible card with its place in the results: the first screen's posters load at once.
    let visible = move || {
        let w = window.get();
        order.with(|order| {
            let id = Arc::as_ptr(order) as usize;
            let (all, on_screen) = (w.items(order.len()), w.items_on_screen(order.len()));
            let range = if all == on_screen || buffered.get() == id {
                all
            } else {
                set_timeout(
                    move || {
                        buffered.try_set(id);
                    },
                    std::time::Duration::ZERO,
                );
                on_screen
            };
            let start = range.start;
            order[range].iter().enumerate().map(|(i, &index)| (start + i, index)).collect::<Vec<_>>()
        })
    };
    let card = move |(at, index): (usize, u32)| {
        let review = dataset.engine.reviews()[index as usize].clone();
        let eager = at < EAGER_CARDS;
        match layout.get_untracked() {
            Layout::Cards => view! { <ReviewCard review search highlight eager /> }.into_any(),
            Layout::Posters => view! { <PosterCard review search eager /> }.into_any(),
        }
    };
    view! {
        <div class="review-grid" node_ref=grid>
            <div class="review-grid__window" class:review-grid__window--posters=posters node_ref=rows>
                {move || {
                    posters.track();
                    view! { <For each=visible key=|(_, index)| *index children=card.clone() /> }
                }}
            </div>
        </div>
    }
}

/// The window for the grid as it now stands in the page.
#[cfg(target_arch = "wasm32")]
fn measure_now(el: &web_sys::HtmlDivElement, layout: Layout) -> Window {
    let viewport = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(800.0);
    Window::measure(f64::from(el.client_width()), el.get_bounding_client_rect().top(), viewport, layout)
}

/// The grid of the prerendered page that the app is taking over (the app's own
/// twin is not in the document yet), if it is on screen.
#[cfg(target_arch = "wasm32")]
fn prerendered_grid() -> Option<web_sys::HtmlDivElement> {
    use wasm_bindgen::JsCast;
    let grid = web_sys::window()?.document()?.query_selector(".review-grid").ok()??;
    let grid = grid.dyn_into::<web_sys::HtmlDivElement>().ok()?;
    (grid.is_connected() && grid.client_width() > 0).then_some(grid)
}

/// Changes the window only when it differs, so that scrolling within a row renders nothing.
#[cfg(target_arch = "wasm32")]
fn set_window(window: RwSignal<Window>, next: Window) {
    if window.try_get_untracked().is_some_and(|now| now != next) {
        window.try_set(next);
    }
}

/// A measurement on a later frame, for a grid not yet in the page.
#[cfg(target_arch = "wasm32")]
fn measure_later(grid: NodeRef<Div>, window: RwSignal<Window>, layout: Signal<Layout>) -> impl FnOnce() + 'static {
    move || {
        let Some(el) = grid.try_get_untracked().flatten() else { return };
        if el.is_connected() {
            set_window(window, measure_now(&el, layout.get_untracked()));
        } else {
            request_animation_frame(measure_later(grid, window, layout));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn columns_follow_css_auto_fill() {
        assert_eq!(Window::measure(300.0, 0.0, 800.0, Layout::Cards).columns, 1);
        assert_eq!(Window::measure(615.0, 0.0, 800.0, Layout::Cards).columns, 1);
        assert_eq!(Window::measure(616.0, 0.0, 800.0, Layout::Cards).columns, 2);
        assert_eq!(Window::measure(1200.0, 0.0, 800.0, Layout::Cards).columns, 3);
        assert_eq!(Window::measure(100.0, 0.0, 800.0, Layout::Cards).columns, 1, "never zero columns");
    }

    #[wasm_bindgen_test]
    fn only_rows_near_the_viewport_are_rendered() {
        // 3 columns, scrolled 100 rows down, a viewport of 4 rows.
        let w = Window::measure(1200.0, -100.0 * ROW_PX, 4.0 * ROW_PX, Layout::Cards);
        assert_eq!((w.first_row, w.end_row), (98, 106));
        assert_eq!(w.items(10_000), 294..318);
        assert_eq!(w.items(300), 294..300, "clipped at the end");
        assert_eq!(w.items(10), 10..10, "nothing when scrolled past the end");
        assert_eq!(w.height(10_000), (3334.0 * ROW_PX - GAP_PX) as u32);
        assert_eq!(w.height(0), 0);
        assert_eq!(w.offset(), w.first_row as u32 * ROW_PX as u32);
    }

    #[wasm_bindgen_test]
    fn new_results_draw_the_rows_on_screen_first() {
        // Scrolled 100 rows down: two buffer rows on each side of the four on screen.
        let w = Window::measure(1200.0, -100.0 * ROW_PX, 4.0 * ROW_PX, Layout::Cards);
        assert_eq!(w.items_on_screen(10_000), 300..312);
        // At the top there is nothing above to buffer.
        let top = Window::measure(1200.0, 0.0, 4.0 * ROW_PX, Layout::Cards);
        assert_eq!((top.items(10_000), top.items_on_screen(10_000)), (0..18, 0..12));
        assert_eq!(top.items_on_screen(5), 0..5);
        // Before any measurement, every card drawn is on the first screen.
        assert_eq!(Window::first(FIRST_CARDS).items_on_screen(100), 0..FIRST_CARDS);
    }

    /// The value in pixels of a custom property in `:root` of style/base.css.
    fn css_px(name: &str) -> f64 {
        let css = include_str!("../../style/base.css");
        let at = css.find(&format!("{name}:")).unwrap_or_else(|| panic!("{name} is not in base.css"));
        let value = css[at + name.len() + 1..].split(';').next().unwrap_or_default().trim();
        value.strip_suffix("px").and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{name}: {value} is not in px"))
    }

    #[wasm_bindgen_test]
    fn the_grid_geometry_is_the_stylesheets() {
        assert_eq!(css_px("--card-height"), CARD_PX);
        assert_eq!(css_px("--grid-gap"), GAP_PX);
        assert_eq!(css_px("--card-min-width"), MIN_CARD_PX);
    }
}
