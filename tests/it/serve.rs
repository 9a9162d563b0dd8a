//! `tier0 serve`: incremental rebuilds always end in exactly the site a
//! clean build makes, and a broken file never takes the site down.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Server, Site, edit, tree};

/// The live-reload tag the server adds to HTML pages.
pub(crate) const LIVE_TAG: &str = "<script src=\"/__tier0/live.js\"></script>";

/// Every file a clean build of `site` makes is served with the same bytes,
/// and nothing else is served.
pub(crate) fn assert_same_as_clean_build(
    site: &Site,
    server: &Server,
    settled: &serde_json::Value,
    step: &str,
) {
    assert_same_as_clean_build_with(site, server, settled, step, &[]);
}

/// [`assert_same_as_clean_build`], for a server and a clean build both
/// given the options `args` (`--audience agents`).
pub(crate) fn assert_same_as_clean_build_with(
    site: &Site,
    server: &Server,
    settled: &serde_json::Value,
    step: &str,
    args: &[&str],
) {
    let clean = site.root().join("clean");
    let _ = std::fs::remove_dir_all(&clean);
    let mut build = vec!["build", "--quiet", "--base-url", "/", "--out", "clean"];
    build.extend(args);
    site.tier0(&build).assert().success();
    let files = tree(&clean);
    for (path, bytes) in &files {
        let (status, mut body) = server.get(&format!("/{path}"));
        assert_eq!(status, 200, "{step}: /{path}");
        if path.ends_with(".html") {
            body = String::from_utf8(body)
                .unwrap()
                .replacen(LIVE_TAG, "", 1)
                .into_bytes();
        }
        assert!(body == *bytes, "{step}: /{path} differs from a clean build");
    }
    assert_eq!(
        settled["files"].as_u64(),
        Some(files.len() as u64),
        "{step}: the server has other files"
    );
    std::fs::remove_dir_all(&clean).unwrap();
}

/// A change to a site's sources, named for messages.
pub(crate) type Step<'a> = (&'a str, Box<dyn Fn() + 'a>);

/// Serves `site`, makes each of `steps` in turn, and asserts that the
/// server rebuilds everything after each, into what a clean build makes:
/// for the files that shape the whole site (a nav, a table of contents).
pub(crate) fn assert_rebuilds_everything_as_a_clean_build(site: &Site, steps: Vec<Step>) {
    settle_sources(site);
    let server = Server::start(site);
    let settled = server.settled_after(0);
    assert_same_as_clean_build(site, &server, &settled, "first build");
    let mut generation = settled["generation"].as_u64().unwrap();
    for (step, change) in steps {
        change();
        let settled = server.settled_after(generation);
        generation = settled["generation"].as_u64().unwrap();
        assert!(settled["errors"].is_null(), "{step}: {settled}");
        assert_eq!(settled["rebuilt"], "everything", "{step}");
        assert_same_as_clean_build(site, &server, &settled, step);
    }
}

/// Dates every file of `site` (its sources: it is not built yet) an hour
/// back, as if written long before the server started: the server then
/// reads again only the files whose stamps a change moves, not every file
/// because it is new.
pub(crate) fn settle_sources(site: &Site) {
    settle_folder(site, "");
}

/// [`settle_sources`] for the files of `folder` of `site`.
pub(crate) fn settle_folder(site: &Site, folder: &str) {
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for entry in walkdir::WalkDir::new(site.root().join(folder)) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            std::fs::File::options()
                .write(true)
                .open(entry.path())
                .unwrap()
                .set_modified(an_hour_ago)
                .unwrap();
        }
    }
}

#[test]
fn incremental_rebuilds_equal_a_clean_build() {
    let site = Site::fixture("basic");
    settle_sources(&site);
    let server = Server::start(&site);
    let settled = server.settled_after(0);
    assert_same_as_clean_build(&site, &server, &settled, "first build");
    let mut generation = settled["generation"].as_u64().unwrap();

    let wifi = site.root().join("content/red/wifi.md");
    // What the server may render again for each change: one article page
    // (`articles`), the pages an article change can show up on
    // (`listings`), or the whole site (`everything`).
    type Step<'a> = (&'a str, &'a str, Box<dyn Fn() + 'a>);
    let steps: Vec<Step> = vec![
        (
            "edit a body",
            "articles",
            Box::new(|| {
                let text = std::fs::read_to_string(&wifi).unwrap();
                std::fs::write(&wifi, text.replace("Primer paso.", "Primer paso, editado."))
                    .unwrap();
            }),
        ),
        (
            "edit front matter",
            "listings",
            Box::new(|| {
                let text = std::fs::read_to_string(&wifi).unwrap();
                std::fs::write(
                    &wifi,
                    text.replace(
                        "description: Qué hacer & cómo.",
                        "description: Otra descripción.",
                    ),
                )
                .unwrap();
            }),
        ),
        (
            // The relinks after it copy the image from this build, not
            // from the disk: they must have its new bytes.
            "change an image",
            "everything",
            Box::new(|| {
                site.write(
                    "content/red/logo.svg",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"/>\n",
                );
            }),
        ),
        (
            "retitle an article, which reorders its category",
            "listings",
            Box::new(|| {
                let path = site.root().join("content/vpn/conectar.md");
                let text = std::fs::read_to_string(&path).unwrap();
                std::fs::write(
                    &path,
                    text.replace("title: Conectar la VPN", "title: Aaa primero en la lista"),
                )
                .unwrap();
            }),
        ),
        (
            "move an article to another tier",
            "listings",
            Box::new(|| {
                let path = site.root().join("content/vpn/conectar.md");
                let text = std::fs::read_to_string(&path).unwrap();
                std::fs::write(&path, text.replace("tier: L1", "tier: L3")).unwrap();
            }),
        ),
        (
            "change tags and dates",
            "listings",
            Box::new(|| {
                let text = std::fs::read_to_string(&wifi).unwrap();
                let text = text
                    .replace("tags: [wifi]", "tags: [wifi, red]")
                    .replace("updated: 2026-02-03", "updated: 2026-04-01");
                std::fs::write(&wifi, text).unwrap();
            }),
        ),
        (
            "save through a temporary file with a plain name, as sed -i does",
            "articles",
            Box::new(|| {
                let text = std::fs::read_to_string(&wifi)
                    .unwrap()
                    .replace("Texto con", "Un texto con");
                let scratch = site.root().join("content/red/sedX1b2c3");
                std::fs::write(&scratch, text).unwrap();
                std::fs::rename(&scratch, &wifi).unwrap();
            }),
        ),
        (
            "add a heading",
            "listings",
            Box::new(|| {
                let mut text = std::fs::read_to_string(&wifi).unwrap();
                text.push_str("\n## Sección nueva\n\nMás texto.\n");
                std::fs::write(&wifi, text).unwrap();
            }),
        ),
        (
            "create an article",
            "listings",
            Box::new(|| {
                site.write("content/vpn/nuevo.md", "---\nid: KB-7\ntitle: Artículo nuevo\ndate: 2026-03-01\n---\n\nVer [wifi](KB-1).\n")
            }),
        ),
        (
            "rename an article",
            "listings",
            Box::new(|| {
                std::fs::rename(
                    site.root().join("content/vpn/nuevo.md"),
                    site.root().join("content/vpn/renombrado.md"),
                )
                .unwrap()
            }),
        ),
        (
            "create an article outside any section, beside another",
            "listings",
            Box::new(|| {
                site.write(
                    "content/uno.md",
                    "---\nid: KB-U1\ntitle: Uno\n---\n\nTexto.\n",
                );
                site.write(
                    "content/dos.md",
                    "---\nid: KB-U2\ntitle: Dos\n---\n\nTexto.\n",
                );
            }),
        ),
        (
            "retitle an article outside sections, which reorders them",
            "listings",
            Box::new(|| {
                edit(
                    &site.root().join("content/uno.md"),
                    "title: Uno",
                    "title: Zeta",
                )
            }),
        ),
        (
            "create an article to translate, and an English article linking to it by path",
            "listings",
            Box::new(|| {
                site.write(
                    "content/red/dns.md",
                    "---\nid: KB-9\ntitle: El DNS falla\n---\n\n1. Reinicie.\n",
                );
                site.write(
                    "content/red/guide.en.md",
                    "---\nid: KB-10\ntitle: A guide\nlang: en\n---\n\nSee [DNS](dns.md).\n",
                )
            }),
        ),
        (
            "add its translation, which changes the language links of the original \
             and where the English link leads",
            "listings",
            Box::new(|| {
                site.write(
                    "content/red/dns.en.md",
                    "---\nid: KB-9\ntitle: DNS fails\nlang: en\n---\n\n1. Restart.\n",
                )
            }),
        ),
        (
            "delete the translation",
            "listings",
            Box::new(|| std::fs::remove_file(site.root().join("content/red/dns.en.md")).unwrap()),
        ),
        (
            "delete the original and the article linking to it",
            "listings",
            Box::new(|| {
                std::fs::remove_file(site.root().join("content/red/dns.md")).unwrap();
                std::fs::remove_file(site.root().join("content/red/guide.en.md")).unwrap()
            }),
        ),
        (
            "create a category",
            "everything",
            // Made aside and moved in whole: a folder created, then a file
            // written into it, can be seen (and built) between the two.
            Box::new(|| {
                site.write(
                    "scratch/correo/outlook.md",
                    "---\nid: KB-8\ntitle: Outlook\n---\n\nTexto.\n",
                );
                std::fs::rename(
                    site.root().join("scratch/correo"),
                    site.root().join("content/correo"),
                )
                .unwrap();
            }),
        ),
        (
            "delete an article",
            "listings",
            Box::new(|| {
                std::fs::remove_file(site.root().join("content/vpn/renombrado.md")).unwrap()
            }),
        ),
        (
            "delete a folder",
            "everything",
            Box::new(|| std::fs::remove_dir_all(site.root().join("content/correo")).unwrap()),
        ),
        (
            "edit a category page",
            "everything",
            Box::new(|| {
                site.write(
                    "content/red/_index.md",
                    "---\ntitle: Redes\nweight: 1\n---\n",
                )
            }),
        ),
        (
            "add a Docusaurus category file",
            "everything",
            Box::new(|| {
                site.write(
                    "content/vpn/_category_.json",
                    "{\"label\": \"Acceso remoto\", \"position\": 1}\n",
                )
            }),
        ),
        (
            "edit its label",
            "everything",
            Box::new(|| site.write("content/vpn/_category_.json", "{\"label\": \"VPN\"}\n")),
        ),
        (
            "replace it with a YAML one",
            "everything",
            Box::new(|| {
                std::fs::remove_file(site.root().join("content/vpn/_category_.json")).unwrap();
                site.write("content/vpn/_category_.yml", "label: Túnel\nposition: 0\n")
            }),
        ),
        (
            "delete the category file",
            "everything",
            Box::new(|| {
                std::fs::remove_file(site.root().join("content/vpn/_category_.yml")).unwrap()
            }),
        ),
        (
            "edit the config",
            "everything",
            Box::new(|| {
                let path = site.root().join("tier0.yaml");
                let text = std::fs::read_to_string(&path).unwrap();
                std::fs::write(&path, text.replace("Ayuda de prueba", "Ayuda cambiada")).unwrap();
            }),
        ),
        (
            "save by rename, as editors do",
            "articles",
            Box::new(|| {
                let text = std::fs::read_to_string(&wifi)
                    .unwrap()
                    .replace("Más texto.", "Texto guardado por renombrado.");
                let scratch = site.root().join("content/red/.wifi.md.tmp");
                std::fs::write(&scratch, text).unwrap();
                std::fs::rename(&scratch, &wifi).unwrap();
            }),
        ),
        (
            "make a section internal",
            "everything",
            Box::new(|| {
                site.write(
                    "content/red/_index.md",
                    "---\ntitle: Redes\naudience: internal\n---\n",
                )
            }),
        ),
        (
            "make it public again",
            "everything",
            Box::new(|| site.write("content/red/_index.md", "---\ntitle: Redes\n---\n")),
        ),
    ];
    for (step, rebuilt, change) in steps {
        change();
        let settled = server.settled_after(generation);
        generation = settled["generation"].as_u64().unwrap();
        assert!(settled["errors"].is_null(), "{step}: {settled}");
        assert_eq!(settled["rebuilt"], rebuilt, "{step}");
        assert_same_as_clean_build(&site, &server, &settled, step);
    }
}

#[test]
fn a_broken_file_is_left_out_and_shown_until_fixed() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let wifi = site.root().join("content/red/wifi.md");
    let good = std::fs::read_to_string(&wifi).unwrap();
    std::fs::write(&wifi, good.replace("tier: L3", "tier: L9")).unwrap();
    let lenient = server.settled_after(generation);
    assert!(lenient["errors"].is_null(), "{lenient}");
    let error = &lenient["left_out"][0];
    assert_eq!(error["path"], "content/red/wifi.md");
    assert_eq!(error["message"], "unknown tier `L9`");
    assert_eq!(
        server.get("/red/wifi/").0,
        404,
        "the broken article is left out"
    );
    assert_eq!(server.get("/vpn/conectar/").0, 200, "the rest is served");
    let generation = lenient["generation"].as_u64().unwrap();
    std::fs::write(&wifi, good).unwrap();
    let fixed = server.settled_after(generation);
    assert!(fixed["left_out"].is_null(), "{fixed}");
    assert_eq!(server.get("/red/wifi/").0, 200);
}

/// With `strict: true`, as before leniency: nothing new is served.
#[test]
fn a_broken_file_keeps_the_last_good_site_until_fixed() {
    let site = Site::fixture("basic");
    site.make_strict();
    let server = Server::start(&site);
    let generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let wifi = site.root().join("content/red/wifi.md");
    let good = std::fs::read_to_string(&wifi).unwrap();
    std::fs::write(&wifi, good.replace("tier: L3", "tier: L9")).unwrap();
    let failed = server.wait_for(|s| !s["errors"].is_null());
    let error = &failed["errors"][0];
    assert_eq!(error["path"], "content/red/wifi.md");
    assert_eq!(error["line"], 5);
    assert_eq!(error["message"], "unknown tier `L9`");
    assert_eq!(
        failed["generation"].as_u64(),
        Some(generation),
        "nothing new is served"
    );
    assert_eq!(
        server.get("/red/wifi/").0,
        200,
        "the last good page is still served"
    );
    let conectar = site.root().join("content/vpn/conectar.md");
    let text = std::fs::read_to_string(&conectar).unwrap();
    std::fs::write(&conectar, text.replace("Conecte.", "Conecte ya.")).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let still = server.wait_for(|s| !s["errors"].is_null());
    assert_eq!(
        still["errors"][0]["path"], "content/red/wifi.md",
        "editing another file does not hide the problem"
    );
    std::fs::write(&wifi, good).unwrap();
    let fixed = server.settled_after(generation);
    assert!(fixed["errors"].is_null());
    assert!(
        String::from_utf8(server.get("/vpn/conectar/").1)
            .unwrap()
            .contains("Conecte ya.")
    );
}

#[test]
fn a_theme_folder_made_while_serving_is_watched() {
    // The default theme is built in, so a site often has no themes/ until
    // its author starts overriding templates, with the server running.
    let site = Site::fixture("basic");
    assert!(!site.root().join("themes").exists());
    let server = Server::start(&site);
    let first = server.status()["generation"].as_u64().unwrap();
    std::fs::create_dir_all(site.root().join("themes/default/templates")).unwrap();
    let made = server.settled_after(first)["generation"].as_u64().unwrap();
    site.write(
        "themes/default/templates/404.html",
        "<p>custom-not-found</p>",
    );
    server.settled_after(made);
    let (_, page) = server.get("/404.html");
    assert!(
        String::from_utf8_lossy(&page).contains("custom-not-found"),
        "the template written into the new folder must be used"
    );
}

#[test]
fn warnings_are_printed_as_the_site_is_rebuilt() {
    let site = Site::fixture("basic");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("tier0"))
        .args(["serve", "--port", "0"])
        .current_dir(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut seen = String::new();
    let mut wait_for = |needle: &str| {
        let started = Instant::now();
        while !seen.contains(needle) {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "never printed {needle:?}:\n{seen}"
            );
            if let Ok(line) = rx.recv_timeout(Duration::from_millis(100)) {
                seen.push_str(&line);
                seen.push('\n');
            }
        }
    };
    wait_for("Rebuilt the whole site");
    site.write(
        "content/red/aviso.md",
        "---\nid: KB-9\ntitle: Aviso\nsintomas: [x]\n---\nTexto.\n",
    );
    wait_for("content/red/aviso.md:4:1");
    wait_for("did you mean `symptoms`?");
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn previews_the_agents_edition_when_asked() {
    let site = Site::fixture("agents");
    let public = Server::start(&site);
    let page = String::from_utf8(public.get("/red/wifi/").1).unwrap();
    assert!(page.contains("El Wi-Fi no conecta") && !page.contains("canaryblockbody"));
    assert_eq!(public.get("/interno/consola/").0, 404);
    drop(public);
    let agents = Server::start_with(&site, &["--audience", "agents"]);
    let page = String::from_utf8(agents.get("/red/wifi/").1).unwrap();
    assert!(page.contains(r#"<aside class="internal">"#) && page.contains("canaryblockbody"));
    assert_eq!(agents.get("/interno/consola/").0, 200);
    assert_eq!(agents.get("/changes/").0, 200);
}
