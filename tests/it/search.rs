//! `tier0 search`: the last build's index, from an agent's terminal.

use crate::support::{Site, stderr};

fn built(args: &[&str]) -> Site {
    let site = Site::fixture("basic");
    let mut build = vec!["build"];
    build.extend_from_slice(args);
    site.tier0(&build).assert().success();
    site
}

#[test]
fn finds_articles_by_words_stems_and_whole_error_codes() {
    let site = built(&[]);
    let out = site.tier0(&["search", "conectar", "vpn"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(" 1. Conectar la VPN [L1] KB-2\n    vpn/conectar/index.html\n"),
        "{text}"
    );
    let out = site.tier0(&["search", "0x80070005"]).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("KB-1"));
}

#[test]
fn json_output_is_ranked_and_links_are_absolute_with_a_base_url() {
    let site = built(&["--base-url", "https://help.example/"]);
    let out = site
        .tier0(&["search", "--json", "--lang", "en", "wi-fi"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["lang"], "en");
    let first = &json["results"][0];
    assert_eq!(first["rank"], 1);
    assert_eq!(first["id"], "KB-1");
    assert_eq!(first["title"], "Wi-Fi does not connect");
    assert_eq!(first["url"], "https://help.example/en/red/wifi/");
}

#[test]
fn nothing_found_exits_1_and_no_index_exits_2() {
    let site = built(&[]);
    let out = site.tier0(&["search", "zzzqqqxx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let fresh = Site::fixture("basic");
    let out = fresh.tier0(&["search", "wifi"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("run `tier0 build` first"),
        "{}",
        stderr(&out)
    );
    let out = site
        .tier0(&["search", "--lang", "fr", "wifi"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_reply_with_a_relative_link_says_so() {
    // The basic fixture has no `base_url`: its links are relative.
    let site = built(&[]);
    let output = site.tier0(&["search", "--reply", "wifi"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let reply = String::from_utf8_lossy(&output.stdout);
    assert!(reply.contains("KB-1"), "{reply}");
    let err = stderr(&output);
    assert!(
        err.contains("warning: the link in the reply is relative") && err.contains("`base_url`"),
        "{err}"
    );
    // A plain search prints no such warning: its links are for reading.
    let listed = site.tier0(&["search", "wifi"]).output().unwrap();
    assert!(!stderr(&listed).contains("relative"), "{}", stderr(&listed));
}
