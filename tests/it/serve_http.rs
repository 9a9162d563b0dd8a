//! `tier0 serve` as an HTTP server: what it serves, what it refuses, live
//! reload for its own pages only, and answers that never fail while the
//! site is rebuilt.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::serve::LIVE_TAG;
use crate::support::{Server, Site};

#[test]
fn serves_pages_and_refuses_everything_else() {
    let site = Site::fixture("basic");
    std::fs::write(
        site.root().join("secret.md"),
        "---\ntitle: SECRETO\n---\nSECRETO\n",
    )
    .unwrap();
    // A link out of the site folder is never followed (one inside it is,
    // as MkDocs follows `docs/index.md -> ../README.md`).
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: SECRETO\n---\nSECRETO\n",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        site.root().join("content/red/enlace.md"),
    )
    .unwrap();
    let server = Server::start(&site);

    let (status, head, body) = server.raw(&format!(
        "GET /red/wifi/ HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    ));
    assert_eq!(status, 200);
    assert!(
        head.to_lowercase().contains("content-type: text/html"),
        "{head}"
    );
    assert!(String::from_utf8(body).unwrap().contains(LIVE_TAG));
    let (status, head, body) = server.raw(&format!(
        "HEAD /red/wifi/ HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    ));
    assert_eq!(status, 200);
    assert!(body.is_empty());
    assert!(head.to_lowercase().contains("content-length: "), "{head}");
    let (status, head, _) = server.raw(&format!(
        "POST / HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        server.address
    ));
    assert_eq!(status, 405);
    assert!(head.contains("GET, HEAD"), "{head}");

    for path in [
        "/../tier0.yaml",
        "/%2e%2e/tier0.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%5ctier0.yaml",
        "/red/..%2f..%2ftier0.yaml",
        "/red/../../secret.md",
        "/content/red/wifi.md",
        "/red/enlace/",
        "/secret.md",
        "/red/",
        "/static/",
    ] {
        let (status, body) = server.get(path);
        let text = String::from_utf8_lossy(&body);
        let listing = path == "/red/";
        if listing {
            assert_eq!(status, 200, "the category page, not a listing");
            assert!(!text.contains("wifi.md"), "no directory listing");
        } else {
            assert_eq!(status, 404, "{path}");
        }
        assert!(
            !text.contains("SECRETO") && !text.contains("escalation_tier"),
            "{path} leaked a file"
        );
    }
}

#[test]
fn live_reload_is_only_for_same_origin_pages() {
    let server = Server::start(&Site::fixture("basic"));
    let request = |origin: &str| {
        let mut stream = TcpStream::connect(&server.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        write!(
            stream,
            "GET /__tier0/events HTTP/1.1\r\nHost: {}\r\n{origin}\r\n",
            server.address
        )
        .unwrap();
        let mut head = [0u8; 64];
        let n = stream.read(&mut head).unwrap();
        String::from_utf8_lossy(&head[..n]).into_owned()
    };
    assert!(request("Origin: http://evil.example\r\n").starts_with("HTTP/1.1 403"));
    assert!(request("Sec-Fetch-Site: cross-site\r\n").starts_with("HTTP/1.1 403"));
    assert!(request(&format!("Origin: http://{}\r\n", server.address)).starts_with("HTTP/1.1 200"));
}

/// One keep-alive HTTP/1.1 connection that sends GETs one after another.
struct Client {
    reader: BufReader<TcpStream>,
    host: String,
}

impl Client {
    fn connect(address: &str) -> Self {
        let stream = TcpStream::connect(address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        Self {
            reader: BufReader::new(stream),
            host: address.to_owned(),
        }
    }

    /// Status and body length of `GET path`, or what went wrong.
    fn get(&mut self, path: &str) -> Result<(u16, usize), String> {
        let request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", self.host);
        self.reader
            .get_mut()
            .write_all(request.as_bytes())
            .map_err(|e| format!("write: {e}"))?;
        let mut status = 0;
        let mut length = 0;
        loop {
            let mut line = String::new();
            let read = self
                .reader
                .read_line(&mut line)
                .map_err(|e| format!("read: {e}"))?;
            if read == 0 {
                return Err("connection closed".into());
            }
            let line = line.trim_end();
            if status == 0 {
                status = line
                    .split(' ')
                    .nth(1)
                    .and_then(|s| s.parse().ok())
                    .ok_or(format!("bad status line `{line}`"))?;
            } else if line.is_empty() {
                break;
            } else if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().map_err(|_| "bad length".to_owned())?;
            }
        }
        let mut body = vec![0; length];
        self.reader
            .read_exact(&mut body)
            .map_err(|e| format!("body: {e}"))?;
        Ok((status, length))
    }
}

#[test]
fn answers_10000_requests_without_an_error_while_rebuilding() {
    const CLIENTS: usize = 8;
    const PER_CLIENT: usize = 1250;
    let site = Site::example();
    let server = Server::start(&site);
    let first = server.settled_after(0)["generation"].as_u64().unwrap();
    let stylesheet = server.stylesheet();
    let paths = [
        "/".to_owned(),
        "/red/wifi-no-conecta/".to_owned(),
        "/en/".to_owned(),
        "/kb/KB-1004/".to_owned(),
        "/tiers/l3/".to_owned(),
        "/atom.xml".to_owned(),
        "/search/manifest.js".to_owned(),
        stylesheet,
        "/no/such/page/".to_owned(),
    ];
    let article = site.root().join("content/red/dns-nombre-no-resuelto.md");
    let original = std::fs::read_to_string(&article).unwrap();
    let stop = std::sync::atomic::AtomicBool::new(false);
    let started = Instant::now();
    let failures: Vec<String> = std::thread::scope(|scope| {
        // Edits while the clients run: body edits (one page), and a new
        // article that appears and goes (the whole site).
        let editor = scope.spawn(|| {
            let mut round = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                round += 1;
                std::fs::write(&article, format!("{original}\nRonda {round}.\n")).unwrap();
                std::thread::sleep(Duration::from_millis(150));
                let extra = site.root().join("content/red/carga.md");
                if round % 2 == 0 {
                    std::fs::write(
                        &extra,
                        format!("---\nid: KB-9{round:03}\ntitle: Carga {round}\n---\nTexto.\n"),
                    )
                    .unwrap();
                } else {
                    let _ = std::fs::remove_file(&extra);
                }
                std::thread::sleep(Duration::from_millis(150));
            }
        });
        let clients: Vec<_> = (0..CLIENTS)
            .map(|c| {
                let paths = &paths;
                let address = &server.address;
                scope.spawn(move || {
                    let mut client = Client::connect(address);
                    let mut failures = Vec::new();
                    for i in 0..PER_CLIENT {
                        let path = &paths[(c + i) % paths.len()];
                        let expected = if path.starts_with("/no/") { 404 } else { 200 };
                        match client.get(path) {
                            Ok((status, _)) if status == expected => {}
                            Ok((status, _)) => failures.push(format!("{path}: {status}")),
                            Err(e) => {
                                failures.push(format!("{path}: {e}"));
                                client = Client::connect(address);
                            }
                        }
                    }
                    failures
                })
            })
            .collect();
        let failures = clients
            .into_iter()
            .flat_map(|c| c.join().unwrap())
            .collect();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        editor.join().unwrap();
        failures
    });
    let elapsed = started.elapsed();
    assert_eq!(failures, Vec::<String>::new());
    let last = server.status()["generation"].as_u64().unwrap();
    assert!(last > first, "the site was rebuilt during the load");
    eprintln!(
        "{} requests in {:.2} s ({:.0}/s) across {} rebuilds",
        CLIENTS * PER_CLIENT,
        elapsed.as_secs_f64(),
        (CLIENTS * PER_CLIENT) as f64 / elapsed.as_secs_f64(),
        last - first
    );
}

#[test]
fn oversized_requests_are_refused_and_the_server_keeps_serving() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let huge_header = format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        server.address,
        "a".repeat(1 << 20)
    );
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    // The server may answer and close before the whole request is sent.
    let _ = stream.write_all(huge_header.as_bytes());
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let head = String::from_utf8_lossy(&response);
    assert!(
        head.is_empty() || head.starts_with("HTTP/1.1 431"),
        "a 1 MB header is refused: {head}"
    );
    let long_path = format!("/{}", "a".repeat(100_000));
    let (status, _) = server.get(&long_path);
    assert!(status == 414 || status == 404 || status == 400, "{status}");
    let (status, head, _) = server.raw(&format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nContent-Length: 10000000\r\nConnection: close\r\n\r\npartial",
        server.address
    ));
    assert_eq!(status, 200, "a GET body is never read: {head}");
    assert_eq!(server.get("/red/wifi/").0, 200, "still serving");
}
