//! The dev server answers only its own names, and its live-reload channel
//! only its own pages.
//!
//! A web page that points a domain it owns at 127.0.0.1 (DNS rebinding)
//! makes the browser send requests whose `Host` names that domain; the
//! server must answer none of them, whatever they ask for. And a client
//! that keeps the server waiting, by never finishing its request or never
//! reading the answer, is dropped.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::support::{Server, Site, stderr};

/// What a page of the basic fixture says, so a refusal can be told from a page.
const PAGE_TEXT: &str = "Primer paso";

/// A `GET path` with `host` as its `Host` header (none when `None`), sent as written.
fn get_as(server: &Server, path: &str, host: Option<&str>) -> (u16, String) {
    let host = host.map_or_else(String::new, |h| format!("Host: {h}\r\n"));
    let (status, _, body) = server.raw(&format!(
        "GET {path} HTTP/1.1\r\n{host}Connection: close\r\n\r\n"
    ));
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// The first bytes of the answer to a live-reload subscription with these headers.
fn subscribe(server: &Server, headers: &str) -> String {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(stream, "GET /__tier0/events HTTP/1.1\r\n{headers}\r\n").unwrap();
    let mut head = [0u8; 64];
    let n = stream.read(&mut head).unwrap();
    String::from_utf8_lossy(&head[..n]).into_owned()
}

/// The server's paths of each kind: pages, an asset, a search file, status,
/// the live-reload script and stream.
fn every_kind_of_path(server: &Server) -> Vec<String> {
    let stylesheet = server.stylesheet();
    let paths: Vec<String> = [
        "/",
        "/red/wifi/",
        "/red/logo.svg",
        "/articles.json",
        "/search/manifest.js",
        "/search/tier0-search.js",
        "/__tier0/status",
        "/__tier0/live.js",
        "/__tier0/events",
        "/no/such/page/",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain([stylesheet])
    .collect();
    for path in &paths {
        if path != "/__tier0/events" && path != "/no/such/page/" {
            assert_eq!(get_as(server, path, Some(&server.address)).0, 200, "{path}");
        }
    }
    paths
}

#[test]
fn requests_for_any_other_name_are_refused_whatever_they_ask_for() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    server.settled_after(0);
    let port = server.address.rsplit(':').next().unwrap().to_owned();
    let paths = every_kind_of_path(&server);
    let forged = [
        "evil.com".to_owned(),
        format!("evil.com:{port}"),
        format!("EVIL.com:{port}"),
        format!("localhost.evil.com:{port}"),
        format!("127.0.0.1.evil.com:{port}"),
        format!("127.0.0.1@evil.com:{port}"),
        format!("evil.com@127.0.0.1:{port}"),
        "localhost:1".to_owned(),
        format!("127.0.0.2:{port}"),
        format!("[::2]:{port}"),
        format!("localhost:{port}/x"),
        String::new(),
    ];
    for path in &paths {
        for host in &forged {
            let (status, body) = get_as(&server, path, Some(host));
            assert_eq!(status, 421, "{path} for Host `{host}`: {body}");
            assert!(
                body.starts_with("tier0 serve answers only at its own addresses")
                    && !body.contains(PAGE_TEXT),
                "{path} for `{host}`: {body}"
            );
        }
        let (status, body) = get_as(&server, path, None);
        assert_eq!(status, 421, "{path} with no Host: {body}");
        assert!(body.contains("no Host header"), "{body}");
    }
    // An absolute-form target names the host too, whatever `Host` says.
    let (status, _, _) = server.raw(&format!(
        "GET http://evil.com:{port}/red/wifi/ HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    ));
    assert_eq!(status, 421);
    let (status, _, _) = server.raw(&format!(
        "GET /red/wifi/ HTTP/1.1\r\nHost: {}\r\nHost: evil.com\r\nConnection: close\r\n\r\n",
        server.address
    ));
    assert_eq!(status, 421, "a second Host header");
    let (status, _, _) = server.raw("GET /red/wifi/ HTTP/1.0\r\n\r\n");
    assert_eq!(status, 421, "HTTP/1.0 without Host");
    // The refusal says which option would let the name in.
    let (_, body) = get_as(&server, "/", Some(&format!("Docs.Example.lan:{port}")));
    assert!(body.contains("`--allow-host docs.example.lan`"), "{body}");
    let (_, body) = get_as(&server, "/", Some("localhost:8080"));
    assert!(body.contains("`--allow-host localhost:8080`"), "{body}");
    assert_eq!(
        server.get("/red/wifi/").0,
        200,
        "still serving its own names"
    );
}

#[test]
fn its_own_names_and_the_allowed_ones_are_answered() {
    let site = Site::fixture("basic");
    let server = Server::start_with(
        &site,
        &[
            "--allow-host",
            "docs.example.lan",
            "--allow-host",
            "tunnel.example:8080",
        ],
    );
    let port = server.address.rsplit(':').next().unwrap().to_owned();
    for host in [
        format!("127.0.0.1:{port}"),
        "127.0.0.1".to_owned(),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        "localhost".to_owned(),
        format!("localhost.:{port}"),
        format!("[::1]:{port}"),
        "[::1]".to_owned(),
        format!("docs.example.lan:{port}"),
        "DOCS.EXAMPLE.LAN".to_owned(),
        "tunnel.example:8080".to_owned(),
    ] {
        let (status, body) = get_as(&server, "/red/wifi/", Some(&host));
        assert_eq!(status, 200, "Host `{host}`");
        assert!(body.contains(PAGE_TEXT), "Host `{host}`");
    }
    for host in [
        format!("tunnel.example:{port}"),
        "docs.example.lan:8080".to_owned(),
        format!("sub.docs.example.lan:{port}"),
    ] {
        assert_eq!(get_as(&server, "/red/wifi/", Some(&host)).0, 421, "{host}");
    }
}

#[test]
fn live_reload_compares_the_origin_with_its_own_names_not_with_host() {
    let site = Site::fixture("basic");
    let server = Server::start_with(&site, &["--allow-host", "docs.example.lan"]);
    let port = server.address.rsplit(':').next().unwrap().to_owned();
    let ours = &server.address;
    let cases = [
        // A rebound page: its Origin matches the Host it sends.
        (
            format!("Host: evil.com:{port}\r\nOrigin: http://evil.com:{port}\r\n"),
            "HTTP/1.1 421",
        ),
        (
            format!("Host: {ours}\r\nOrigin: http://evil.com:{port}\r\n"),
            "HTTP/1.1 403",
        ),
        (
            format!("Host: {ours}\r\nOrigin: http://localhost:1\r\n"),
            "HTTP/1.1 403",
        ),
        (format!("Host: {ours}\r\nOrigin: null\r\n"), "HTTP/1.1 403"),
        (
            format!("Host: {ours}\r\nOrigin: http://{ours}@evil.com\r\n"),
            "HTTP/1.1 403",
        ),
        (
            format!("Host: docs.example.lan:{port}\r\nOrigin: http://evil.com:{port}\r\n"),
            "HTTP/1.1 403",
        ),
        (format!("Host: {ours}\r\n"), "HTTP/1.1 200"),
        (
            format!("Host: {ours}\r\nOrigin: http://localhost:{port}\r\n"),
            "HTTP/1.1 200",
        ),
        (
            format!("Host: docs.example.lan:{port}\r\nOrigin: http://docs.example.lan:{port}\r\n"),
            "HTTP/1.1 200",
        ),
    ];
    for (headers, expected) in cases {
        let answer = subscribe(&server, &headers);
        assert!(answer.starts_with(expected), "{headers:?}: {answer}");
    }
}

/// The short client timeout the timeout tests run the server with.
const SHORT_TIMEOUT: (&str, &str) = ("TIER0_SERVE_CLIENT_TIMEOUT_MS", "300");

/// Whether the server closes `stream` (EOF or reset) before a minute is up;
/// what it sent before closing is ignored.
fn closed_by_server(mut stream: TcpStream) -> bool {
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut sink = Vec::new();
    match stream.read_to_end(&mut sink) {
        Ok(_) => true,
        Err(e) => !matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
    }
}

#[test]
fn a_client_that_never_finishes_a_request_is_dropped() {
    let site = Site::fixture("basic");
    let server = Server::start_with_env(&site, &[], &[SHORT_TIMEOUT]);

    let silent = TcpStream::connect(&server.address).unwrap();
    let mut partial = TcpStream::connect(&server.address).unwrap();
    write!(
        partial,
        "GET /red/wifi/ HTTP/1.1\r\nHost: {}\r\nX-Slow:",
        server.address
    )
    .unwrap();
    let mut idle = TcpStream::connect(&server.address).unwrap();
    write!(
        idle,
        "GET /robots.txt HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )
    .unwrap();

    assert!(closed_by_server(silent), "a client that sends nothing");
    assert!(
        closed_by_server(partial),
        "a client that never ends its header"
    );
    assert!(
        closed_by_server(idle),
        "a kept-alive client that asks nothing more"
    );
    assert_eq!(server.get("/red/wifi/").0, 200, "still serving");

    // A page waiting for reloads asks nothing and is sent nothing for far
    // longer than the timeout, and is still told of the next rebuild.
    let mut page = TcpStream::connect(&server.address).unwrap();
    page.set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        page,
        "GET /__tier0/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )
    .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    let wifi = site.root().join("content/red/wifi.md");
    let text = std::fs::read_to_string(&wifi).unwrap();
    std::fs::write(&wifi, text.replace("Primer paso.", "Primer paso, editado.")).unwrap();
    let mut seen = Vec::new();
    let mut chunk = [0u8; 512];
    while !String::from_utf8_lossy(&seen).contains("event: reload") {
        let n = page.read(&mut chunk).unwrap();
        assert!(
            n > 0,
            "the live-reload stream was closed: {}",
            String::from_utf8_lossy(&seen)
        );
        seen.extend_from_slice(&chunk[..n]);
    }
}

#[test]
fn a_client_that_never_reads_the_answer_is_dropped() {
    let site = Site::fixture("basic");
    let server = Server::start_with_env(&site, &[], &[SHORT_TIMEOUT]);
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream
        .set_write_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    // Pipelined requests, never a byte read: the answers fill both sockets'
    // buffers, the server's writes stop, and then so do its reads and ours.
    let request = format!(
        "GET /red/wifi/ HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    );
    let started = Instant::now();
    let mut sent = 0;
    let dropped = loop {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server still takes requests from a client that reads nothing"
        );
        match stream.write(&request.as_bytes()[sent..]) {
            Ok(n) => sent = (sent + n) % request.len(),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(e) => break e,
        }
    };
    assert!(
        matches!(
            dropped.kind(),
            ErrorKind::ConnectionReset | ErrorKind::BrokenPipe
        ),
        "{dropped}"
    );
    assert_eq!(server.get("/red/wifi/").0, 200, "still serving");
}

#[test]
fn allowed_names_and_the_timeout_are_checked_before_serving() {
    let site = Site::fixture("basic");
    for (value, why) in [
        ("http://docs.example.lan", "a URL"),
        ("docs.example.lan/help", "a path"),
        ("user@docs.example.lan", "userinfo"),
        ("fd00::5", "an IPv6 address without brackets"),
    ] {
        let output = site
            .tier0(&["serve", "--port", "0", "--allow-host", value])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{why}");
        let stderr = stderr(&output);
        assert!(
            stderr.contains(&format!("`{value}` is not a host name"))
                && stderr.contains("without http://"),
            "{why}: {stderr}"
        );
    }
    for value in ["", "0", "ten", "-5"] {
        let output = site
            .tier0(&["serve", "--port", "0"])
            .env(SHORT_TIMEOUT.0, value)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{value:?}");
        assert!(
            stderr(&output).contains("is not a number of milliseconds above 0"),
            "{value:?}: {}",
            stderr(&output)
        );
    }
}
