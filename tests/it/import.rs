//! `tier0 import zendesk`: the fixture export (the Help Center API's pages
//! for two locales, nested sections, a draft, a restricted article and
//! hostile HTML) imported, built, imported again.

use std::path::{Component, Path, PathBuf};

use crate::support::{Site, copy_dir, stderr};

fn export_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/zendesk/export")
}

fn import(site: &Site, export: &Path) -> std::process::Output {
    site.tier0(&["import", "zendesk", export.to_str().unwrap()])
        .output()
        .unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `dir/../a/` → `a/index.html`, as a static server or a browser opening
/// files would find it.
fn resolve(dir: &Path, href: &str) -> PathBuf {
    let href = href.split('#').next().unwrap();
    let mut out = PathBuf::new();
    for c in dir.join(href).components() {
        match c {
            Component::ParentDir => assert!(out.pop(), "{href} climbs out of the site"),
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    if href.ends_with('/') {
        out.push("index.html");
    }
    out
}

/// The page an alias page sends the browser to (read from its refresh tag).
fn redirect_target(public: &Path, alias: &str) -> PathBuf {
    let dir = public.join(alias.trim_start_matches('/'));
    let html = std::fs::read_to_string(dir.join("index.html"))
        .unwrap_or_else(|e| panic!("alias {alias}: {e}"));
    let start = html
        .find("url=")
        .unwrap_or_else(|| panic!("no redirect in {alias}: {html}"))
        + 4;
    let target = &html[start..start + html[start..].find('"').unwrap()];
    resolve(&dir, target)
}

fn title_of(page: &Path) -> String {
    let html = std::fs::read_to_string(page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
    let start = html.find("<title>").unwrap() + 7;
    html[start..start + html[start..].find("</title>").unwrap()].to_owned()
}

fn hrefs(html: &str) -> Vec<&str> {
    html.match_indices(" href=\"")
        .map(|(i, _)| {
            let rest = &html[i + 7..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn an_export_builds_and_its_old_addresses_lead_to_the_new_pages() {
    let site = Site::empty();
    let output = import(&site, &export_fixture());
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains(
            "created   content/network-vpn/vpn/macos/troubleshooting/error-809-on-macos.md\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "Imported 6 articles in 2 languages (en, the default; es): 20 created, 0 updated"
        ),
        "{out}"
    );
    assert!(
        stderr(&output).contains("ZD-304, which is restricted"),
        "{}",
        stderr(&output)
    );
    // Nested sections are nested folders, each described by its `_index.md`.
    for rel in [
        "network-vpn/vpn/_index.md",
        "network-vpn/vpn/macos/_index.es.md",
        "network-vpn/vpn/macos/troubleshooting/_index.md",
    ] {
        assert!(site.root().join("content").join(rel).is_file(), "{rel}");
    }

    let build = site.tier0(&["build"]).output().unwrap();
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(!stderr(&build).contains("warning:"), "{}", stderr(&build));
    let public = site.public();

    // Every old address of a published article redirects to its page.
    for (alias, title) in [
        ("hc/en-us/articles/301", "Error 809 on macOS"),
        (
            "hc/en-us/articles/301-Error-809-on-macOS",
            "Error 809 on macOS",
        ),
        ("hc/articles/300", "Connect to the VPN"),
        (
            "hc/es/articles/300-Conectarse-a-la-VPN",
            "Conectarse a la VPN",
        ),
        (
            "hc/es/articles/303-Restablecer-la-contraseña",
            "Restablecer la contraseña",
        ),
        ("hc/en-us/articles/305", "Password policy"),
    ] {
        let page = redirect_target(&public, alias);
        assert!(page.is_file(), "{alias} → {} is missing", page.display());
        assert!(
            title_of(&page).starts_with(title),
            "{alias} → {}",
            page.display()
        );
    }

    // A draft and an article Zendesk restricts are not on the public site.
    assert!(!public.join("hc/en-us/articles/302").exists());
    assert!(!public.join("kb/ZD-302").exists());
    assert!(!public.join("hc/en-us/articles/304").exists());
    for (path, bytes) in crate::support::tree(&public) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("VPN access for agents"),
            "restricted article in {path}"
        );
        assert!(!text.contains("Install the VPN client"), "draft in {path}");
    }

    // The translations are one article; the link to another article and its
    // anchor resolve; hostile HTML is gone.
    let connect_page = redirect_target(&public, "hc/en-us/articles/300");
    let connect = std::fs::read_to_string(&connect_page).unwrap();
    let dir = connect_page.parent().unwrap();
    let spanish = hrefs(&connect)
        .into_iter()
        .find(|h| h.contains("/es/"))
        .unwrap_or_else(|| panic!("no link to the Spanish translation: {connect}"));
    assert_eq!(
        title_of(&resolve(dir, spanish)),
        title_of(&redirect_target(&public, "hc/es/articles/300"))
    );
    let fix = hrefs(&connect)
        .into_iter()
        .find(|h| h.ends_with("#h_01ERRFIX"))
        .expect("link to the fix");
    let error_page = resolve(dir, fix);
    assert_eq!(
        error_page,
        redirect_target(&public, "hc/en-us/articles/301")
    );
    let error = std::fs::read_to_string(&error_page).unwrap();
    assert!(
        error.contains("id=\"h_01ERRFIX\""),
        "the anchor's heading keeps its id"
    );
    for hostile in [
        "stolen",
        "alert(",
        "onerror",
        "onclick",
        "javascript:",
        "steal()",
    ] {
        assert!(!error.contains(hostile), "{hostile} left in the page");
    }
    assert!(
        error.contains("colspan=\"2\""),
        "a table Markdown cannot hold stays HTML"
    );

    // Tags and dates reach articles.json.
    let json: serde_json::Value = serde_json::from_str(&site.read_public("articles.json")).unwrap();
    let list = json
        .as_array()
        .or_else(|| json["articles"].as_array())
        .unwrap();
    let connect = list
        .iter()
        .find(|a| a["id"] == "ZD-300" && a["lang"] == "en")
        .unwrap();
    assert_eq!(connect["tags"], serde_json::json!(["vpn", "remote"]));
    assert_eq!(
        (connect["date"].as_str(), connect["updated"].as_str()),
        (Some("2023-03-02"), Some("2024-05-01"))
    );

    // Drafts are drafts: built with --drafts, the draft is there.
    let drafts = site.tier0(&["build", "--drafts"]).output().unwrap();
    assert!(drafts.status.success(), "{}", stderr(&drafts));
    assert!(redirect_target(&public, "hc/en-us/articles/302").is_file());
}

/// Rewrites the body of article `id` in `locale` in the export at `dir`.
fn change_body(dir: &Path, file: &str, id: u64, locale: &str, body: &str) {
    let path = dir.join(file);
    let mut page: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let article = page["articles"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["id"] == id && a["locale"] == locale)
        .unwrap();
    article["body"] = body.into();
    article["updated_at"] = "2024-09-01T00:00:00Z".into();
    std::fs::write(path, serde_json::to_string_pretty(&page).unwrap()).unwrap();
}

#[test]
fn a_rerun_updates_what_changed_and_never_overwrites_a_local_edit() {
    let site = Site::empty();
    let export = tempfile::tempdir().unwrap();
    copy_dir(&export_fixture(), export.path());
    assert!(import(&site, export.path()).status.success());

    let edited = site
        .root()
        .join("content/network-vpn/vpn/connect-to-the-vpn.md");
    let mine = std::fs::read_to_string(&edited).unwrap() + "\nA note from level 3.\n";
    std::fs::write(&edited, &mine).unwrap();
    let kept = site
        .root()
        .join("content/accounts/passwords/password-policy.md");
    let kept_text = std::fs::read_to_string(&kept)
        .unwrap()
        .replace("12 characters", "14 characters");
    std::fs::write(&kept, &kept_text).unwrap();
    change_body(
        export.path(),
        "articles.json",
        300,
        "en-us",
        "<p>The VPN moved to a new client. On a Mac see <a href=\"/hc/en-us/articles/301#h_01ERRFIX\">the fix</a>.</p>",
    );
    change_body(
        export.path(),
        "articles-2.json",
        303,
        "en-us",
        "<p>Passwords are reset at the portal now.</p>",
    );

    let output = import(&site, export.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("conflict  content/network-vpn/vpn/connect-to-the-vpn.md (edited here and changed in Zendesk; Zendesk's version is in content/network-vpn/vpn/.connect-to-the-vpn.md.zendesk-new)"),
        "{out}"
    );
    assert!(
        out.contains("updated   content/accounts/passwords/reset-your-password.md\n"),
        "{out}"
    );
    assert!(out.contains("kept      content/accounts/passwords/password-policy.md (edited here; unchanged in Zendesk)"), "{out}");
    assert!(
        out.contains("unchanged content/accounts/passwords/reset-your-password.es.md\n"),
        "{out}"
    );
    assert!(
        out.contains(": 0 created, 1 updated, 17 unchanged, 1 kept, 1 conflict(s), 0 gone"),
        "{out}"
    );
    assert!(
        stderr(&output).contains("1 file(s) changed both here and in Zendesk"),
        "{}",
        stderr(&output)
    );

    assert_eq!(std::fs::read_to_string(&edited).unwrap(), mine);
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), kept_text);
    let theirs =
        std::fs::read_to_string(edited.with_file_name(".connect-to-the-vpn.md.zendesk-new"))
            .unwrap();
    assert!(theirs.contains("The VPN moved to a new client."));
    let reset = std::fs::read_to_string(
        site.root()
            .join("content/accounts/passwords/reset-your-password.md"),
    )
    .unwrap();
    assert!(reset.contains("Passwords are reset at the portal now."));

    // The export's version beside the conflict is never published.
    let build = site.tier0(&["build"]).output().unwrap();
    assert!(build.status.success(), "{}", stderr(&build));
    for (path, bytes) in crate::support::tree(&site.public()) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("moved to a new client"),
            "{path}"
        );
    }
}

#[test]
fn a_malformed_export_is_a_located_error_and_nothing_is_written() {
    let site = Site::empty();
    let export = tempfile::tempdir().unwrap();
    copy_dir(&export_fixture(), export.path());
    std::fs::write(
        export.path().join("sections-2.json"),
        "{\n  \"sections\": [\n    {\"id\": \"two hundred\"}\n  ]\n}\n",
    )
    .unwrap();
    let output = import(&site, export.path());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("sections-2.json:3:"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(std::fs::read_dir(site.root()).unwrap().count(), 0);

    let missing = import(&site, &site.root().join("no-such-export"));
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no-such-export"),
        "{}",
        stderr(&missing)
    );
}

/// QA: a page saved by Windows PowerShell starts with a byte order mark,
/// which stopped the import ("expected value at line 1 column 1").
#[test]
fn a_page_with_a_byte_order_mark_is_read() {
    let export = Site::empty();
    let articles =
        r#"{"articles": [{"id": 1, "title": "Hola", "locale": "es", "body": "<p>Hola</p>"}]}"#;
    export.write("articles.json", format!("\u{feff}{articles}"));
    let site = Site::empty();
    let output = import(&site, export.root());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site.root().join("content/hola.md").is_file());
}

/// QA: a page in another encoding was "cannot read" (exit 2), with no
/// place; it is an error of the export, located at its first bad byte.
#[test]
fn a_page_that_is_not_utf8_is_a_located_error_and_nothing_is_written() {
    let export = Site::empty();
    export.write(
        "articles.json",
        b"{\"articles\": [\n  {\"id\": 1, \"title\": \"Impresi\xF3n\", \"locale\": \"es\"}\n]}\n",
    );
    export.write("sections.json", b"\xFF\xFE{\0}\0");
    let site = Site::empty();
    let output = import(&site, export.root());
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("articles.json:2:30"), "{err}");
    assert!(err.contains("byte 0xF3 here is not UTF-8"), "{err}");
    assert!(err.contains("iconv"), "says how to fix it: {err}");
    assert!(err.contains("sections.json:1:1"), "{err}");
    assert!(err.contains("this file is UTF-16"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(std::fs::read_dir(site.root()).unwrap().count(), 0);
}
