//! "Surprise me": a random review among the current results.

use crate::components::review_card::ReviewCard;
use crate::dataset::Dataset;
use crate::query_state::{History, QueryState};
use leptos::prelude::*;
use marquee_core::engine::{Engine, Results};
use std::sync::Arc;

/// A fresh random seed.
fn new_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64
}

/// "Surprise me": picks a random review among the current results. The seed is
/// in the URL (`pick=…`), so a shared link shows the same pick.
#[component]
pub fn SurpriseButton(
    /// The query to change.
    state: QueryState,
    /// Whether there is anything to pick from.
    #[prop(into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let pick = move |_| {
        let mut q = state.query.get_untracked();
        q.pick = Some(new_seed());
        state.set(q, History::Push);
    };
    view! {
        <button class="button button--quiet" type="button" disabled=disabled on:click=pick>
            "Surprise me"
        </button>
    }
}

/// The picked review, shown above the grid while `pick` is in the URL.
#[component]
pub fn SurprisePick(
    /// The dataset.
    dataset: Arc<Dataset>,
    /// The current results, to pick from.
    results: Memo<Arc<Results>>,
    /// The query (holding the seed).
    state: QueryState,
) -> impl IntoView {
    let picked = move || {
        let seed = state.query.with(|q| q.pick)?;
        results.with(|r| Engine::pick(&r.order, seed))
    };
    let another = move |_| {
        let mut q = state.query.get_untracked();
        q.pick = Some(new_seed());
        state.set(q, History::Replace);
    };
    let close = move |_| state.update(|q| q.pick = None);
    move || {
        picked().map(|index| {
            let review = dataset.engine.reviews()[index as usize].clone();
            view! {
                <section class="surprise" aria-labelledby="surprise-title">
                    <div class="surprise__head">
                        <h2 class="surprise__title" id="surprise-title">
                            "Your surprise pick"
                        </h2>
                        <button class="link-button" type="button" on:click=another>
                            "Pick another"
                        </button>
                        <button class="link-button" type="button" on:click=close>
                            "Close"
                        </button>
                    </div>
                    <ReviewCard review search=Signal::derive(move || state.search()) />
                </section>
            }
        })
    }
}
