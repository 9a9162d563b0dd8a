//! `tier0 insights serve` and `report` on the agents fixture, against a
//! temporary SQLite file and, when `TIER0_TEST_POSTGRES` names a server
//! (scripts/test starts one), against a fresh PostgreSQL database too.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command as Process};
use std::time::Duration;

use serde_json::Value;

use crate::support::{Site, spawn_listening};

/// The databases to run each test against: a SQLite file in `site`, and a
/// new PostgreSQL database when the test command provides a server.
fn databases(site: &Site, name: &str) -> Vec<String> {
    let mut specs = vec![site.root().join(format!("{name}.db")).display().to_string()];
    match std::env::var("TIER0_TEST_POSTGRES") {
        Ok(server) => {
            let database = format!("{name}_{}", std::process::id());
            let created = Process::new("psql")
                .args([&server, "-q", "-c", &format!("CREATE DATABASE {database}")])
                .status()
                .expect("psql (the postgresql-client package) runs");
            assert!(
                created.success(),
                "cannot create database {database} on {server}"
            );
            let (base, _) = server.rsplit_once('/').expect("a URL ending in /database");
            specs.push(format!("{base}/{database}"));
        }
        Err(_) if std::env::var_os("TIER0_REQUIRE_POSTGRES").is_some() => {
            panic!("TIER0_REQUIRE_POSTGRES is set but TIER0_TEST_POSTGRES is not")
        }
        Err(_) => eprintln!(
            "insights: PostgreSQL skipped (TIER0_TEST_POSTGRES is not set; scripts/test sets it)"
        ),
    }
    specs
}

/// A running collector.
struct Collector {
    child: Child,
    address: String,
}

impl Collector {
    fn start(site: &Site, database: &str, extra: &[&str]) -> Collector {
        Collector::start_with_env(site, database, extra, &[])
    }

    fn start_with_env(
        site: &Site,
        database: &str,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Collector {
        let mut command = Process::new(assert_cmd::cargo::cargo_bin("tier0"));
        command
            .args([
                "insights",
                "serve",
                "--quiet",
                "--port",
                "0",
                "--database",
                database,
            ])
            .args(extra)
            .envs(env.iter().copied());
        let (child, address) = spawn_listening(site, command);
        Collector { child, address }
    }

    /// POSTs `body` to /events from a page of `origin`; returns the status.
    fn post(&self, origin: Option<&str>, body: &[u8]) -> u16 {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let origin = origin
            .map(|o| format!("Origin: {o}\r\n"))
            .unwrap_or_default();
        let head = format!(
            "POST /events HTTP/1.1\r\nHost: {}\r\n{origin}Content-Type: text/plain;charset=UTF-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.address,
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        // The server may answer (413) before it has read a large body.
        let _ = stream.write_all(body);
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let text = String::from_utf8_lossy(&response);
        text.split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }

    /// POSTs `event` from a page of the edition it names.
    fn send(&self, event: &str) -> u16 {
        let origin = if event.contains(r#""edition":"agents""#) {
            AGENTS
        } else {
            "https://help.example"
        };
        self.post(Some(origin), event.as_bytes())
    }

    /// Stops it as a service manager would (SIGTERM) and waits for its exit.
    fn stop(mut self) {
        let pid = i32::try_from(self.child.id()).unwrap();
        // SAFETY: kill(2) on our own child's pid.
        unsafe { libc::kill(pid, libc::SIGTERM) };
        let status = self.child.wait().unwrap();
        assert!(
            status.success(),
            "the collector exits cleanly on SIGTERM: {status}"
        );
    }

    /// Kills it outright (SIGKILL), as a crash would.
    fn kill(mut self) {
        self.child.kill().unwrap();
        let _ = self.child.wait();
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn report(site: &Site, database: &str) -> Value {
    let output = site
        .tier0(&[
            "insights",
            "report",
            "--format",
            "json",
            "--database",
            database,
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

const VIEW: &str = r#"{"type":"view","lang":"es","edition":"public","article":"KB-1"}"#;
/// The origin of the fixture's `agents.base_url`.
const AGENTS: &str = "https://agents.example";

#[test]
fn events_from_the_site_reach_the_report_with_the_numbers_checked_by_hand() {
    let site = Site::fixture("agents");
    for database in databases(&site, "loop") {
        let collector = Collector::start(&site, &database, &[]);
        let events = [
            (VIEW, 4),
            (
                r#"{"type":"view","lang":"es","edition":"public","article":"KB-2","sample":0.5}"#,
                1,
            ),
            (
                r#"{"type":"feedback","lang":"es","edition":"public","article":"KB-1","helpful":false,"steps":["paso-1"]}"#,
                3,
            ),
            (
                r#"{"type":"feedback","lang":"es","edition":"public","article":"KB-2","helpful":true}"#,
                1,
            ),
            (
                r#"{"type":"escalate","lang":"es","edition":"public","article":"KB-1","channel":"url","steps":["paso-1","paso-2"]}"#,
                2,
            ),
            (
                r#"{"type":"search","lang":"es","edition":"public","query":"Impresora  atascada","results":0}"#,
                2,
            ),
            (
                r#"{"type":"search","lang":"es","edition":"public","query":"vpn","results":3}"#,
                1,
            ),
            (
                r#"{"type":"search","lang":"es","edition":"public","query":"wifi","results":2,"clicked":"KB-1","rank":1}"#,
                1,
            ),
            (
                r#"{"type":"reuse","lang":"es","edition":"agents","article":"KB-9","how":"reply"}"#,
                1,
            ),
            (
                r#"{"type":"flag","lang":"es","edition":"agents","article":"KB-2","reason":"outdated","note":"Escribid a ana＠example.com o llamad al ６１２–３４５–６７８"}"#,
                1,
            ),
        ];
        for (event, times) in events {
            for _ in 0..times {
                assert_eq!(collector.send(event), 204, "{database}: {event}");
            }
        }
        collector.stop();
        let r = report(&site, &database);
        let totals = &r["totals"];
        // 4 views of KB-1, and one sampled at 0.5 that stands for 2 of KB-2.
        assert_eq!(totals["views"], 6.0, "{database}");
        assert_eq!(totals["escalations"], 2);
        assert_eq!(totals["self_service_score"], 3.0, "6 views ÷ 2 contacts");
        assert_eq!(totals["escalation_rate"], 2.0 / 6.0);
        assert_eq!(totals["helpful_ratio"], 0.25, "1 yes of 4 answers");
        assert_eq!(totals["searches"], 4);
        assert_eq!(
            (totals["reuse"].as_i64(), totals["flags"].as_i64()),
            (Some(1), Some(1))
        );
        assert_eq!(r["no_results"][0]["query"], "impresora atascada");
        assert_eq!(r["no_results"][0]["searches"], 2);
        assert_eq!(
            r["no_results"][0]["suggestion"],
            "tier0 new troubleshooting 'impresora atascada' --lang es"
        );
        assert_eq!(r["no_click"][0]["query"], "vpn");
        assert_eq!(
            r["no_click"].as_array().unwrap().len(),
            1,
            "the wifi search was clicked"
        );
        let kb1 = r["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == "KB-1")
            .unwrap();
        assert_eq!(
            (kb1["helpful"].as_i64(), kb1["unhelpful"].as_i64()),
            (Some(0), Some(3))
        );
        assert_eq!(kb1["escalation_rate"], 0.5);
        assert_eq!(kb1["tier"], "L3");
        let l3 = r["tiers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["tier"] == "L3")
            .unwrap();
        assert!(
            l3["teams"][0]["unhelpful"][0]
                .as_str()
                .unwrap()
                .starts_with("KB-1 (es)"),
            "{l3}"
        );
        let l2 = r["tiers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["tier"] == "L2")
            .unwrap();
        assert!(
            l2["teams"][0]["flagged"][0]
                .as_str()
                .unwrap()
                .starts_with("KB-2 (es)"),
            "{l2}"
        );
        assert_eq!(
            r["notes"][0]["note"], "Escribid a [email] o llamad al [phone]",
            "notes are scrubbed, whatever the script of their digits and at sign"
        );
    }
}

#[test]
fn bad_and_hostile_events_are_refused_and_nothing_is_stored() {
    let site = Site::fixture("agents");
    for database in databases(&site, "hostile") {
        let collector = Collector::start(&site, &database, &["--rate-limit", "30"]);
        let oversized = format!(
            r#"{{"type":"flag","lang":"es","edition":"agents","article":"KB-1","reason":"wrong","note":"{}"}}"#,
            "x".repeat(8000)
        );
        assert_eq!(collector.send(&oversized), 413, "oversized");
        for (event, why) in [
            (
                r#"{"type":"view","lang":"es","edition":"public","article":42}"#,
                "wrong type",
            ),
            (
                r#"{"type":"view","lang":"es","edition":"public","article":"KB-404"}"#,
                "unknown article",
            ),
            (
                r#"{"type":"view","lang":"es","edition":"public","article":"KB-1","ip":"203.0.113.9"}"#,
                "unknown field",
            ),
            (
                r#"{"type":"search","lang":"es","edition":"public","query":"<script>alert(1)</script>","results":0}"#,
                "script",
            ),
            (
                r#"{"type":"search","lang":"es","edition":"public","query":"a\u202eb","results":0}"#,
                "right-to-left override",
            ),
            (
                r#"{"type":"search","lang":"es","edition":"public","query":"x","results":"many"}"#,
                "wrong type",
            ),
            (
                r#"{"type":"flag","lang":"es","edition":"public","article":"KB-1","reason":"wrong"}"#,
                "flag from the public site",
            ),
            ("not json", "not JSON"),
        ] {
            assert_eq!(collector.send(event), 400, "{why}: {event}");
        }
        assert_eq!(
            collector.post(Some("https://evil.example"), VIEW.as_bytes()),
            403,
            "foreign origin"
        );
        // The edition is the client's word: an agents' event counts only
        // from the agents' edition's origin.
        let flag =
            r#"{"type":"flag","lang":"es","edition":"agents","article":"KB-1","reason":"wrong"}"#;
        let reuse =
            r#"{"type":"reuse","lang":"es","edition":"agents","article":"KB-1","how":"link"}"#;
        for event in [flag, reuse] {
            assert_eq!(
                collector.post(Some("https://help.example"), event.as_bytes()),
                403,
                "from the public site: {event}"
            );
            assert_eq!(
                collector.post(None, event.as_bytes()),
                403,
                "from no page: {event}"
            );
        }
        // A flood from one address: the first 30 (a minute's worth) pass.
        let statuses: Vec<u16> = (0..40)
            .map(|_| collector.post(None, VIEW.as_bytes()))
            .collect();
        let accepted = statuses.iter().filter(|&&s| s == 204).count();
        let limited = statuses.iter().filter(|&&s| s == 429).count();
        assert_eq!(
            (accepted + limited, limited > 0),
            (40, true),
            "{statuses:?}"
        );
        collector.stop();
        let r = report(&site, &database);
        assert_eq!(
            r["totals"]["views"], accepted as f64,
            "only the accepted events are stored"
        );
        assert_eq!(r["totals"]["searches"], 0);
        assert_eq!(r["totals"]["flags"], 0);
        assert_eq!(r["totals"]["reuse"], 0);
    }
}

#[test]
fn a_killed_collector_loses_no_acknowledged_event_and_restarts_cleanly() {
    let site = Site::fixture("agents");
    for database in databases(&site, "killed") {
        let collector = Collector::start(&site, &database, &["--rate-limit", "100000"]);
        let acknowledged = (0..150).filter(|_| collector.send(VIEW) == 204).count();
        collector.kill();
        let again = Collector::start(&site, &database, &[]);
        assert_eq!(
            again.send(VIEW),
            204,
            "the restarted collector takes events"
        );
        again.stop();
        let r = report(&site, &database);
        assert_eq!(
            r["totals"]["views"],
            (acknowledged + 1) as f64,
            "{database}"
        );
    }
}

#[test]
fn the_site_names_its_collector_only_when_configured() {
    let site = Site::fixture("agents");
    site.tier0(&["build", "--audience", "agents"])
        .assert()
        .success();
    let agents_page =
        std::fs::read_to_string(site.root().join("agentes/red/wifi/index.html")).unwrap();
    assert!(
        !agents_page.contains("tier0-insights"),
        "no endpoint, nothing sent"
    );
    assert!(!agents_page.contains("data-flag"));
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    site.write(
        "tier0.yaml",
        format!("{config}insights: {{endpoint: \"https://kb-insights.example/events\", view_sample: 0.5}}\n"),
    );
    site.tier0(&["build"]).assert().success();
    site.tier0(&["build", "--audience", "agents"])
        .assert()
        .success();
    let public = site.read_public("red/wifi/index.html");
    assert!(public.contains(r#"<meta name="tier0-insights" content="https://kb-insights.example/events" data-edition="public" data-view-sample="0.5">"#), "{public}");
    assert!(
        !public.contains("data-flag"),
        "flags are the agents' control"
    );
    let agents_page =
        std::fs::read_to_string(site.root().join("agentes/red/wifi/index.html")).unwrap();
    assert!(agents_page.contains(r#"data-edition="agents""#));
    assert!(agents_page.contains("data-flag"));
}

#[test]
fn an_endpoint_and_origins_are_checked_where_they_are_written() {
    let site = Site::fixture("agents");
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    site.write(
        "tier0.yaml",
        format!("{config}insights: {{endpoint: \"javascript:alert(1)\", allow_origins: [\"https://help.example/kb/\"], view_sample: 2}}\n"),
    );
    let output = site.tier0(&["check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stderr);
    assert!(text.contains("tier0.yaml:"), "{text}");
    assert!(text.contains("insights.endpoint"), "{text}");
    assert!(text.contains("is not an origin"), "{text}");
    assert!(text.contains("view_sample"), "{text}");
}

/// Whether the server closes `stream` (EOF or reset) within a minute; what
/// it sent before closing is returned too.
fn closed_by_server(mut stream: TcpStream) -> (bool, String) {
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut seen = Vec::new();
    let closed = match stream.read_to_end(&mut seen) {
        Ok(_) => true,
        Err(e) => !matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
    };
    (closed, String::from_utf8_lossy(&seen).into_owned())
}

#[test]
fn a_client_that_never_finishes_its_body_is_dropped_and_a_huge_one_refused_up_front() {
    let site = Site::fixture("agents");
    let database = site.root().join("stalled.db").display().to_string();
    let collector = Collector::start_with_env(
        &site,
        &database,
        &[],
        &[("TIER0_SERVE_CLIENT_TIMEOUT_MS", "300")],
    );
    let head = |length: &str| {
        format!(
            "POST /events HTTP/1.1\r\nHost: {}\r\nContent-Length: {length}\r\n\r\n{{",
            collector.address
        )
    };
    let mut stalled = TcpStream::connect(&collector.address).unwrap();
    stalled.write_all(head("100").as_bytes()).unwrap();
    let (closed, _) = closed_by_server(stalled);
    assert!(
        closed,
        "a body of 100 bytes with one sent holds no connection"
    );

    // Refused before any of it is read: the answer comes at once, not
    // after the body or the timeout.
    let mut huge = TcpStream::connect(&collector.address).unwrap();
    huge.write_all(head("99999999999999").as_bytes()).unwrap();
    let (closed, answer) = closed_by_server(huge);
    assert!(closed);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");

    assert_eq!(collector.send(VIEW), 204, "still collecting");
    collector.stop();
}
