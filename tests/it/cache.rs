//! The build cache: a build that keeps pages of the last one writes the
//! same bytes as a clean build, after every kind of change.

use crate::support::{Site, edit, stderr, tree};

/// The basic fixture with a category of articles that most changes leave
/// alone, so that a cached build has pages to keep.
pub(crate) fn site() -> Site {
    let site = Site::fixture("basic");
    for i in 0..6 {
        site.write(
            &format!("content/impresoras/impresora-{i}.md"),
            format!(
                "---\nid: KB-{}\ntitle: Impresora {i}\ntags: [impresoras]\n---\n\n## Síntomas\n\nNo imprime.\n\n1. Apáguela.\n2. Vea [la otra](impresora-{}.md#síntomas).\n\n```sh\nlpstat -p\n```\n",
                100 + i,
                (i + 1) % 6
            ),
        );
    }
    site
}

/// Builds `site` into `public` with the cache; the number of article pages kept.
pub(crate) fn cached_build(site: &Site) -> usize {
    let output = site
        .tier0(&["build", "--verbose"])
        .output()
        .expect("tier0 runs");
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    kept(&err)
}

/// The number of pages a verbose build says it kept.
fn kept(err: &str) -> usize {
    err.lines()
        .find_map(|l| l.split_once(" article page(s) kept from the last build"))
        .and_then(|(n, _)| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no count of kept pages in:\n{err}"))
}

/// `public` holds the bytes of a clean build, and nothing else.
pub(crate) fn assert_same_as_clean_build(site: &Site, step: &str) {
    let clean = site.root().join("clean");
    let _ = std::fs::remove_dir_all(&clean);
    site.tier0(&["build", "--quiet", "--no-cache", "--out", "clean"])
        .assert()
        .success();
    let (built, expected) = (tree(&site.public()), tree(&clean));
    for (path, bytes) in &expected {
        assert!(
            built.get(path) == Some(bytes),
            "{step}: {path} differs from a clean build"
        );
    }
    assert_eq!(
        built.len(),
        expected.len(),
        "{step}: the cached build has other files"
    );
    std::fs::remove_dir_all(&clean).unwrap();
}

/// A change to a site, and whether the build may keep pages after it
/// (`false`: the frame of every page changed, so none is kept).
pub(crate) type Step<'a> = (&'a str, bool, Box<dyn Fn() + 'a>);

/// Makes each change of `steps` in turn, builds `site` with the cache after
/// each, and checks that it equals a clean build and kept what it may.
pub(crate) fn assert_steps(site: &Site, steps: Vec<Step>) {
    for (step, keeps, change) in steps {
        change();
        let kept = cached_build(site);
        assert_same_as_clean_build(site, step);
        if keeps {
            assert!(kept > 0, "{step}: no page was kept");
        } else {
            assert_eq!(kept, 0, "{step}: pages were kept");
        }
    }
}

#[test]
fn cached_builds_equal_a_clean_build_after_every_kind_of_change() {
    let site = site();
    assert_eq!(cached_build(&site), 0, "a first build has nothing to keep");
    assert_same_as_clean_build(&site, "first build");
    let root = site.root();
    let wifi = root.join("content/red/wifi.md");
    let printer = root.join("content/impresoras/impresora-2.md");
    let steps: Vec<Step> = vec![
        ("nothing changed", true, Box::new(|| {})),
        (
            "edit a body",
            true,
            Box::new(|| edit(&wifi, "Primer paso.", "Primer paso, editado.")),
        ),
        (
            "edit front matter",
            true,
            Box::new(|| {
                edit(
                    &wifi,
                    "description: Qué hacer & cómo.",
                    "description: Otra.",
                )
            }),
        ),
        (
            "rename a heading another article links to",
            true,
            Box::new(|| edit(&printer, "## Síntomas", "## Lo que se ve")),
        ),
        (
            "retitle an article, which reorders its category",
            true,
            Box::new(|| edit(&printer, "title: Impresora 2", "title: Aaa impresora")),
        ),
        (
            "change tags",
            true,
            Box::new(|| edit(&wifi, "tags: [wifi]", "tags: [wifi, impresoras]")),
        ),
        (
            "create an article",
            true,
            Box::new(|| {
                site.write(
                    "content/vpn/nuevo.md",
                    "---\nid: KB-7\ntitle: Artículo nuevo\n---\n\nVer [wifi](KB-1).\n",
                )
            }),
        ),
        (
            "rename an article",
            true,
            Box::new(|| {
                std::fs::rename(
                    root.join("content/vpn/nuevo.md"),
                    root.join("content/vpn/renombrado.md"),
                )
                .unwrap()
            }),
        ),
        (
            "rename an article another one links to by id",
            true,
            Box::new(|| std::fs::rename(&wifi, root.join("content/red/wifi-casa.md")).unwrap()),
        ),
        (
            "create an article to translate",
            true,
            Box::new(|| {
                site.write(
                    "content/red/dns.md",
                    "---\nid: KB-9\ntitle: El DNS falla\n---\n\n1. Reinicie.\n",
                )
            }),
        ),
        (
            "add its translation",
            true,
            Box::new(|| {
                site.write(
                    "content/red/dns.en.md",
                    "---\nid: KB-9\ntitle: DNS fails\nlang: en\n---\n\n1. Restart.\n",
                )
            }),
        ),
        (
            "delete an article others link to, leaving them a broken link",
            true,
            Box::new(|| {
                std::fs::remove_file(root.join("content/impresoras/impresora-4.md")).unwrap()
            }),
        ),
        (
            "link to an article not written yet",
            true,
            Box::new(|| {
                site.write(
                    "content/vpn/espera.md",
                    "---\nid: KB-20\ntitle: Espera\n---\n\nVer [la guía](../red/futura.md).\n",
                )
            }),
        ),
        (
            // The page with the link named no article; it must name it now.
            "write that article",
            true,
            Box::new(|| {
                site.write(
                    "content/red/futura.md",
                    "---\nid: KB-30\ntitle: Futura\n---\n\nTexto.\n",
                )
            }),
        ),
        (
            "change an image",
            true,
            Box::new(|| {
                site.write(
                    "content/red/logo.svg",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"/>\n",
                )
            }),
        ),
        (
            "label a category with a Docusaurus category file",
            false,
            Box::new(|| {
                site.write(
                    "content/impresoras/_category_.json",
                    "{\"label\": \"Impresoras y escáneres\", \"position\": 1}\n",
                )
            }),
        ),
        (
            "change the category file's label",
            false,
            Box::new(|| {
                edit(
                    &root.join("content/impresoras/_category_.json"),
                    "Impresoras y escáneres",
                    "Impresión",
                )
            }),
        ),
        (
            "delete the category file",
            false,
            Box::new(|| {
                std::fs::remove_file(root.join("content/impresoras/_category_.json")).unwrap()
            }),
        ),
        (
            "order a category with a .pages file",
            true,
            Box::new(|| {
                site.write(
                    "content/impresoras/.pages",
                    "nav:\n  - impresora-3.md\n  - Primera: impresora-1.md\n",
                )
            }),
        ),
        (
            "title its folder in the .pages file",
            false,
            Box::new(|| {
                edit(
                    &root.join("content/impresoras/.pages"),
                    "nav:",
                    "title: Impresión\nnav:",
                )
            }),
        ),
        (
            "delete the .pages file",
            false,
            Box::new(|| std::fs::remove_file(root.join("content/impresoras/.pages")).unwrap()),
        ),
        (
            "order and hide with a Nextra _meta.json",
            true,
            Box::new(|| {
                site.write(
                    "content/impresoras/_meta.json",
                    "{\"impresora-4\": \"Cuarta\", \"impresora-0\": {\"display\": \"hidden\"}}\n",
                )
            }),
        ),
        (
            "delete the _meta.json",
            true,
            Box::new(|| std::fs::remove_file(root.join("content/impresoras/_meta.json")).unwrap()),
        ),
        (
            "order with a Docsify sidebar",
            true,
            Box::new(|| {
                site.write(
                    "content/_sidebar.md",
                    "- [Cinco](impresoras/impresora-5)\n- [Dos](/impresoras/impresora-2.md)\n",
                )
            }),
        ),
        (
            "reorder the Docsify sidebar",
            true,
            Box::new(|| {
                site.write(
                    "content/_sidebar.md",
                    "- [Dos](/impresoras/impresora-2.md)\n- [Cinco](impresoras/impresora-5)\n",
                )
            }),
        ),
        (
            "delete the Docsify sidebar",
            true,
            Box::new(|| std::fs::remove_file(root.join("content/_sidebar.md")).unwrap()),
        ),
        (
            "create articles outside any section",
            true,
            Box::new(|| {
                for (file, title) in [("uno", "Uno"), ("dos", "Dos"), ("tres", "Tres")] {
                    site.write(
                        &format!("content/{file}.md"),
                        format!("---\nid: KB-{file}\ntitle: {title}\n---\n\nTexto.\n"),
                    );
                }
            }),
        ),
        (
            "retitle an article outside sections, which reorders them",
            true,
            Box::new(|| edit(&root.join("content/uno.md"), "title: Uno", "title: Zeta")),
        ),
        (
            "delete an article outside sections",
            true,
            Box::new(|| std::fs::remove_file(root.join("content/dos.md")).unwrap()),
        ),
        (
            "edit a category page",
            false,
            Box::new(|| {
                site.write(
                    "content/red/_index.md",
                    "---\ntitle: Redes\nweight: 1\n---\n",
                )
            }),
        ),
        (
            "override a template of the theme",
            false,
            Box::new(|| {
                let default = include_str!("../../themes/default/templates/article.html");
                site.write(
                    "themes/default/templates/article.html",
                    default.replacen("<article", "<!-- own -->\n<article", 1),
                )
            }),
        ),
        (
            "edit the config",
            false,
            Box::new(|| {
                edit(
                    &root.join("tier0.yaml"),
                    "Ayuda de prueba",
                    "Ayuda cambiada",
                )
            }),
        ),
    ];
    assert_steps(&site, steps);
}

/// QA: a translation made internal by its original kept its cached page
/// in the agents' edition, without the internal badge: its own text had
/// not changed, and the key held no audience.
#[test]
fn a_page_whose_audience_comes_from_another_file_is_rendered_again() {
    let site = site();
    let agents = ["build", "--verbose", "--audience", "agents"];
    site.tier0(&agents).assert().success();
    edit(
        &site.root().join("content/red/wifi.md"),
        "tier: L3\n",
        "tier: L3\naudience: internal\n",
    );
    let output = site.tier0(&agents).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        kept(&stderr(&output)) > 0,
        "nothing was kept: the test proves little"
    );
    site.tier0(&[
        "build",
        "--quiet",
        "--no-cache",
        "--audience",
        "agents",
        "--out",
        "clean",
    ])
    .assert()
    .success();
    let (built, clean) = (
        tree(&site.root().join("public-agents")),
        tree(&site.root().join("clean")),
    );
    let english = "en/red/wifi/index.html";
    assert!(String::from_utf8_lossy(&clean[english]).contains("internal-badge"));
    assert_eq!(built.len(), clean.len());
    for (path, bytes) in &clean {
        assert!(
            built.get(path) == Some(bytes),
            "{path} differs from a clean build"
        );
    }
}

#[test]
fn a_page_changed_after_the_build_is_rendered_again() {
    let site = site();
    cached_build(&site);
    let page = site.public().join("impresoras/impresora-1/index.html");
    let built = std::fs::read(&page).unwrap();
    // In place, as a minifier or an editor would; the same length.
    let mut changed = built.clone();
    let at = changed.len() / 2;
    changed[at] = if changed[at] == b' ' { b'\n' } else { b' ' };
    std::fs::write(&page, &changed).unwrap();
    let kept = cached_build(&site);
    assert!(kept > 0);
    assert_eq!(std::fs::read(&page).unwrap(), built);
    assert_same_as_clean_build(&site, "a page changed in place");
}

#[test]
fn no_cache_keeps_nothing_and_a_damaged_cache_is_ignored() {
    let site = site();
    cached_build(&site);
    let output = site
        .tier0(&["build", "--verbose", "--no-cache"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(kept(&stderr(&output)), 0);
    assert!(
        cached_build(&site) > 0,
        "--no-cache writes the cache all the same"
    );
    let cache = site.root().join(".tier0/public/cache");
    let mut bytes = std::fs::read(&cache).unwrap();
    let len = bytes.len();
    bytes.truncate(len - len / 3);
    bytes.extend(std::iter::repeat_n(0xA5, len / 3));
    std::fs::write(&cache, bytes).unwrap();
    cached_build(&site);
    assert_same_as_clean_build(&site, "after a damaged cache");
    std::fs::remove_file(&cache).unwrap();
    assert_eq!(cached_build(&site), 0);
    assert_same_as_clean_build(&site, "after deleting the cache");
}

#[test]
fn warnings_of_kept_articles_are_given_on_every_build() {
    let site = site();
    site.write(
        "content/impresoras/roto.md",
        "---\nid: KB-200\ntitle: Roto\n---\n\nVer [nada](no-existe.md).\n",
    );
    let warnings = |err: &str| -> Vec<String> {
        err.lines()
            .skip_while(|l| !l.starts_with("warning"))
            .take_while(|l| !l.starts_with("Published"))
            .map(str::to_owned)
            .collect()
    };
    let build = || {
        let output = site.tier0(&["build", "--verbose"]).output().unwrap();
        assert!(output.status.success());
        stderr(&output)
    };
    let first = build();
    assert!(first.contains("no-existe.md"), "{first}");
    assert!(!warnings(&first).is_empty(), "{first}");
    let second = build();
    let published: usize = second
        .split_once("Published ")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert_eq!(kept(&second), published, "every page is kept: {second}");
    assert_eq!(warnings(&first), warnings(&second));
}

/// Regression: one flipped bit in the cache changed the published site in
/// 44 of 60 trials (`"pitle"` in a widget file), with exit 0. Bits flipped
/// in the records, at places a fixed seed picks, never change a byte.
#[test]
fn a_cache_with_a_flipped_bit_never_changes_the_site() {
    let site = site();
    cached_build(&site);
    site.tier0(&["build", "--quiet", "--no-cache", "--out", "clean"])
        .assert()
        .success();
    let clean = tree(&site.root().join("clean"));
    let cache = site.root().join(".tier0/public/cache");
    let bytes = std::fs::read(&cache).unwrap();
    // The records lie between the header (magic, frame, where the index
    // is: 20 + 32 + 8 bytes) and the index.
    let index_at = u64::from_le_bytes(bytes[52..60].try_into().unwrap());
    let records = 60..usize::try_from(index_at).unwrap();
    assert!(records.len() > 100, "{records:?}");
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    for trial in 0..40 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let at = records.start + usize::try_from(seed % records.len() as u64).unwrap();
        let bit = (seed >> 32) % 8;
        let mut flipped = bytes.clone();
        flipped[at] ^= 1 << bit;
        std::fs::write(&cache, &flipped).unwrap();
        cached_build(&site);
        assert!(
            tree(&site.public()) == clean,
            "trial {trial}: flipping bit {bit} of byte {at} of the cache changed the site"
        );
    }
}

/// Regression: each killed build left its half-written cache (`.tmpXXXX`)
/// in the state folder for good: 159 MB after 28 of them.
#[test]
fn cache_files_killed_builds_were_writing_are_deleted() {
    let site = site();
    cached_build(&site);
    let state = site.root().join(".tier0/public");
    std::fs::write(state.join(".cache.tier0-AbC123"), vec![0; 4096]).unwrap();
    cached_build(&site);
    let mut names: Vec<String> = std::fs::read_dir(&state)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["cache", "lock", "manifest", "search", "search-manifest"]
    );
}

/// A new article that sorts first takes a shared id (`link::ids`) from one
/// whose text did not change: that page, which shows the id, is rendered
/// again.
#[test]
fn a_page_whose_id_another_file_takes_is_rendered_again() {
    let site = site();
    site.write(
        "content/vpn/resumen.md",
        "---\nid: resumen\ntitle: Resumen VPN\n---\n\nTexto.\n",
    );
    cached_build(&site);
    site.write(
        "content/red/resumen.md",
        "---\nid: resumen\ntitle: Resumen red\n---\n\nTexto.\n",
    );
    assert!(
        cached_build(&site) > 0,
        "nothing was kept: the test proves little"
    );
    assert!(
        site.read_public("kb/vpn-resumen/index.html")
            .contains("/vpn/resumen/")
    );
    assert_same_as_clean_build(&site, "an id taken by a new article");
}
