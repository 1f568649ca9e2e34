//! Stateful browser helpers, one `use_*` function per file (as leptos-use does).
pub mod use_page_meta;
pub mod use_yield;
