//! `tier0 insights serve`: the collector the help site sends its events to.
//!
//! `POST /events` takes one event (JSON, sent by `sendBeacon` as text or by
//! `fetch`), checks it ([`super::event`]) and answers 204 once it is
//! committed, so an acknowledged event is never lost, even when the process
//! is killed. Events are written by one task in transactions of up to
//! [`BATCH`] events, which is what keeps SQLite fast under load.
//!
//! Refused, with nothing stored: a page from an origin outside the
//! allow-list (403), a body over [`MAX_BODY`] bytes (413, before a byte of
//! it is read when its `Content-Length` says so), a body the client stops
//! sending (the connection is dropped after the client timeout), an address over
//! its rate (429, counted in memory only), an event that does not validate
//! (400). Nothing about the sender is kept: not its address, not its user
//! agent, not a cookie. `GET /health` answers 200 for load balancers.

use std::collections::{BTreeSet, HashMap};
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tokio::sync::{mpsc, oneshot};

use super::catalog::Catalog;
use super::event;
use super::store::Store;
use crate::serve::connections;

/// Largest request body accepted, in bytes.
pub const MAX_BODY: usize = 4096;
/// Most events written in one transaction.
pub const BATCH: usize = 512;
/// Events waiting for the writer before requests wait too.
const QUEUE: usize = 8192;

/// How the collector runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address to listen on.
    pub bind: IpAddr,
    /// Port (0: any free port).
    pub port: u16,
    /// Events one address may send per minute.
    pub rate_per_minute: u32,
    /// Events older than this many days are deleted.
    pub retain_days: u32,
    /// How long a client may keep the collector waiting (a request head or
    /// body not sent, an answer not taken).
    pub client_timeout: Duration,
}

/// One event waiting to be written, and who waits for it.
type Pending = (event::Record, oneshot::Sender<bool>);

struct Shared {
    catalog: Catalog,
    /// Origins accepted; empty: any.
    origins: BTreeSet<String>,
    limiter: Mutex<Limiter>,
    writer: mpsc::Sender<Pending>,
}

/// Runs the collector until Ctrl-C or SIGTERM; `ready` receives the
/// address it listens on.
pub async fn run(
    catalog: Catalog,
    store: Store,
    options: Options,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let addr = SocketAddr::new(options.bind, options.port);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot listen on {addr}: {e}")))?;
    let local = listener.local_addr()?;
    let (writer, queue) = mpsc::channel(QUEUE);
    let written = tokio::spawn(write_events(store.clone(), queue));
    let pruned = tokio::spawn(prune_events(store.clone(), options.retain_days));
    let shared = Arc::new(Shared {
        origins: catalog.origins.clone(),
        catalog,
        limiter: Mutex::new(Limiter::new(options.rate_per_minute)),
        writer,
    });
    let stop = stop_signal();
    ready(local);
    connections::serve(listener, router(shared), options.client_timeout, stop).await;
    pruned.abort();
    // Once the last connection has closed (within the client timeout), the
    // writer has written what was queued, and ends.
    let _ = written.await;
    store.close().await;
    Ok(())
}

/// Ctrl-C, or SIGTERM (what service managers and load balancers send),
/// listened for from this call on: a signal that comes before the future is
/// first polled (a stop right after the first event) still stops it
/// cleanly, instead of killing the process with events in its queue.
fn stop_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let terminate = signal(SignalKind::terminate());
        let interrupt = signal(SignalKind::interrupt());
        async move {
            match (terminate, interrupt) {
                (Ok(mut terminate), Ok(mut interrupt)) => {
                    tokio::select! {
                        _ = terminate.recv() => {}
                        _ = interrupt.recv() => {}
                    }
                }
                // No signal handling to be had: run until killed.
                _ => std::future::pending::<()>().await,
            }
        }
    }
    #[cfg(not(unix))]
    async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/events", post(receive).options(preflight))
        .route("/health", get(|| async { "ok" }))
        .with_state(shared)
}

/// An event sent from a page whose origin is not on the allow-list.
struct ForeignOrigin;

impl IntoResponse for ForeignOrigin {
    fn into_response(self) -> Response {
        refuse(StatusCode::FORBIDDEN, "this origin may not send events")
    }
}

/// Whether a record of `edition` may come from the page whose allowed
/// `Origin` is `origin`: the edition is the client's word, so an agents'
/// event (a flag, a reuse, or any event the agents' edition sends) is taken
/// only from a page of the agents' edition, at `agents.base_url`'s origin.
fn edition_matches_origin(shared: &Shared, origin: Option<&HeaderValue>, edition: &str) -> bool {
    if edition != "agents" {
        return true;
    }
    match (
        origin.and_then(|o| o.to_str().ok()),
        shared.catalog.agents_origin.as_deref(),
    ) {
        (Some(origin), Some(agents)) => origin.eq_ignore_ascii_case(agents),
        _ => false,
    }
}

/// The page's origin, when it is one the collector accepts.
fn allowed_origin(
    shared: &Shared,
    headers: &HeaderMap,
) -> Result<Option<HeaderValue>, ForeignOrigin> {
    let Some(origin) = headers.get(header::ORIGIN) else {
        // Not a browser page (curl, a server): nothing to allow.
        return Ok(None);
    };
    let text = origin.to_str().unwrap_or_default();
    if shared.origins.is_empty() || shared.origins.contains(&text.to_ascii_lowercase()) {
        Ok(Some(origin.clone()))
    } else {
        Err(ForeignOrigin)
    }
}

fn refuse(status: StatusCode, message: &str) -> Response {
    (status, format!("{message}\n")).into_response()
}

fn with_cors(mut response: Response, origin: Option<HeaderValue>) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static("Origin"));
    if let Some(origin) = origin {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    }
    response
}

async fn preflight(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    match allowed_origin(&shared, &headers) {
        Ok(origin) => {
            let mut response = StatusCode::NO_CONTENT.into_response();
            let h = response.headers_mut();
            h.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("POST"),
            );
            h.insert(
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static("content-type"),
            );
            h.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static("86400"),
            );
            with_cors(response, origin)
        }
        Err(refused) => refused.into_response(),
    }
}

async fn receive(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let origin = match allowed_origin(&shared, &headers) {
        Ok(origin) => origin,
        Err(refused) => return refused.into_response(),
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_BODY as u64) {
        return with_cors(too_large(), origin);
    }
    let admitted = shared
        .limiter
        .lock()
        .map(|mut limiter| limiter.admit(peer.ip(), Instant::now()))
        .unwrap_or(false);
    if !admitted {
        let mut response = refuse(
            StatusCode::TOO_MANY_REQUESTS,
            "too many events from this address",
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        return with_cors(response, origin);
    }
    let body = match read_body(body).await {
        Ok(body) => body,
        Err(refused) => return with_cors(refused, origin),
    };
    let record = match event::parse(&body, &shared.catalog, now()) {
        Ok(record) => record,
        Err(rejection) => {
            return with_cors(refuse(StatusCode::BAD_REQUEST, &rejection.0), origin);
        }
    };
    if !edition_matches_origin(&shared, origin.as_ref(), record.edition) {
        let refused = refuse(
            StatusCode::FORBIDDEN,
            "agents' events are accepted only from pages of the agents' edition (the origin of `agents.base_url`)",
        );
        return with_cors(refused, origin);
    }
    let (done, stored) = oneshot::channel();
    let response = if shared.writer.send((record, done)).await.is_ok() && stored.await == Ok(true) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "the event could not be stored",
        )
    };
    with_cors(response, origin)
}

fn too_large() -> Response {
    refuse(
        StatusCode::PAYLOAD_TOO_LARGE,
        &format!("an event is at most {MAX_BODY} bytes"),
    )
}

/// The request body, read up to [`MAX_BODY`] bytes: 413 past it, 408 when
/// the client stops sending it (the connection then closes).
async fn read_body(body: Body) -> Result<Vec<u8>, Response> {
    use tokio_stream::StreamExt;
    let mut chunks = body.into_data_stream();
    let mut read = Vec::new();
    while let Some(chunk) = chunks.next().await {
        let Ok(chunk) = chunk else {
            return Err(refuse(
                StatusCode::REQUEST_TIMEOUT,
                "the request body was not sent in time",
            ));
        };
        if read.len() + chunk.len() > MAX_BODY {
            return Err(too_large());
        }
        read.extend_from_slice(&chunk);
    }
    Ok(read)
}

/// Writes queued events in transactions, and tells each sender the outcome.
async fn write_events(store: Store, mut queue: mpsc::Receiver<Pending>) {
    let mut batch: Vec<Pending> = Vec::with_capacity(BATCH);
    while queue.recv_many(&mut batch, BATCH).await > 0 {
        let (records, waiting): (Vec<_>, Vec<_>) = batch.drain(..).unzip();
        let stored = match store.insert(&records).await {
            Ok(()) => true,
            Err(e) => {
                crate::terminal::tell(format_args!("error: {e}"));
                false
            }
        };
        for done in waiting {
            let _ = done.send(stored);
        }
    }
}

/// Deletes events past the retention, at start and then hourly.
async fn prune_events(store: Store, retain_days: u32) {
    let mut every = tokio::time::interval(Duration::from_secs(3600));
    loop {
        every.tick().await;
        let before = now() - i64::from(retain_days) * 86_400;
        if let Err(e) = store.prune(before).await {
            crate::terminal::tell(format_args!("warning: {e}"));
        }
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// A token bucket per address, held in memory only.
struct Limiter {
    per_minute: f64,
    buckets: HashMap<IpAddr, (f64, Instant)>,
    since_sweep: u32,
}

impl Limiter {
    fn new(per_minute: u32) -> Self {
        Self {
            per_minute: f64::from(per_minute.max(1)),
            buckets: HashMap::new(),
            since_sweep: 0,
        }
    }

    /// Whether `ip` may send one more event at `now`.
    fn admit(&mut self, ip: IpAddr, now: Instant) -> bool {
        self.since_sweep += 1;
        if self.since_sweep >= 4096 {
            // Full buckets carry no information: forget them.
            self.since_sweep = 0;
            let per_minute = self.per_minute;
            self.buckets
                .retain(|_, (tokens, at)| *tokens + refill(per_minute, now - *at) < per_minute);
        }
        let per_minute = self.per_minute;
        let (tokens, at) = self.buckets.entry(ip).or_insert((per_minute, now));
        *tokens = (*tokens + refill(per_minute, now - *at)).min(per_minute);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

fn refill(per_minute: f64, elapsed: Duration) -> f64 {
    elapsed.as_secs_f64() * per_minute / 60.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limiter_admits_a_minute_of_events_then_refills() {
        let mut limiter = Limiter::new(60);
        let ip: IpAddr = [10, 0, 0, 1].into();
        let other: IpAddr = [10, 0, 0, 2].into();
        let start = Instant::now();
        assert_eq!((0..60).filter(|_| limiter.admit(ip, start)).count(), 60);
        assert!(!limiter.admit(ip, start));
        assert!(
            limiter.admit(other, start),
            "each address has its own bucket"
        );
        assert!(limiter.admit(ip, start + Duration::from_secs(1)));
        assert!(!limiter.admit(ip, start + Duration::from_secs(1)));
        assert_eq!(
            (0..100)
                .filter(|_| limiter.admit(ip, start + Duration::from_secs(120)))
                .count(),
            60,
            "a bucket never holds more than a minute's worth"
        );
    }
}
