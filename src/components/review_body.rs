//! A review's text: at hand, or fetched from its body chunk, with a placeholder meanwhile.

use crate::components::markdown_view::MarkdownView;
use crate::dataset::{fetch_body, Dataset};
use leptos::prelude::*;
use marquee_core::model::Body;
use marquee_core::Review;
use std::sync::Arc;

/// A review's text. From a single-file dataset, or a split one whose bodies
/// have all arrived, it is already there; otherwise (`marquee build`) it is
/// fetched from its body chunk, with a
/// placeholder meanwhile and, if that fails, the reason and a Retry button.
#[component]
pub fn ReviewBody(
    /// The dataset the review belongs to (it knows where the chunks are).
    dataset: Arc<Dataset>,
    /// The review whose text to show.
    review: Review,
    /// Its position in the dataset.
    index: usize,
) -> impl IntoView {
    let ready = crate::boot::use_ready();
    // Already here: a single-file dataset, or a split one whose bodies are in.
    if let Some(text) = dataset.engine.body(index) {
        ready();
        return view! { <MarkdownView source=text.to_string() /> }.into_any();
    }
    let id = review.id().to_string();
    let chunk = match review.body() {
        Body::InChunk(at) => at.chunk,
        Body::Inline(text) => {
            ready();
            return view! { <MarkdownView source=text.to_string() /> }.into_any();
        }
    };
    let body = LocalResource::new(move || fetch_body(dataset.clone(), chunk, id.clone()));
    let content = move || {
        Suspend::new(async move {
            let outcome = body.await;
            ready();
            match outcome {
                Ok(text) => view! { <MarkdownView source=text /> }.into_any(),
                Err(error) => view! {
                    <div class="review-body__failure" role="alert">
                        <p>{error.to_string()}</p>
                        <button class="button" type="button" on:click=move |_| body.refetch()>
                            "Retry"
                        </button>
                    </div>
                }
                .into_any(),
            }
        })
    };
    let placeholder = || {
        view! {
            <div class="review-body__loading" aria-busy="true">
                <p class="review-body__line"></p>
                <p class="review-body__line"></p>
                <p class="review-body__line review-body__line--short"></p>
            </div>
        }
    };
    view! { <Transition fallback=placeholder>{content}</Transition> }.into_any()
}
