//! The reader's query lives in the URL: filters, sort and search are decoded
//! from the query string, and every change navigates, so links are shareable
//! and back/forward work.

use crate::base::Base;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use marquee_core::query::Query;
use marquee_core::url;

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
}

impl QueryState {
    /// Must be called inside the `<Router>`. `path` is where changes navigate:
    /// the grid (`""`) or the current review page.
    pub fn new(path: Signal<String>) -> QueryState {
        let location = use_location();
        let base = expect_context::<Base>();
        let navigate = use_navigate();
        let query = Memo::new(move |_| url::decode(&location.search.get()));
        let set = Callback::new(move |(q, history): (Query, History)| {
            let target = format!("{}{}", base.href(&path.get_untracked()), url::encode(&q));
            let options = NavigateOptions {
                resolve: false,
                replace: history == History::Replace,
                scroll: false,
                ..NavigateOptions::default()
            };
            navigate(&target, options);
        });
        QueryState { query, set }
    }

    /// Navigates to a new query.
    pub fn set(self, q: Query, history: History) {
        self.set.run((q.normalized(), history));
    }

    /// Changes the current query with `change`, as a new history entry.
    pub fn update(self, change: impl FnOnce(&mut Query)) {
        let mut q = self.query.get_untracked();
        change(&mut q);
        q.pick = None;
        self.set(q, History::Push);
    }

    /// The query string of the current query (`"?genre=drama"` or `""`), for links.
    pub fn search(self) -> String {
        url::encode(&self.query.get())
    }
}
