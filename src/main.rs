//! Entry point: installs the panic hook, takes over the prerendered page (see
//! `boot.rs`) and registers the service worker. Everything else lives in `lib.rs`.
fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        marquee_site::show_panic_panel();
    }));
    marquee_site::boot::start();
    marquee_site::register_service_worker();
}
