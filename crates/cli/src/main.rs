//! The `marquee` command-line tool.
fn main() {
    println!("marquee {}", env!("CARGO_PKG_VERSION"));
}
