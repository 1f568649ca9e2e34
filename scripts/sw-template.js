// Marquee's service worker, written into the release build by scripts/post-build.mjs,
// which fills in VERSION (a hash of the build) and SHELL (the app's files).
// - The app shell and the card index are cached on install, so a repeat visit
//   works offline and paints from the cache.
// - Pages and the card index: the network first (so a new deploy shows at once),
//   the cache when offline or after NAVIGATION_TIMEOUT_MS.
// - Files whose names carry a content hash (code, styles, body chunks) never
//   change: the cache first, filled as they are fetched, so opened reviews stay readable offline.
// - A new deploy has a new VERSION: the new worker caches its shell, takes over,
//   and deletes the old caches.
const VERSION = '__VERSION__';
const SHELL = __SHELL__;
const CACHE = `marquee-${VERSION}`;
const NAVIGATION_TIMEOUT_MS = 3000;
const HASHED = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css|json|bin)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('marquee-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request, fallback) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch {
    // offline: fall through to the cache
  }
  const cached = (await cache.match(request, { ignoreSearch: request.mode === 'navigate' })) ?? (fallback && (await cache.match(fallback)));
  return cached ?? network;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Any page of the app can boot from the cached index.html.
    event.respondWith(networkFirst(request, new URL('./', self.registration.scope).href));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request, null));
  }
});
