//! The names the dev server answers to: its defence against DNS rebinding.
//!
//! Any web page can point a name it owns at 127.0.0.1 and then read from
//! that name as from its own origin; what reaches the server is a `Host`
//! header naming the attacker's domain. So [`only_our_names`], a layer over
//! the whole router, answers a request only when its `Host` (and the
//! authority of an absolute-form target, when there is one) names this
//! server: `127.0.0.1`, `localhost`, `[::1]` or the `--bind` address (any IP
//! address when bound to all of them: an address typed as such is never
//! looked up, so it cannot be rebound), or a name given with `--allow-host`;
//! each on its port (the listening port unless the user gave another), or
//! with no port. Everything else, a missing `Host` included, is 421
//! Misdirected Request (the request is for a site this server does not
//! serve, not for something it forbids) with a line saying which option
//! would allow it. The live-reload channel compares a page's Origin with
//! the same names and ports through [`AllowedHosts::admits_origin`], never
//! with the request's own `Host`, which the page chose.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::http::Shared;

/// A host as a request or the user writes it: a name or an IP address, and
/// maybe a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authority {
    host: Host,
    port: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Host {
    Ip(IpAddr),
    /// Lowercase, without a final dot.
    Name(String),
}

impl Authority {
    /// `text` as `name`, `IPv4`, or `[IPv6]`, each with an optional `:port`;
    /// `None` for anything else (userinfo, a path, an unbracketed IPv6 address).
    fn parse(text: &str) -> Option<Self> {
        let (host, port) = if let Some(rest) = text.strip_prefix('[') {
            let (inside, after) = rest.split_once(']')?;
            let port = match after {
                "" => None,
                _ => Some(after.strip_prefix(':')?),
            };
            (Host::Ip(IpAddr::V6(inside.parse::<Ipv6Addr>().ok()?)), port)
        } else {
            let (host, port) = match text.rsplit_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (text, None),
            };
            (Host::parse(host)?, port)
        };
        let port = match port {
            None => None,
            Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                Some(digits.parse().ok()?)
            }
            Some(_) => return None,
        };
        Some(Self { host, port })
    }
}

impl Host {
    /// An IPv4 address or a DNS name, one final dot allowed.
    fn parse(text: &str) -> Option<Self> {
        let text = text.strip_suffix('.').unwrap_or(text);
        if let Ok(ip) = text.parse::<Ipv4Addr>() {
            return Some(Self::Ip(IpAddr::V4(ip)));
        }
        let label = |l: &str| {
            !l.is_empty()
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        text.split('.')
            .all(label)
            .then(|| Self::Name(text.to_ascii_lowercase()))
    }
}

impl FromStr for Authority {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        Self::parse(text).ok_or_else(|| {
            format!(
                "`{text}` is not a host name or IP address with an optional :PORT; \
                 write it as the browser's address bar shows it, without http:// or a path \
                 (such as `docs.example.lan`, `192.168.1.20` or `localhost:8080`)"
            )
        })
    }
}

impl fmt::Display for Authority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.host {
            Host::Ip(IpAddr::V6(ip)) => write!(f, "[{ip}]")?,
            Host::Ip(IpAddr::V4(ip)) => write!(f, "{ip}")?,
            Host::Name(name) => f.write_str(name)?,
        }
        match self.port {
            Some(port) => write!(f, ":{port}"),
            None => Ok(()),
        }
    }
}

/// The names this server answers to, each on one port.
#[derive(Debug, Clone)]
pub struct AllowedHosts {
    /// Every entry has its port: the listening port unless the user gave one.
    entries: Vec<Authority>,
    /// The port the server listens on.
    port: u16,
    /// Bound to every address: any IP address names this server.
    any_ip: bool,
}

impl AllowedHosts {
    /// The loopback names, `bind`, and `extra` (names given with
    /// `--allow-host`), for a server listening on `port`.
    pub fn new(bind: IpAddr, port: u16, extra: &[Authority]) -> Self {
        let ours = |host| Authority {
            host,
            port: Some(port),
        };
        let loopback = [
            Host::Ip(IpAddr::V4(Ipv4Addr::LOCALHOST)),
            Host::Name("localhost".to_owned()),
            Host::Ip(IpAddr::V6(Ipv6Addr::LOCALHOST)),
        ];
        let bound = (!bind.is_unspecified()).then_some(Host::Ip(bind));
        let given = extra.iter().map(|a| Authority {
            host: a.host.clone(),
            port: Some(a.port.unwrap_or(port)),
        });
        let mut entries: Vec<Authority> = Vec::new();
        for entry in loopback.into_iter().chain(bound).map(ours).chain(given) {
            if !entries.contains(&entry) {
                entries.push(entry);
            }
        }
        Self {
            entries,
            port,
            any_ip: bind.is_unspecified(),
        }
    }

    /// Whether `host` on `port` is one of ours; no port matches the port
    /// of each of our names.
    fn admits(&self, host: &Host, port: Option<u16>) -> bool {
        let port_matches = |ours| port.is_none_or(|p| p == ours);
        (self.any_ip && matches!(host, Host::Ip(_)) && port_matches(self.port))
            || self
                .entries
                .iter()
                .any(|e| e.host == *host && e.port.is_some_and(port_matches))
    }

    /// Whether a request's `Host`, `text`, names this server. Without a
    /// port it stands for the default port of a scheme this server cannot
    /// see (a proxy's), so the name decides.
    fn admits_host(&self, text: &str) -> bool {
        Authority::parse(text).is_some_and(|a| self.admits(&a.host, a.port))
    }

    /// Whether `origin` (an `Origin` header) is a page of this server: one
    /// of its names on its port, by http (or https, behind a proxy the user
    /// allowed).
    pub fn admits_origin(&self, origin: &str) -> bool {
        let (authority, default_port) = if let Some(rest) = origin.strip_prefix("http://") {
            (rest, 80)
        } else if let Some(rest) = origin.strip_prefix("https://") {
            (rest, 443)
        } else {
            return false;
        };
        Authority::parse(authority)
            .is_some_and(|a| self.admits(&a.host, Some(a.port.unwrap_or(default_port))))
    }

    /// Whether a request with these headers and target names this server;
    /// else what it named, for the refusal.
    fn check(&self, headers: &HeaderMap, uri: &Uri) -> Result<(), Misdirected> {
        let mut hosts = headers.get_all(header::HOST).iter();
        let named = match (hosts.next(), hosts.next()) {
            (Some(value), None) => value
                .to_str()
                .map_err(|_| Misdirected::Unreadable)?
                .to_owned(),
            (None, _) => return Err(Misdirected::Nothing),
            (Some(_), Some(_)) => return Err(Misdirected::Several),
        };
        for text in std::iter::once(named.as_str()).chain(uri.authority().map(|a| a.as_str())) {
            if !self.admits_host(text) {
                return Err(Misdirected::Other(text.to_owned()));
            }
        }
        Ok(())
    }

    /// The option that would admit `text`, when it is a host at all.
    fn remedy(&self, text: &str) -> Option<String> {
        let mut authority = Authority::parse(text)?;
        if authority.port == Some(self.port) {
            authority.port = None;
        }
        Some(format!("--allow-host {authority}"))
    }

    /// The refusal of a request that named `misdirected`.
    fn refusal(&self, misdirected: &Misdirected) -> Response {
        let mut ours: Vec<String> = self
            .entries
            .iter()
            .map(|a| format!("http://{a}/"))
            .collect();
        if self.any_ip {
            ours.push(format!(
                "any IP address of this computer on port {}",
                self.port
            ));
        }
        let ours = ours.join(", ");
        let what = match misdirected {
            Misdirected::Nothing => "this request named no host (it has no Host header)".to_owned(),
            Misdirected::Several => "this request has several Host headers".to_owned(),
            Misdirected::Unreadable => "this request's Host header is not text".to_owned(),
            Misdirected::Other(text) => format!("this request was for `{}`", text.escape_debug()),
        };
        let fix = match misdirected {
            Misdirected::Other(text) => self.remedy(text).map_or_else(
                || "That is not a host name.".to_owned(),
                |option| {
                    format!(
                        "To open the site under that name, restart tier0 serve with `{option}`."
                    )
                },
            ),
            _ => "Open the site at one of those addresses.".to_owned(),
        };
        let body =
            format!("tier0 serve answers only at its own addresses ({ours}); {what}.\n{fix}\n");
        let mut response = (StatusCode::MISDIRECTED_REQUEST, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}

/// What a refused request named instead of one of ours.
#[derive(Debug, PartialEq, Eq)]
enum Misdirected {
    Nothing,
    Several,
    Unreadable,
    Other(String),
}

/// Passes on only requests that name this server; the rest get 421.
pub async fn only_our_names(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    match shared.hosts.check(request.headers(), request.uri()) {
        Ok(()) => next.run(request).await,
        Err(misdirected) => shared.hosts.refusal(&misdirected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(bind: &str, extra: &[&str]) -> AllowedHosts {
        let extra: Vec<Authority> = extra.iter().map(|e| e.parse().unwrap()).collect();
        AllowedHosts::new(bind.parse().unwrap(), 1111, &extra)
    }

    fn loopback() -> AllowedHosts {
        allowed("127.0.0.1", &[])
    }

    #[test]
    fn loopback_names_with_or_without_the_port() {
        let hosts = loopback();
        for ok in [
            "127.0.0.1",
            "127.0.0.1:1111",
            "localhost",
            "localhost:1111",
            "LOCALHOST:1111",
            "LocalHost",
            "localhost.:1111",
            "localhost.",
            "[::1]",
            "[::1]:1111",
            "[0:0:0:0:0:0:0:1]:1111",
        ] {
            assert!(hosts.admits_host(ok), "{ok}");
        }
    }

    #[test]
    fn other_names_ports_and_tricks_are_refused() {
        let hosts = loopback();
        for bad in [
            "",
            "evil.com",
            "evil.com:1111",
            "localhost.evil.com",
            "localhost.evil.com:1111",
            "127.0.0.1.evil.com",
            "127.0.0.1@evil.com",
            "127.0.0.1:1111@evil.com",
            "evil.com@127.0.0.1:1111",
            "user@localhost:1111",
            "localhost:2222",
            "127.0.0.1:80",
            "[::1]:2222",
            "localhost:",
            "localhost:+1111",
            "localhost:01111x",
            "localhost:99999999",
            "localhost..",
            ".localhost",
            "::1",
            "::1:1111",
            "[::1",
            "[::1]x",
            "[::1]1111",
            "127.1",
            "0x7f.0.0.1",
            "127.0.0.2:1111",
            "10.0.0.1:1111",
            "localhost/",
            "localhost:1111/x",
            "local host",
            "localhost%00",
        ] {
            assert!(!hosts.admits_host(bad), "{bad:?}");
        }
    }

    #[test]
    fn the_bind_address_and_allowed_names_are_ours_too() {
        let hosts = allowed(
            "192.168.1.20",
            &["docs.example.lan", "Tunnel.Example:8080", "[fd00::5]"],
        );
        for ok in [
            "192.168.1.20:1111",
            "192.168.1.20",
            "docs.example.lan:1111",
            "DOCS.example.lan",
            "docs.example.lan.:1111",
            "tunnel.example:8080",
            "tunnel.example",
            "[fd00::5]:1111",
            "localhost:1111",
        ] {
            assert!(hosts.admits_host(ok), "{ok}");
        }
        for bad in [
            "docs.example.lan:8080",
            "tunnel.example:1111",
            "sub.docs.example.lan",
            "docs.example.lan.evil.com",
            "192.168.1.21:1111",
        ] {
            assert!(!hosts.admits_host(bad), "{bad}");
        }
    }

    #[test]
    fn bound_to_every_address_any_ip_address_on_our_port_is_ours_but_no_name() {
        let hosts = allowed("0.0.0.0", &[]);
        assert!(hosts.admits_host("192.168.1.20:1111"));
        assert!(hosts.admits_host("[fe80::1]:1111"));
        assert!(!hosts.admits_host("192.168.1.20:2222"));
        assert!(!hosts.admits_host("mybox.lan:1111"));
        assert!(!loopback().admits_host("192.168.1.20:1111"));
    }

    #[test]
    fn origins_are_compared_with_our_names_and_port() {
        let hosts = allowed("127.0.0.1", &["docs.example.lan", "proxy.example:443"]);
        for ok in [
            "http://127.0.0.1:1111",
            "http://localhost:1111",
            "http://LOCALHOST:1111",
            "http://[::1]:1111",
            "http://docs.example.lan:1111",
            "https://proxy.example",
        ] {
            assert!(hosts.admits_origin(ok), "{ok}");
        }
        for bad in [
            "null",
            "",
            "http://evil.com:1111",
            "http://localhost.evil.com:1111",
            "http://127.0.0.1:1111@evil.com",
            "http://evil.com#@127.0.0.1:1111",
            "http://127.0.0.1",
            "http://localhost:2222",
            "http://127.0.0.1:1111/",
            "file://",
            "ws://127.0.0.1:1111",
            "http://docs.example.lan",
            "http://proxy.example",
        ] {
            assert!(!hosts.admits_origin(bad), "{bad:?}");
        }
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn a_request_needs_exactly_one_host_of_ours_and_an_absolute_target_of_ours() {
        let hosts = loopback();
        let path: Uri = "/red/wifi/".parse().unwrap();
        assert_eq!(
            hosts.check(&headers(&[("host", "127.0.0.1:1111")]), &path),
            Ok(())
        );
        assert_eq!(hosts.check(&headers(&[]), &path), Err(Misdirected::Nothing));
        assert_eq!(
            hosts.check(
                &headers(&[("host", "127.0.0.1:1111"), ("host", "evil.com")]),
                &path
            ),
            Err(Misdirected::Several)
        );
        assert_eq!(
            hosts.check(&headers(&[("host", "evil.com:1111")]), &path),
            Err(Misdirected::Other("evil.com:1111".to_owned()))
        );
        let absolute: Uri = "http://evil.com:1111/red/wifi/".parse().unwrap();
        assert_eq!(
            hosts.check(&headers(&[("host", "127.0.0.1:1111")]), &absolute),
            Err(Misdirected::Other("evil.com:1111".to_owned()))
        );
        let ours: Uri = "http://localhost:1111/red/wifi/".parse().unwrap();
        assert_eq!(
            hosts.check(&headers(&[("host", "127.0.0.1:1111")]), &ours),
            Ok(())
        );
    }

    #[test]
    fn the_refusal_names_the_option_that_would_allow_the_host() {
        let hosts = loopback();
        assert_eq!(
            hosts.remedy("Docs.Example.lan:1111").as_deref(),
            Some("--allow-host docs.example.lan")
        );
        assert_eq!(
            hosts.remedy("localhost:8080").as_deref(),
            Some("--allow-host localhost:8080")
        );
        assert_eq!(
            hosts.remedy("[fd00::5]").as_deref(),
            Some("--allow-host [fd00::5]")
        );
        assert_eq!(hosts.remedy("127.0.0.1@evil.com"), None);
    }

    #[test]
    fn allow_host_values_are_checked_when_parsed() {
        for ok in [
            "docs.example.lan",
            "localhost:8080",
            "[fd00::5]:80",
            "10.0.0.2",
        ] {
            assert!(ok.parse::<Authority>().is_ok(), "{ok}");
        }
        for bad in [
            "http://docs.example.lan",
            "docs.example.lan/",
            "a b",
            "",
            "fd00::5",
        ] {
            let error = bad.parse::<Authority>().unwrap_err();
            assert!(error.contains("without http://"), "{bad}: {error}");
        }
    }
}
