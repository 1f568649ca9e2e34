//! Entry point: installs the panic hook and mounts the app. Everything else lives in `lib.rs`.
fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        marquee_site::show_panic_panel();
    }));
    marquee_site::remove_prerendered();
    leptos::mount::mount_to_body(marquee_site::App);
    marquee_site::register_service_worker();
}
