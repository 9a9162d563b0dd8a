//! The dev server's HTTP side: the site from memory, live reload, status.
//!
//! Every request first passes [`hosts::only_our_names`]: one whose `Host`
//! is not a name of this server gets 421, whatever it asks for, so a page
//! that rebinds its own domain to 127.0.0.1 reads nothing. Only GET and HEAD
//! are answered. A request path is percent-decoded and
//! looked up in the in-memory site; a path with a `.` or `..` segment, a
//! backslash or a NUL is 404 before any lookup, and nothing on disk is ever
//! read for a request, so no path (nor symbolic link) outside the site can be
//! served, and there is no directory listing. HTML pages get the live-reload
//! script; the event stream answers only pages whose Origin is one of the
//! server's own names on its port.

use std::convert::Infallible;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use percent_encoding::percent_decode_str;
use serde::Serialize;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use super::hosts::{self, AllowedHosts};
use super::site::Files;
use crate::diagnostics::Located;

/// The script every served HTML page loads, placed before `</body>`.
pub const LIVE_TAG: &str = "<script src=\"/__tier0/live.js\"></script>";
const LIVE_JS: &str = include_str!("live.js");

/// What the server currently serves.
#[derive(Debug, Default, Clone)]
pub struct Served {
    /// Pages and other files of the last good build.
    pub pages: Arc<Files>,
    /// Files of the search index and the help widget, replaced when a
    /// background rebuild finishes.
    pub search: Arc<Files>,
    /// Number of the last good build.
    pub generation: u64,
    /// The last build whose search index and widget were made, into
    /// `search`, or failed to be (`search` then holds the last ones made).
    pub search_generation: u64,
    /// Problems of the last rebuild, when it failed.
    pub errors: Option<Arc<Vec<Located>>>,
    /// Errors of the content files the served build left out (a lenient
    /// build publishes the rest).
    pub left_out: Option<Arc<Vec<Located>>>,
    /// What the last good rebuild rendered again: `articles`, `listings`
    /// or `everything` (for tests and the curious).
    pub rebuilt: &'static str,
    /// How many pages the last good rebuild rendered again, unless it
    /// rebuilt everything.
    pub rendered: Option<usize>,
}

/// What pages are told about rebuilds.
#[derive(Debug, Clone)]
pub enum LiveEvent {
    /// The site changed: reload.
    Reload,
    /// The last rebuild failed: show these problems.
    Failed(Arc<Vec<Located>>),
    /// The site was rebuilt without the files these errors are in.
    LeftOut(Arc<Vec<Located>>),
}

/// State shared by the HTTP handlers and the rebuild loop.
pub struct Shared {
    /// What is served.
    pub served: RwLock<Served>,
    /// Live-reload events.
    pub events: broadcast::Sender<LiveEvent>,
    /// The names requests must give in `Host`, and pages in `Origin`.
    pub hosts: AllowedHosts,
}

impl Shared {
    /// A server answering to `hosts`, with nothing built yet.
    pub fn new(hosts: AllowedHosts) -> Arc<Self> {
        Arc::new(Self {
            served: RwLock::new(Served::default()),
            events: broadcast::channel(16).0,
            hosts,
        })
    }

    /// A copy of what is served now.
    pub fn snapshot(&self) -> Served {
        self.served
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Changes what is served.
    pub fn update(&self, change: impl FnOnce(&mut Served)) {
        change(
            &mut self
                .served
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
    }
}

/// The routes of the dev server.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/__tier0/events", get(events))
        .route("/__tier0/live.js", get(live_js))
        .route("/__tier0/status", get(status))
        .fallback(site_file)
        .layer(axum::middleware::from_fn_with_state(
            shared.clone(),
            hosts::only_our_names,
        ))
        .with_state(shared)
}

/// The output path that request path `raw` names, or `None` for a path that
/// must not be served.
pub fn site_path(raw: &str) -> Option<String> {
    let decoded = percent_decode_str(raw).decode_utf8().ok()?;
    let rest = decoded.strip_prefix('/')?;
    let mut parts = Vec::new();
    for part in rest.split('/') {
        if part == "." || part == ".." || part.contains(['\\', '\0']) {
            return None;
        }
        parts.push(part);
    }
    Some(parts.join("/"))
}

/// The file at `path`: itself, or the `index.html` of the folder it names.
/// Under `search/` the index files come first, then the pages (the results
/// page is `search/index.html`); the widget's files are with the index's.
fn lookup(served: &Served, path: &str) -> Option<(String, Arc<[u8]>)> {
    let sets = if in_search(path) {
        vec![&served.search, &served.pages]
    } else {
        vec![&served.pages]
    };
    let candidates = if path.is_empty() || path.ends_with('/') {
        vec![format!("{path}index.html")]
    } else {
        vec![path.to_owned(), format!("{path}/index.html")]
    };
    sets.into_iter().find_map(|files| {
        candidates
            .iter()
            .find_map(|c| files.get(c).map(|bytes| (c.clone(), bytes.clone())))
    })
}

/// Whether `path` is made with the search index, in the background.
fn in_search(path: &str) -> bool {
    path.strip_prefix(crate::output_paths::SEARCH_DIR)
        .is_some_and(|rest| rest.starts_with('/'))
        || crate::render::widget::is_widget_file(path)
}

/// Longest a request for a file of the search index or the help widget
/// waits for the one being made.
const SEARCH_WAIT: Duration = Duration::from_secs(30);

/// What is served once the search index and the help widget of the last
/// good build are (or none is coming: no build yet and the first failed),
/// waiting at most [`SEARCH_WAIT`]: a page that loads `widget.js` as the
/// server starts, or a preview of the build just made, gets it rather
/// than a 404.
async fn with_search(shared: &Shared) -> Served {
    let started = tokio::time::Instant::now();
    loop {
        let served = shared.snapshot();
        let pending = served.search_generation < served.generation
            || (served.generation == 0 && served.errors.is_none());
        if !pending || started.elapsed() >= SEARCH_WAIT {
            return served;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn site_file(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = StatusCode::METHOD_NOT_ALLOWED.into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let mut served = shared.snapshot();
    let path = site_path(uri.path());
    let mut found = path.as_deref().and_then(|path| lookup(&served, path));
    if found.is_none() && path.as_deref().is_some_and(in_search) {
        served = with_search(&shared).await;
        found = path.as_deref().and_then(|path| lookup(&served, path));
    }
    let (status, path, bytes) = match found {
        Some((path, bytes)) => (StatusCode::OK, path, bytes),
        None => match served.pages.get("404.html") {
            Some(bytes) => (StatusCode::NOT_FOUND, "404.html".to_owned(), bytes.clone()),
            None => (
                StatusCode::NOT_FOUND,
                "404.html".to_owned(),
                Arc::from(empty_page().into_bytes()),
            ),
        },
    };
    let body = if path.ends_with(".html") {
        inject_live_reload(&bytes)
    } else {
        bytes.to_vec()
    };
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    let length = body.len();
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(body)
    };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(mime.essence_str()) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// Served while no build has succeeded yet: just enough for the overlay.
fn empty_page() -> String {
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>tier0</title></head><body></body></html>".to_owned()
}

/// `html` with the live-reload script before its last `</body>`.
fn inject_live_reload(html: &[u8]) -> Vec<u8> {
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + LIVE_TAG.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(LIVE_TAG.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// Whether a request comes from a page of this server (or from no page at all).
fn same_origin(headers: &HeaderMap, hosts: &AllowedHosts) -> bool {
    let header = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    if let Some(site) = header(header::HeaderName::from_static("sec-fetch-site"))
        && site != "same-origin"
        && site != "none"
    {
        return false;
    }
    header(header::ORIGIN).is_none_or(|origin| hosts.admits_origin(origin))
}

async fn events(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    if !same_origin(&headers, &shared.hosts) {
        return (
            StatusCode::FORBIDDEN,
            "live reload is only for pages of this server",
        )
            .into_response();
    }
    let updates = BroadcastStream::new(shared.events.subscribe()).filter_map(Result::ok);
    let served = shared.snapshot();
    let current = served
        .errors
        .map(LiveEvent::Failed)
        .or(served.left_out.map(LiveEvent::LeftOut));
    let stream = tokio_stream::iter(current)
        .chain(updates)
        .map(|event| Ok::<_, Infallible>(sse_event(&event)));
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

fn sse_event(event: &LiveEvent) -> Event {
    match event {
        LiveEvent::Reload => Event::default().event("reload").data("{}"),
        LiveEvent::Failed(errors) => problems("build-error", errors),
        LiveEvent::LeftOut(errors) => problems("left-out", errors),
    }
}

/// An event named `name` carrying `errors` as JSON.
fn problems(name: &'static str, errors: &[Located]) -> Event {
    let json = serde_json::to_string(errors).unwrap_or_else(|_| "[]".to_owned());
    Event::default().event(name).data(json)
}

async fn live_js() -> Response {
    let mut response = LIVE_JS.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript"),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[derive(Serialize)]
struct Status {
    generation: u64,
    search_generation: u64,
    files: usize,
    errors: Option<Vec<Located>>,
    left_out: Option<Vec<Located>>,
    rebuilt: &'static str,
    rendered: Option<usize>,
}

async fn status(State(shared): State<Arc<Shared>>) -> Response {
    let served = shared.snapshot();
    axum::Json(Status {
        generation: served.generation,
        search_generation: served.search_generation,
        files: served.pages.len() + served.search.len(),
        errors: served.errors.map(|e| e.as_ref().clone()),
        left_out: served.left_out.map(|e| e.as_ref().clone()),
        rebuilt: served.rebuilt,
        rendered: served.rendered,
    })
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_never_leave_the_site() {
        assert_eq!(site_path("/").as_deref(), Some(""));
        assert_eq!(site_path("/red/wifi/").as_deref(), Some("red/wifi/"));
        assert_eq!(site_path("/caf%C3%A9.png").as_deref(), Some("café.png"));
        for bad in [
            "/../tier0.yaml",
            "/%2e%2e/tier0.yaml",
            "/%2E%2E/x",
            "/red/../../x",
            "/..%5cx",
            "/a/./b",
            "/a%00b",
            "x",
            "/%ff",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn live_reload_goes_before_the_last_body_end() {
        let html = b"<html><body>x</body></html>";
        let injected = String::from_utf8(inject_live_reload(html)).unwrap();
        assert_eq!(injected, format!("<html><body>x{LIVE_TAG}</body></html>"));
    }

    #[test]
    fn only_pages_of_our_names_may_subscribe() {
        let hosts = AllowedHosts::new(std::net::Ipv4Addr::LOCALHOST.into(), 1111, &[]);
        let headers = |pairs: &[(&'static str, &'static str)]| {
            let mut h = HeaderMap::new();
            for (k, v) in pairs {
                h.insert(*k, HeaderValue::from_static(v));
            }
            h
        };
        assert!(same_origin(&headers(&[("host", "127.0.0.1:1111")]), &hosts));
        assert!(same_origin(
            &headers(&[
                ("host", "127.0.0.1:1111"),
                ("origin", "http://localhost:1111"),
                ("sec-fetch-site", "same-origin")
            ]),
            &hosts
        ));
        assert!(!same_origin(
            &headers(&[
                ("host", "127.0.0.1:1111"),
                ("origin", "http://evil.example")
            ]),
            &hosts
        ));
        // A rebound page's Origin matches the Host it sends: still not ours.
        assert!(!same_origin(
            &headers(&[
                ("host", "evil.example:1111"),
                ("origin", "http://evil.example:1111")
            ]),
            &hosts
        ));
        assert!(!same_origin(
            &headers(&[("host", "127.0.0.1:1111"), ("sec-fetch-site", "cross-site")]),
            &hosts
        ));
    }
}
