//! Giving the main thread back between slices of work.

/// Resolves in a new task (a zero-delay timeout), so that whatever waits on it
/// runs after the browser has had the chance to paint and to answer input. The
/// app's boot yields between its steps (parse, engine, render) so that no task
/// is long; natively it returns at once.
///
/// ```ignore
/// leptos::task::spawn_local(async move {
///     yield_now().await;
///     heavy_step();
/// });
/// ```
pub async fn yield_now() {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}
