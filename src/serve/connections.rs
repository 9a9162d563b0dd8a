//! Accepting and serving connections so that no client holds one forever.
//!
//! `axum::serve` takes no settings, and without a timer hyper never times a
//! request head out; so connections are served with hyper directly,
//! HTTP/1.1 only (what browsers speak to a plain `http://` address). A
//! client must send a whole request head within the client timeout of
//! connecting or of its last response, must send each part of a request
//! body within it while a handler reads the body, and must take each part
//! of a response within it, or its connection is dropped: a client that
//! sends nothing, trickles a header, stops halfway through a body or never
//! reads holds a socket (and the file descriptor behind it) for that long
//! at most. The live-reload stream is not cut by this: it only waits
//! between events, and a page reading it takes every event as it comes.
//! (That is why a body is timed where it is read, not the socket's reads:
//! hyper keeps a read pending on the socket while it streams an answer, to
//! notice a client that leaves, and that read may wait forever.)

use std::future::Future;
use std::io;
use std::pin::{Pin, pin};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request};
use axum::{Extension, Router};
use hyper::body::{Frame, SizeHint};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tokio::time::Sleep;

use crate::terminal;

/// How long a client may keep the server waiting, unless told otherwise.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `router` on every connection `listener` accepts, until `shutdown`
/// completes; a client that keeps the server waiting longer than `timeout`
/// is dropped.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    timeout: Duration,
    shutdown: impl Future<Output = ()>,
) {
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(timeout);
    // Hyper times the head only: the body is timed where handlers read it.
    let router = router.layer(axum::middleware::map_request(move |request: Request| {
        std::future::ready(request.map(|body| Body::new(PatientBody::new(body, timeout))))
    }));
    let mut shutdown = pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => return,
        };
        let (stream, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(e) => {
                wait_after_accept_error(&e).await;
                continue;
            }
        };
        let connection = http.serve_connection(
            TokioIo::new(Impatient::new(stream, timeout)),
            // Handlers may ask for the peer's address (`ConnectInfo`).
            TowerToHyperService::new(router.clone().layer(Extension(ConnectInfo(peer)))),
        );
        // A connection's failure (a client gone, a timeout) is its own end,
        // nothing to report.
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
}

/// After a failed accept: a client that gave up before it was accepted is
/// nothing; anything else (most often, out of file descriptors) is said and
/// waited out, so that connections can close instead of the loop spinning.
async fn wait_after_accept_error(e: &io::Error) {
    if matches!(
        e.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
    ) {
        return;
    }
    terminal::tell(format_args!(
        "warning: cannot accept a connection ({e}); trying again in a second"
    ));
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// A wait that gives up after `limit`: what [`Impatient`] and
/// [`PatientBody`] share.
struct Stall {
    limit: Duration,
    /// When the wait going on now gives up; `None` while nothing waits.
    deadline: Option<Pin<Box<Sleep>>>,
}

impl Stall {
    fn new(limit: Duration) -> Self {
        Self {
            limit,
            deadline: None,
        }
    }

    /// Ready once the wait that `ready` says is still going on has lasted
    /// `limit`; a ready poll ends the wait.
    fn expired(&mut self, ready: bool, cx: &mut Context<'_>) -> bool {
        if ready {
            self.deadline = None;
            return false;
        }
        let limit = self.limit;
        let deadline = self
            .deadline
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        deadline.as_mut().poll(cx).is_ready()
    }
}

/// A connection whose writes fail once the client has taken nothing for
/// `limit`.
struct Impatient<T> {
    io: T,
    stall: Stall,
}

impl<T> Impatient<T> {
    fn new(io: T, limit: Duration) -> Self {
        Self {
            io,
            stall: Stall::new(limit),
        }
    }

    /// `poll`, or a timeout error when writing has been pending for `limit`.
    fn watch<R>(&mut self, poll: Poll<io::Result<R>>, cx: &mut Context<'_>) -> Poll<io::Result<R>> {
        if self.stall.expired(poll.is_ready(), cx) {
            return Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client took nothing of the response",
            )));
        }
        poll
    }
}

/// A request body that fails once the client has sent nothing of it for
/// `limit`: the handler reading it gets an error, and hyper closes a
/// connection whose body was not read to its end.
struct PatientBody {
    body: Body,
    stall: Stall,
}

impl PatientBody {
    fn new(body: Body, limit: Duration) -> Self {
        Self {
            body,
            stall: Stall::new(limit),
        }
    }
}

impl hyper::body::Body for PatientBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.body).poll_frame(cx);
        if this.stall.expired(poll.is_ready(), cx) {
            return Poll::Ready(Some(Err(axum::Error::new(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client stopped sending the request body",
            )))));
        }
        poll
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Impatient<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Impatient<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_write(cx, buf);
        this.watch(poll, cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_write_vectored(cx, bufs);
        this.watch(poll, cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_flush(cx);
        this.watch(poll, cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.io).poll_shutdown(cx);
        this.watch(poll, cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;

    #[tokio::test(start_paused = true)]
    async fn a_write_the_reader_never_takes_fails_after_the_limit() {
        let (server, _client) = tokio::io::duplex(16);
        let mut server = Impatient::new(server, Duration::from_secs(10));
        server.write_all(&[0; 16]).await.unwrap();
        let error = server.write_all(&[0; 1]).await.unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::TimedOut);
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_the_client_stops_sending_fails_after_the_limit() {
        // One byte of a body, then nothing, with the sender still there.
        let (sender, body) = tokio::sync::mpsc::channel::<Result<Bytes, io::Error>>(1);
        sender.send(Ok(Bytes::from_static(b"x"))).await.unwrap();
        let body = Body::from_stream(tokio_stream::wrappers::ReceiverStream::new(body));
        let patient = Body::new(PatientBody::new(body, Duration::from_secs(10)));
        let read = axum::body::to_bytes(patient, 100).await;
        assert!(
            read.is_err(),
            "a stalled body is an error, not a wait forever"
        );
        drop(sender);
    }

    #[tokio::test(start_paused = true)]
    async fn a_reader_that_keeps_taking_is_never_timed_out() {
        let (server, mut client) = tokio::io::duplex(16);
        let mut server = Impatient::new(server, Duration::from_secs(10));
        let reader = tokio::spawn(async move {
            let mut buf = [0; 16];
            let mut total = 0;
            while total < 16 * 100 {
                tokio::time::sleep(Duration::from_secs(5)).await;
                total += tokio::io::AsyncReadExt::read(&mut client, &mut buf)
                    .await
                    .unwrap();
            }
        });
        // Each write waits 5 s for the reader: 100 of them take far longer
        // than the limit in all, but never that long at once.
        for _ in 0..100 {
            server.write_all(&[0; 16]).await.unwrap();
        }
        reader.await.unwrap();
    }
}
