//! The reader's query lives in the URL: filters, sort and search are decoded
//! from the query string, and every change navigates, so links are shareable
//! and back/forward work.
//!
//! Typing is the exception. Results follow every keystroke at once, from a
//! draft of the query kept here, but the URL catches up only after a pause
//! ([`TYPING_PAUSE`]), on Enter, or when another filter changes: a burst of
//! typing writes history a handful of times, never once per key (WebKit throws
//! after 100 `replaceState` calls in 30 seconds). A new search is one history
//! entry; the keystrokes that refine it replace it.

use crate::base::Base;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use marquee_core::query::Query;
use marquee_core::url;

/// How long typing must pause before the URL follows the search box.
pub const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// How a query change enters the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// A new entry: back returns to the previous state.
    Push,
    /// Replaces the current entry: used while typing, so keystrokes do not flood the history.
    Replace,
}

/// The current query and a way to change it.
#[derive(Clone, Copy)]
pub struct QueryState {
    pub query: Memo<Query>,
    set: Callback<(Query, History)>,
    /// What the reader has typed and the URL does not show yet, and how it will enter the history.
    draft: RwSignal<Option<(Query, History)>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl QueryState {
    /// Must be called inside the `<Router>`. `path` is where changes navigate:
    /// the grid (`""`) or the current review page.
    pub fn new(path: Signal<String>) -> QueryState {
        let location = use_location();
        let base = expect_context::<Base>();
        let navigate = use_navigate();
        let draft = RwSignal::new(None::<(Query, History)>);
        // The query this state last navigated to, to tell its own navigations from back/forward.
        let committed = StoredValue::new(None::<Query>);
        let timer = StoredValue::new(None::<TimeoutHandle>);
        // A pause timer never outlives the page that set it.
        on_cleanup(move || cancel(timer));
        let in_url = Memo::new(move |_| url::decode(&location.search.get()));
        let query =
            Memo::new(move |_| draft.with(|d| d.as_ref().map(|(q, _)| q.clone())).unwrap_or_else(|| in_url.get()));
        let set = Callback::new(move |(q, history): (Query, History)| {
            let target = format!("{}{}", base.href(&path.get_untracked()), url::encode(&q));
            let here = location.pathname.get_untracked() == base.href(&path.get_untracked());
            committed.set_value(Some(q.clone()));
            // Nothing to write when the URL already says it.
            if here && in_url.with_untracked(|now| *now == q) {
                return;
            }
            let options = NavigateOptions {
                resolve: false,
                replace: history == History::Replace,
                scroll: false,
                ..NavigateOptions::default()
            };
            navigate(&target, options);
        });
        // The URL changed: by this state's own navigation (the draft ends once the URL
        // shows it, unless the reader has typed on since), or by back/forward (it ends).
        Effect::new(move |_| {
            let now = in_url.get();
            let ours = committed.get_value().as_ref() == Some(&now);
            let caught_up = draft.with_untracked(|d| d.as_ref().is_some_and(|(q, _)| q.clone().normalized() == now));
            if caught_up || (!ours && draft.with_untracked(Option::is_some)) {
                if !caught_up {
                    cancel(timer);
                }
                draft.set(None);
            }
        });
        QueryState { query, set, draft, timer }
    }

    /// Navigates to a new query.
    pub fn set(self, q: Query, history: History) {
        cancel(self.timer);
        self.set.run((q.normalized(), history));
    }

    /// Changes the current query with `change`, as a new history entry.
    pub fn update(self, change: impl FnOnce(&mut Query)) {
        let mut q = self.query.get_untracked();
        change(&mut q);
        q.pick = None;
        self.set(q, History::Push);
    }

    /// Changes the query as the reader types into a field: the results follow
    /// at once, the URL after [`TYPING_PAUSE`]. `starts_entry` says whether this
    /// begins a new search (one history entry) rather than refining the current one.
    pub fn type_into(self, change: impl FnOnce(&mut Query), starts_entry: bool) {
        let mut q = self.query.get_untracked();
        change(&mut q);
        q.pick = None;
        let history = self.draft.with_untracked(|d| d.as_ref().map(|(_, h)| *h)).unwrap_or(if starts_entry {
            History::Push
        } else {
            History::Replace
        });
        self.draft.set(Some((q, history)));
        cancel(self.timer);
        #[cfg(target_arch = "wasm32")]
        self.timer.set_value(set_timeout_with_handle(move || self.commit(), TYPING_PAUSE).ok());
    }

    /// Writes what the reader has typed into the URL now (on Enter, or after the pause).
    /// After the page has gone (a pause timer that outlived it), it does nothing.
    pub fn commit(self) {
        if let Some((q, history)) = self.draft.try_get_untracked().flatten() {
            self.set(q, history);
        }
    }

    /// The query string of the current query (`"?genre=drama"` or `""`), for links.
    pub fn search(self) -> String {
        url::encode(&self.query.get())
    }
}

fn cancel(timer: StoredValue<Option<TimeoutHandle>>) {
    if let Some(handle) = timer.try_update_value(Option::take).flatten() {
        handle.clear();
    }
}
