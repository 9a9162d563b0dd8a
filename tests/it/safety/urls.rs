//! No URL from config or content can carry script.
//!
//! Every link the config gives tier0 (contact links, emails and phones,
//! the feedback endpoint, base URLs) and every front-matter value that
//! becomes part of a link (id, slug, category, aliases, language, tiers) is
//! refused, located, when it could make a link other than http, https,
//! mailto, tel or relative, with schemes read as browsers read them. And
//! no link in a built site has another scheme.

use crate::support::{Site, stderr, tree};

/// Runs a strict build that must fail on the config or content, and
/// returns its stderr.
fn refused(site: &Site) -> String {
    let out = site.tier0(&["build", "--strict"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!site.public().exists(), "nothing may be written:\n{err}");
    err
}

fn has(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

/// The basic fixture with `from` replaced by `to` in its config.
fn with_config(from: &str, to: &str) -> Site {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    assert!(config.contains(from), "{from}");
    site.write("tier0.yaml", config.replacen(from, to, 1));
    site
}

const CONTACT_URL: &str = "url: \"https://soporte.example/nuevo?id={id}&t={title}\"";
const EMAIL: &str = "email: soporte@example.com";
const PHONE: &str = "phone: \"+34 900 000 000\"";
const TITLE: &str = "title: {es: Ayuda de prueba, en: Test help}";

#[test]
fn config_links_with_hostile_schemes_are_located_errors() {
    // (what the config says instead, where the error points, what it says)
    let cases: &[(&str, &str, &str, &[&str])] = &[
        (
            CONTACT_URL,
            "url: \"javascript:alert(document.cookie)\"",
            "tier0.yaml:9:13",
            &["`tiers[0].contact.url`", "scheme `javascript:`"],
        ),
        (
            CONTACT_URL,
            "url: \" JaVaScRiPt:alert(1)\"",
            "tier0.yaml:9:13",
            &["scheme `javascript:`"],
        ),
        (
            CONTACT_URL,
            r#"url: "java\tscript:alert(1)""#,
            "tier0.yaml:9:13",
            &["scheme `javascript:`"],
        ),
        (
            CONTACT_URL,
            "url: \"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"",
            "tier0.yaml:9:13",
            &["scheme `data:`"],
        ),
        (
            CONTACT_URL,
            "url: \"{title}:alert(1)\"",
            "tier0.yaml:9:13",
            &["a placeholder stands where its scheme is read"],
        ),
        (
            EMAIL,
            "email: \"javascript:alert(1)//@x\"",
            "tier0.yaml:10:15",
            &["`tiers[0].contact.email`", "is not an email address"],
        ),
        (
            PHONE,
            "phone: \"vbscript:msgbox\"",
            "tier0.yaml:11:15",
            &["`tiers[0].contact.phone`", "has no digits to dial"],
        ),
        (
            TITLE,
            &format!("{TITLE}\nfeedback: {{endpoint: \"vbscript:msgbox(1)\"}}"),
            "tier0.yaml:2:",
            &["`feedback.endpoint`", "scheme `vbscript:`"],
        ),
        (
            TITLE,
            &format!("{TITLE}\nfeedback:\n  endpoint: \"file:///etc/passwd\""),
            "tier0.yaml:3:14",
            &["scheme `file:`"],
        ),
        (
            TITLE,
            &format!("{TITLE}\nbase_url: \"blob:https://help.example/1\""),
            "tier0.yaml:2:12",
            &["`base_url`", "scheme `blob:`"],
        ),
        (
            TITLE,
            &format!("{TITLE}\nagents: {{base_url: \"data:,x\"}}"),
            "tier0.yaml:2:",
            &["`agents.base_url`", "scheme `data:`"],
        ),
    ];
    for (from, to, located, messages) in cases {
        let err = refused(&with_config(from, to));
        has(&err, &[located]);
        has(&err, messages);
        has(&err, &["help: "]);
    }
}

#[test]
fn contact_links_tier0_makes_keep_their_scheme() {
    // An address or number that holds a scheme of its own is still written
    // under tier0's `mailto:` and `tel:`, which run nothing.
    let site = with_config(EMAIL, "email: \"ayuda+javascript@example.com\"");
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    site.write(
        "tier0.yaml",
        config.replacen(PHONE, "phone: \"javascript:alert(1)\"", 1),
    );
    site.tier0(&["build"]).assert().success();
    let tier = site.read_public("tiers/l1/index.html");
    has(
        &tier,
        &[
            r#"href="mailto:ayuda+javascript@example.com""#,
            r#"href="tel:1""#,
        ],
    );
}

#[test]
fn front_matter_values_that_make_links_cannot_carry_a_scheme() {
    // (key: value, where the error points, what it says)
    let cases = [
        (
            "slug: \"javascript:alert(1)\"",
            "3:7",
            "is not a valid URL segment",
        ),
        (
            "id: \"javascript:alert(1)\"",
            "3:5",
            "may only contain letters",
        ),
        (
            "category: \"data:text\"",
            "3:11",
            "is not a valid category id",
        ),
        (
            "aliases: [\"javascript:alert(1)\"]",
            "3:10",
            "is not a path inside the site",
        ),
        (
            "lang: \"javascript:x\"",
            "3:7",
            "is not one of the site's languages",
        ),
        ("tier: \"javascript:x\"", "3:7", "unknown tier"),
        ("escalate_to: \"vbscript:x\"", "3:14", "unknown tier"),
    ];
    for (line, at, message) in cases {
        let site = Site::fixture("basic");
        let id = if line.starts_with("id:") {
            ""
        } else {
            "id: KB-70\n"
        };
        site.write(
            "content/red/enlace.md",
            format!("---\ntitle: Enlace\n{line}\n{id}---\n\nTexto.\n"),
        );
        let err = refused(&site);
        has(&err, &[&format!("content/red/enlace.md:{at}"), message]);
    }
}

/// The scheme of a link as a browser reads it (lowercased), if it has one.
fn scheme(url: &str) -> Option<String> {
    let url: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

#[test]
fn no_link_of_a_built_site_has_another_scheme() {
    // The hostile fixture: script in every field, `javascript:` links in
    // the body, cleaned by `raw_html: sanitize`.
    for fixture in ["basic", "hostile"] {
        let site = Site::fixture(fixture);
        site.tier0(&["build", "--base-url", "https://help.example/"])
            .assert()
            .success();
        let mut links = 0;
        for (path, bytes) in tree(&site.public()) {
            if !path.ends_with(".html") {
                continue;
            }
            let page = String::from_utf8(bytes).unwrap();
            for attribute in [
                " href=\"",
                " src=\"",
                " action=\"",
                " data-feedback=\"",
                " data-href-tried=\"",
                " data-contact-template=\"",
                " data-link=\"",
            ] {
                for value in page.split(attribute).skip(1) {
                    let value = value[..value.find('"').unwrap()].replace("&amp;", "&");
                    links += 1;
                    if let Some(scheme) = scheme(&value) {
                        assert!(
                            ["http", "https", "mailto", "tel"].contains(&scheme.as_str()),
                            "{fixture}: {path}: {attribute}{value}"
                        );
                    }
                }
            }
        }
        assert!(links > 100, "{fixture}: only {links} links seen");
    }
}
