//! Stateful browser helpers, one `use_*` function per file (as leptos-use does).
pub mod use_page_meta;
pub mod use_scroll_restore;
pub mod use_stored_preference;
pub mod use_unique_id;
pub mod use_yield;
