//! `tier0 serve` under the edits authors make without thinking of the
//! server: links written before their target, editors' backup files, and
//! the like. After each, the site served is the one a clean build makes.

use crate::serve::{assert_same_as_clean_build, assert_same_as_clean_build_with};
use crate::support::edit;
use crate::support::{Server, Site};

/// A link written before the article it names: once that article is
/// written (or renamed to the name the link gives, or given the id it
/// gives), the page with the link is rendered again and links to it.
#[test]
fn a_page_linking_to_a_missing_article_links_to_it_once_written() {
    let site = Site::fixture("basic");
    site.write(
        "content/vpn/espera.md",
        "---\nid: KB-20\ntitle: Espera\n---\n\nVer [la guía](../red/futura.md) y [por id](KB-21).\n",
    );
    let server = Server::start(&site);
    let mut generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let page = |server: &Server| String::from_utf8(server.get("/vpn/espera/").1).unwrap();
    assert!(page(&server).contains(r#"href="../red/futura.md""#));

    // The article the first link names, written with each id in turn.
    let steps = [
        (
            "write the article the link names",
            "KB-30",
            r#"href="/red/futura/""#,
        ),
        (
            "give it the id the other link names",
            "KB-21",
            r#"<a href="/red/futura/">por id</a>"#,
        ),
    ];
    for (step, id, link) in steps {
        site.write(
            "content/red/futura.md",
            format!("---\nid: {id}\ntitle: Futura\n---\n\nTexto.\n"),
        );
        let settled = server.settled_after(generation);
        generation = settled["generation"].as_u64().unwrap();
        assert_same_as_clean_build(&site, &server, &settled, step);
        assert!(page(&server).contains(link), "{step}");
    }
}

/// Editors keep files beside the one being edited: vim a binary swap file
/// and a probe named `4913`, emacs a backup and an autosave, each holding
/// an earlier text. None is the site's: no rebuild reads one as a template
/// (a swap file beside a template broke every rebuild while it was open),
/// and no backup of an article with internal notes is served as a file.
#[test]
fn editors_files_beside_the_sources_are_neither_read_nor_served() {
    let site = Site::fixture("agents");
    site.write("themes/default/templates/404.html", "<p>no está</p>");
    let server = Server::start(&site);
    let generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let wifi = std::fs::read_to_string(site.root().join("content/red/wifi.md")).unwrap();
    for (rel, text) in [
        ("content/red/wifi.md~", wifi.as_bytes()),
        ("content/red/#wifi.md#", wifi.as_bytes()),
        ("content/red/4913", b"".as_slice()),
        (
            "themes/default/templates/.404.html.swp",
            b"b0VIM 9.1\0\xff\xfe",
        ),
        ("themes/default/templates/404.html~", b"{{ unclosed"),
    ] {
        site.write(rel, text);
    }
    site.write("themes/default/templates/404.html", "<p>no existe</p>");
    let settled = server.settled_after(generation);
    assert!(settled["errors"].is_null(), "{settled}");
    assert!(
        String::from_utf8(server.get("/404.html").1)
            .unwrap()
            .contains("no existe")
    );
    assert_same_as_clean_build(&site, &server, &settled, "editors' files");
    for path in ["/red/wifi.md~", "/red/%23wifi.md%23", "/red/4913"] {
        assert_eq!(server.get(path).0, 404, "{path}");
    }
}

/// Which images the public edition publishes depends on where the bodies
/// show them: an image only an internal block shows is withheld. Moving
/// the one public image of the site into an internal block, an edit of the
/// body alone, withholds it at once, and moving it out publishes it again.
#[test]
fn an_image_moved_in_or_out_of_an_internal_block_is_withheld_or_published() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let mut generation = server.settled_after(0)["generation"].as_u64().unwrap();
    assert_eq!(server.get("/red/logo.svg").0, 200);
    let wifi = site.root().join("content/red/wifi.md");
    let public = std::fs::read_to_string(&wifi).unwrap();
    let internal = public.replace(
        " y ![logo](logo.svg).",
        ".\n\n> [!INTERNAL] Nota\n> ![logo](logo.svg)\n",
    );
    for (step, text, status) in [
        ("move the image into an internal block", &internal, 404),
        ("move it out", &public, 200),
    ] {
        std::fs::write(&wifi, text).unwrap();
        let settled = server.settled_after(generation);
        generation = settled["generation"].as_u64().unwrap();
        assert_eq!(server.get("/red/logo.svg").0, status, "{step}");
        assert_same_as_clean_build(&site, &server, &settled, step);
    }
}

/// The content folder moved away (the site cannot be built: said, and the
/// last good site stays served) and back: the files in it are watched
/// again, so the next edit is rebuilt.
#[test]
fn the_content_folder_moved_away_and_back_is_watched_again() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let (content, aside) = (site.root().join("content"), site.root().join("aside"));
    std::fs::rename(&content, &aside).unwrap();
    let failed = server.wait_for(|s| !s["errors"].is_null());
    assert!(
        failed["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("content"),
        "{failed}"
    );
    assert_eq!(server.get("/red/wifi/").0, 200, "the last good site");
    std::fs::rename(&aside, &content).unwrap();
    let back = server.settled_after(generation);
    assert!(back["errors"].is_null(), "{back}");
    let wifi = content.join("red/wifi.md");
    let text = std::fs::read_to_string(&wifi).unwrap();
    std::fs::write(
        &wifi,
        text.replace("Primer paso.", "Primer paso, de vuelta."),
    )
    .unwrap();
    let edited = server.settled_after(back["generation"].as_u64().unwrap());
    assert_same_as_clean_build(&site, &server, &edited, "edit after moving back");
}

/// A path the last build reported a problem at, and that named no article
/// or file of it (a symbolic link loop, a link to nothing, a file left out
/// for its front matter), still matters when it goes: its problem goes
/// with it. A link to nothing appearing is a problem too. With
/// `strict: true` the problem stops the rebuild, and goes as well.
#[cfg(unix)]
#[test]
fn problems_of_paths_that_go_away_go_with_them() {
    for strict in [false, true] {
        let site = Site::fixture("basic");
        if strict {
            site.make_strict();
        }
        let server = Server::start(&site);
        let mut generation = server.settled_after(0)["generation"].as_u64().unwrap();
        let (red, vpn) = (
            site.root().join("content/red"),
            site.root().join("content/vpn"),
        );
        let (looping, dangling) = (red.join("bucle"), vpn.join("roto.md"));
        let unreadable = vpn.join("malo.md");
        type Step<'a> = (&'a str, Box<dyn Fn() + 'a>, Option<&'a str>);
        let steps: Vec<Step> = vec![
            (
                "a link loop appears",
                Box::new(|| std::os::unix::fs::symlink(&red, &looping).unwrap()),
                Some("content/red/bucle"),
            ),
            (
                "it goes",
                Box::new(|| std::fs::remove_file(&looping).unwrap()),
                None,
            ),
            (
                "a link to nothing appears",
                Box::new(|| std::os::unix::fs::symlink(vpn.join("nada.md"), &dangling).unwrap()),
                Some("content/vpn/roto.md"),
            ),
            (
                "it goes",
                Box::new(|| std::fs::remove_file(&dangling).unwrap()),
                None,
            ),
            (
                "a file whose front matter cannot be read appears",
                Box::new(|| std::fs::write(&unreadable, "---\ntitle: [\n---\nTexto.\n").unwrap()),
                Some("content/vpn/malo.md"),
            ),
            (
                "it goes",
                Box::new(|| std::fs::remove_file(&unreadable).unwrap()),
                None,
            ),
        ];
        for (step, change, problem) in steps {
            change();
            let step = format!("{step} (strict: {strict})");
            let shown = if strict { "errors" } else { "left_out" };
            let status = match problem {
                Some(_) => server.wait_for(|s| !s[shown].is_null()),
                None => server.settled_after(generation),
            };
            assert_eq!(
                status[shown][0]["path"].as_str(),
                problem,
                "{step}: {status}"
            );
            // A failed rebuild leaves the last good generation served.
            generation = status["generation"].as_u64().unwrap();
            if problem.is_none() {
                assert!(status["errors"].is_null(), "{step}: {status}");
                assert_same_as_clean_build(&site, &server, &status, &step);
            }
        }
    }
}

/// New titles, which leave every article found by the same ids and paths:
/// the server resolves each link in the relinked site only. The pages
/// that show a retitled article (its neighbours, the pages linking to it
/// by id and by path from an internal block, its tag, tier and section
/// pages, the home page, the feeds) are rendered again in both editions.
#[test]
fn retitled_articles_show_their_new_titles_everywhere_in_both_editions() {
    for args in [&[][..], &["--audience", "agents"][..]] {
        let site = Site::fixture("agents");
        let server = Server::start_with(&site, args);
        let mut generation = server.settled_after(0)["generation"].as_u64().unwrap();
        for (rel, title, new) in [
            (
                "content/interno/consola.md",
                "Consola canarytitle de puntos de acceso",
                "Consola renombrada",
            ),
            (
                "content/red/vpn.md",
                "La VPN se corta",
                "Aaa la VPN primero",
            ),
            (
                "content/red/wifi.md",
                "El Wi-Fi no conecta",
                "Zzz el Wi-Fi al final",
            ),
        ] {
            let path = site.root().join(rel);
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, text.replace(title, new)).unwrap();
            let settled = server.settled_after(generation);
            generation = settled["generation"].as_u64().unwrap();
            let step = format!("retitle {rel} ({args:?})");
            assert!(settled["errors"].is_null(), "{step}: {settled}");
            assert_same_as_clean_build_with(&site, &server, &settled, &step, args);
        }
    }
}

/// QA: a translation made internal by its original kept its page, without
/// the internal badge, in the agents' edition: its own text had not changed.
#[test]
fn a_translation_whose_original_turns_internal_is_shown_internal() {
    let site = Site::fixture("basic");
    let args = &["--audience", "agents"][..];
    let server = Server::start_with(&site, args);
    let generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let path = site.root().join("content/red/wifi.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("tier: L3\n", "tier: L3\naudience: internal\n", 1),
    )
    .unwrap();
    let settled = server.settled_after(generation);
    assert!(settled["errors"].is_null(), "{settled}");
    assert_same_as_clean_build_with(&site, &server, &settled, "original made internal", args);
}

/// The help widget is made in the background with the search index it
/// searches, not with the pages: the rebuilt pages are served sooner, and
/// the widget served stays the previous build's, previews and all, until
/// the index of the new build is served with it.
#[test]
fn the_help_widget_follows_with_the_search_index() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let wifi = site.root().join("content/red/wifi.md");
    let text = std::fs::read_to_string(&wifi).unwrap();
    let index_of = |status: &serde_json::Value| status["search_generation"].as_u64();
    let mut settled = server.settled_after(0);
    // The widget is checked when it is fetched between two statuses that
    // both serve the new pages with the old index; a machine slow to poll
    // may see the index caught up already, and then edits again: the test
    // never passes without checking.
    for attempt in 1.. {
        let before = settled["generation"].as_u64().unwrap();
        let widget = server.get("/widget.js").1;
        let edited = text.replace("Primer paso.", &format!("Primer paso, edición {attempt}."));
        std::fs::write(&wifi, edited).unwrap();
        let pages_ahead = server.wait_for(|s| s["generation"].as_u64() > Some(before));
        let served = server.get("/widget.js").1;
        let after = server.status();
        if index_of(&pages_ahead) == Some(before) && index_of(&after) == Some(before) {
            // The index waits for the author to stop saving: the pages
            // are served first, with the widget as it was.
            assert!(served == widget, "the widget changed before its index");
            settled = server.settled_after(before);
            assert!(
                server.get("/widget.js").1 != widget,
                "the widget kept its old previews"
            );
            break;
        }
        assert!(
            attempt < 5,
            "the index never stayed behind the pages long enough to check the widget"
        );
        settled = server.settled_after(before);
    }
    assert_same_as_clean_build(&site, &server, &settled, "a body edit");
}

/// A relink ranks again only the related-article lists a change can
/// reach and takes the others from the last build: after each change that
/// moves articles in or out of other articles' lists, or reorders them,
/// the site served is still the one a clean build makes.
#[test]
fn related_lists_follow_retitles_and_retags_in_other_sections() {
    let site = Site::fixture("basic");
    let tags = ["dns", "cable", "dns", "cable", "proxy", "dns"];
    for (n, tag) in tags.iter().enumerate() {
        let folder = if n % 2 == 0 { "red" } else { "vpn" };
        site.write(
            &format!("content/{folder}/tema-{n}.md"),
            format!(
                "---\nid: KB-{}\ntitle: Tema {n}\ntags: [{tag}]\nupdated: 2026-01-0{}\n---\n\nTexto.\n",
                200 + n,
                1 + n % 3
            ),
        );
    }
    let server = Server::start(&site);
    let mut generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let edit = |rel: &str, from: &str, to: &str| {
        let path = site.root().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel}: {from}");
        std::fs::write(&path, text.replace(from, to)).unwrap();
    };
    type Step<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let steps: Vec<Step> = vec![
        (
            "retag an article into the lists of another section",
            Box::new(|| edit("content/red/tema-4.md", "[proxy]", "[cable]")),
        ),
        (
            "retitle an article that ties in other lists",
            Box::new(|| edit("content/vpn/tema-3.md", "title: Tema 3", "title: Aaa tema")),
        ),
        (
            "date an article after the others it ties with",
            Box::new(|| edit("content/red/tema-2.md", "2026-01-03", "2026-03-01")),
        ),
        (
            "retag an article out of the lists it was in",
            Box::new(|| edit("content/vpn/tema-1.md", "[cable]", "[proxy]")),
        ),
    ];
    for (step, change) in steps {
        change();
        let settled = server.settled_after(generation);
        generation = settled["generation"].as_u64().unwrap();
        assert!(settled["errors"].is_null(), "{step}: {settled}");
        assert_eq!(settled["rebuilt"], "listings", "{step}");
        assert_same_as_clean_build(&site, &server, &settled, step);
    }
}

/// An id shared by articles of two folders (as Docusaurus allows) names
/// the first by path; the others take their folder's name. A new article
/// that sorts first takes the id from one whose text did not change: its
/// page, which shows the id, and its short links follow.
#[test]
fn an_article_whose_shared_id_another_takes_is_rendered_again() {
    let site = Site::fixture("basic");
    site.write(
        "content/vpn/resumen.md",
        "---\nid: resumen\ntitle: Resumen VPN\n---\n\nTexto.\n",
    );
    let server = Server::start(&site);
    let generation = server.settled_after(0)["generation"].as_u64().unwrap();
    site.write(
        "content/red/resumen.md",
        "---\nid: resumen\ntitle: Resumen red\n---\n\nTexto.\n",
    );
    let settled = server.settled_after(generation);
    assert_same_as_clean_build(&site, &server, &settled, "an id taken by a new article");
    assert_eq!(server.get("/kb/vpn-resumen/").0, 200);
}

/// A page of the product that embeds the help widget may ask for
/// `widget.js` while the server is still making it with the search index,
/// in the background: the request waits for it rather than fail.
#[test]
fn the_widget_asked_for_as_the_server_starts_is_served_once_made() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let (status, early) = server.get("/widget.js");
    assert_eq!(status, 200);
    server.settled_after(0);
    assert!(early == server.get("/widget.js").1);
    // A file no build makes is not found, at once.
    assert_eq!(server.get("/widget/none.js").0, 404);
    assert_eq!(server.get("/search/none.js").0, 404);
}

/// Regression: when the search index could not be made (here, no
/// temporary folder to make it in), every request for a file of the
/// search index or the widget that was not there waited 30 s, each time,
/// for an index that was never coming.
#[cfg(unix)]
#[test]
fn a_search_index_that_cannot_be_made_keeps_no_request_waiting() {
    let site = Site::fixture("basic");
    let missing = site.root().join("no-such-folder");
    let tmp = missing.to_str().unwrap();
    let server = Server::start_with_env(&site, &[], &[("TMPDIR", tmp)]);
    // `get` gives up after 10 s.
    assert_eq!(server.get("/widget.js").0, 404);
    let started = std::time::Instant::now();
    assert_eq!(server.get("/search/none.json").0, 404);
    assert_eq!(server.get("/widget.js").0, 404);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(server.get("/").0, 200);
}

/// The file watcher names only a file's real path: an article that is a
/// symbolic link to another file, or lies in a linked folder, is rendered
/// again when that file changes, as a clean build reads it through the
/// link. (Its page kept the text it had when the server started.)
#[cfg(unix)]
#[test]
fn an_article_read_through_a_symbolic_link_follows_the_file() {
    let site = Site::fixture("basic");
    site.write(
        "content/vpn/origen.md",
        "---\ntitle: Origen\n---\n\nTexto primero.\n",
    );
    site.write(
        "content/comun/nota.md",
        "---\ntitle: Nota\n---\n\nNota primera.\n",
    );
    let content = site.root().join("content");
    std::os::unix::fs::symlink("../vpn/origen.md", content.join("red/enlace.md")).unwrap();
    std::os::unix::fs::symlink("comun", content.join("otra")).unwrap();
    let server = Server::start(&site);
    let mut generation = server.settled_after(0)["generation"].as_u64().unwrap();
    for (rel, from, to, page) in [
        (
            "vpn/origen.md",
            "Texto primero.",
            "Texto segundo.",
            "/red/enlace/",
        ),
        (
            "comun/nota.md",
            "Nota primera.",
            "Nota segunda.",
            "/otra/nota/",
        ),
    ] {
        edit(&content.join(rel), from, to);
        let settled = server.settled_after(generation);
        generation = settled["generation"].as_u64().unwrap();
        let shown = String::from_utf8(server.get(page).1).unwrap();
        assert!(shown.contains(to), "{page} still shows {from:?}");
        assert_same_as_clean_build(&site, &server, &settled, rel);
    }
}

/// Regression: a named pipe made in the content folder (`mkfifo
/// red/tubo.md`) stopped every later rebuild: the server opened it to see
/// what changed, and opening a pipe waits for a writer. Like a clean build,
/// the server passes it over, and goes on following edits.
#[cfg(unix)]
#[test]
fn a_named_pipe_in_the_content_folder_does_not_stop_rebuilds() {
    let site = Site::fixture("basic");
    let server = Server::start(&site);
    let generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let pipe = site.root().join("content/red/tubo.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let settled = server.settled_after(generation);
    assert_same_as_clean_build(&site, &server, &settled, "a pipe made");
    std::fs::remove_file(&pipe).unwrap();
    edit(
        &site.root().join("content/red/wifi.md"),
        "Primer paso.",
        "Primer paso, tras la tubería.",
    );
    let settled = server.settled_after(settled["generation"].as_u64().unwrap());
    assert_same_as_clean_build(&site, &server, &settled, "an edit after it");
}

/// A project's static files (Docusaurus's `static/`) are watched: one
/// added with the page that shows it, and one edited, are served as a
/// clean build publishes them.
#[test]
fn a_projects_static_files_are_watched() {
    let site = Site::empty();
    site.write(
        "docusaurus.config.js",
        "export default { title: 'Help' };\n",
    );
    site.write("docs/router.md", "# Router\n\nRestart it.\n");
    site.write("static/img/old.png", "old");
    let server = Server::start(&site);
    let mut generation = server.settled_after(0)["generation"].as_u64().unwrap();
    assert_eq!(server.get("/site-static/img/old.png").1, b"old");
    let shown = "# Router\n\n![Lights](/img/new.png)\n";
    let steps: [(&str, &dyn Fn()); 2] = [
        ("a new image and the page showing it", &|| {
            site.write("static/img/new.png", "new");
            site.write("docs/router.md", shown);
        }),
        ("an image edited", &|| {
            site.write("static/img/old.png", "edited")
        }),
    ];
    for (step, change) in steps {
        change();
        let settled = server.settled_after(generation);
        generation = settled["generation"].as_u64().unwrap();
        assert_same_as_clean_build(&site, &server, &settled, step);
    }
    assert_eq!(server.get("/site-static/img/new.png").1, b"new");
    assert_eq!(server.get("/site-static/img/old.png").1, b"edited");
    let page = String::from_utf8(server.get("/router/").1).unwrap();
    assert!(page.contains("site-static/img/new.png\""), "{page}");
}
