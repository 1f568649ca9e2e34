//! Reusable components, one per file.
pub mod critic_rating;
pub mod load_failure;
pub mod review_card;
pub mod site_header;
pub mod skeleton_grid;
