//! Renders a review's Markdown as elements. The core has already parsed it into
//! a tree of known elements, so no dataset text ever reaches `inner_html`.

use crate::components::{disclosure::Disclosure, inline_spoiler::InlineSpoiler};
use leptos::prelude::*;
use marquee_core::markdown::{parse, Block, Inline};

/// Renders blocks.
pub fn blocks_view(blocks: &[Block]) -> AnyView {
    blocks.iter().map(block_view).collect_view().into_any()
}

fn block_view(block: &Block) -> AnyView {
    match block {
        Block::Paragraph(content) => view! { <p>{inlines_view(content)}</p> }.into_any(),
        Block::Heading { level: 2, content } => {
            view! { <h2 class="markdown__heading">{inlines_view(content)}</h2> }.into_any()
        }
        Block::Heading { content, .. } => {
            view! { <h3 class="markdown__heading">{inlines_view(content)}</h3> }.into_any()
        }
        Block::Quote(inner) => {
            view! { <blockquote class="markdown__quote">{blocks_view(inner)}</blockquote> }.into_any()
        }
        Block::List { ordered, items } => {
            let items = items.iter().map(|item| view! { <li>{inlines_view(item)}</li> }).collect_view();
            if *ordered {
                view! { <ol class="markdown__list">{items}</ol> }.into_any()
            } else {
                view! { <ul class="markdown__list">{items}</ul> }.into_any()
            }
        }
        Block::Spoiler { label, blocks } => {
            let what = match label {
                Some(label) => format!("spoiler: {label}"),
                None => "spoiler".to_string(),
            };
            let blocks = blocks.clone();
            view! { <Disclosure what>{blocks_view(&blocks)}</Disclosure> }.into_any()
        }
    }
}

/// Renders inline spans.
pub fn inlines_view(nodes: &[Inline]) -> AnyView {
    nodes.iter().map(inline_view).collect_view().into_any()
}

fn inline_view(node: &Inline) -> AnyView {
    match node {
        Inline::Text(text) => text.clone().into_any(),
        Inline::Emphasis(inner) => view! { <em>{inlines_view(inner)}</em> }.into_any(),
        Inline::Strong(inner) => view! { <strong>{inlines_view(inner)}</strong> }.into_any(),
        // Only http(s) URLs reach here (the parser drops any other link).
        Inline::Link { href, content } => view! {
            <a class="markdown__link" href=href.clone() target="_blank" rel="noopener noreferrer nofollow">
                {inlines_view(content)}
            </a>
        }
        .into_any(),
        Inline::Spoiler(inner) => {
            let inner = inner.clone();
            view! { <InlineSpoiler>{inlines_view(&inner)}</InlineSpoiler> }.into_any()
        }
    }
}

/// A review body, from Markdown.
#[component]
pub fn MarkdownView(
    /// The Markdown source.
    #[prop(into)]
    source: String,
) -> impl IntoView {
    let blocks = parse(&source);
    view! { <div class="markdown">{blocks_view(&blocks)}</div> }
}
