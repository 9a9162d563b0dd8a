//! Folders nest to any depth: URLs keep the folder path, landing pages
//! (`_index.md`, `index.md`, `README.md`) give each section its title and
//! text, a lone `index.md` is a page bundle at its folder's URL, every page
//! has its breadcrumbs, and links written for other generators resolve.
//! The `nested` fixture is four folders deep with `setup.md` at every level.

use crate::support::{Site, stderr};

/// The `nested` fixture, built and checked.
fn nested() -> Site {
    let site = Site::fixture("nested");
    let output = site.tier0(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let check = site.tier0(&["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    site
}

/// The titles of the breadcrumb trail of the page at `path`.
fn crumbs(site: &Site, path: &str) -> Vec<String> {
    let html = site.read_public(&format!("{path}index.html"));
    let (_, nav) = html
        .split_once("<nav class=\"breadcrumbs\"")
        .unwrap_or_else(|| panic!("{path} has no breadcrumbs"));
    let (nav, _) = nav.split_once("</nav>").unwrap();
    nav.split("<li><a href=\"")
        .skip(1)
        .map(|item| {
            let (href, rest) = item.split_once("\">").unwrap();
            let (title, _) = rest.split_once("</a>").unwrap();
            // Each crumb links to a page that exists.
            let target = std::path::Path::new(path).join(href);
            let resolved = site.public().join(target);
            assert!(
                resolved.exists(),
                "{path}: crumb {title} → {href} is missing"
            );
            title.to_owned()
        })
        .collect()
}

/// The `href` of the link with text `text` on the page at `path`.
fn href_of(site: &Site, path: &str, text: &str) -> String {
    let html = site.read_public(&format!("{path}index.html"));
    let (before, _) = html
        .split_once(&format!("\">{text}</a>"))
        .unwrap_or_else(|| panic!("no link {text:?} on {path}"));
    let (_, href) = before.rsplit_once("href=\"").unwrap();
    href.to_owned()
}

#[test]
fn the_same_file_name_at_every_depth_gives_pages_at_their_folder_paths() {
    let site = nested();
    for page in [
        "setup/",
        "network/setup/",
        "network/vpn/setup/",
        "network/vpn/macos/setup/",
        "network/vpn/macos/legacy/setup/",
        "office-printers/setup/",
    ] {
        let html = site.read_public(&format!("{page}index.html"));
        assert!(html.contains("<h1>Set up"), "{page}");
    }
    // Section pages, at every depth, a folder without a landing page too.
    for section in [
        "network/",
        "network/vpn/",
        "network/vpn/macos/",
        "network/vpn/macos/legacy/",
        "office-printers/",
    ] {
        let html = site.read_public(&format!("{section}index.html"));
        assert!(html.contains("class=\"section-articles\""), "{section}");
    }
    // A lone `index.md` is a page bundle at its folder's URL, its image beside it.
    let bundle = site.read_public("network/vpn/macos/error-809/index.html");
    assert!(bundle.contains("<h1>VPN error 809 on macOS</h1>"));
    assert!(
        bundle.contains("src=\"../../../../network/vpn/macos/error-809/screenshot.png\""),
        "{bundle}"
    );
    assert!(
        site.public()
            .join("network/vpn/macos/error-809/screenshot.png")
            .is_file()
    );
    // Short links of articles deep in the tree keep working.
    let short = site.read_public("kb/KB-104/index.html");
    assert!(short.contains("network/vpn/macos/error-809/"), "{short}");
}

#[test]
fn every_page_has_breadcrumbs_down_to_its_section() {
    let site = nested();
    assert_eq!(
        crumbs(&site, "network/vpn/macos/legacy/setup/"),
        [
            "Nested help",
            "Network",
            "Remote access (VPN)",
            "VPN on macOS",
            "Legacy"
        ]
    );
    assert_eq!(
        crumbs(&site, "network/vpn/macos/error-809/"),
        [
            "Nested help",
            "Network",
            "Remote access (VPN)",
            "VPN on macOS"
        ]
    );
    // A section page's trail stops above it.
    assert_eq!(
        crumbs(&site, "network/vpn/macos/"),
        ["Nested help", "Network", "Remote access (VPN)"]
    );
    assert_eq!(crumbs(&site, "setup/"), ["Nested help"]);
    assert_eq!(crumbs(&site, "tiers/l3/"), ["Nested help"]);
}

#[test]
fn landing_pages_give_sections_their_title_text_and_order() {
    let site = nested();
    // `_index.md`: title, description, body with its headings.
    let network = site.read_public("network/index.html");
    for part in [
        "<h1>Network</h1>",
        "Wired, wireless and remote access.",
        "Everything about getting online.",
        "id=\"before-you-start\"",
    ] {
        assert!(network.contains(part), "{part} not in:\n{network}");
    }
    // Subsections and the section's own articles are listed.
    assert!(
        network.contains(">Remote access (VPN)</a></h3>"),
        "{network}"
    );
    assert!(network.contains(">Set up the network</a>"), "{network}");
    // `index.md` and `README.md` with other pages beside them are landings:
    // their `# Heading` is the section's title, not repeated in the body.
    let vpn = site.read_public("network/vpn/index.html");
    assert!(vpn.contains("<h1>Remote access (VPN)</h1>"));
    let (_, body) = vpn.split_once("<div class=\"section-body").unwrap();
    let (body, _) = body.split_once("</div>").unwrap();
    assert!(body.contains("How to reach the office network"), "{body}");
    assert!(
        !body.contains("Remote access"),
        "the heading is the title:\n{body}"
    );
    assert!(
        site.read_public("network/vpn/macos/index.html")
            .contains("<h1>VPN on macOS</h1>")
    );
    // No article is made of a landing page.
    let json = site.read_public("articles.json");
    assert_eq!(json.matches("\"id\":").count(), 7, "{json}");
    // The home page shows its text and lists the top sections by weight.
    let home = site.read_public("index.html");
    assert!(home.contains("<h1 id=\"hero-title\">Help center</h1>"));
    assert!(
        home.contains("Start with <a href=\"network/index.html\">the network</a>"),
        "{home}"
    );
    let network_at = home.find(">Network</a></h3>").unwrap();
    let printers_at = home.find(">Office printers</a></h3>").unwrap();
    assert!(network_at < printers_at, "weight orders the top sections");
}

#[test]
fn links_written_for_other_generators_resolve() {
    let site = nested();
    let page = "network/vpn/macos/setup/";
    // A folder that is a page bundle, a path from the site root under a
    // `/docs/` prefix, Zola's `@/`.
    let up = "../../../../";
    assert_eq!(
        href_of(&site, page, "the fix"),
        format!("{up}network/vpn/macos/error-809/index.html")
    );
    assert_eq!(
        href_of(&site, page, "network setup"),
        format!("{up}network/setup/index.html")
    );
    assert_eq!(
        href_of(&site, page, "network"),
        format!("{up}network/index.html")
    );
    // A `README.md` and `../` lead to section pages; a path without `.md`.
    let vpn = "network/vpn/setup/";
    assert_eq!(
        href_of(&site, vpn, "macOS"),
        "../../../network/vpn/macos/index.html"
    );
    assert_eq!(
        href_of(&site, vpn, "the error 809 fix"),
        "../../../network/vpn/macos/error-809/index.html#why"
    );
    assert_eq!(
        href_of(&site, "network/vpn/macos/", "all of remote access"),
        "../../../network/vpn/index.html"
    );
    assert_eq!(
        href_of(&site, "network/setup/", "set up the VPN"),
        "../../network/vpn/setup/index.html"
    );
    // Anchors as GitHub writes them, and the anchor of a page's title.
    assert_eq!(
        href_of(&site, vpn, "the cables"),
        "../../../network/setup/index.html#cables--plugs"
    );
    let legacy = "network/vpn/macos/legacy/setup/";
    let html = site.read_public("network/setup/index.html");
    assert!(
        html.contains("<span id=\"cables--plugs\"></span>"),
        "{html}"
    );
    assert!(href_of(&site, legacy, "current client's steps").ends_with("#set-up-the-vpn-on-macos"));
    // A path from the docs root, which only one page's path ends with.
    assert_eq!(
        href_of(&site, legacy, "the VPN setup"),
        "../../../../../network/vpn/setup/index.html"
    );
    // The site root is the home page, not the one `_index.md` that a
    // search for the end of a path would find.
    assert_eq!(
        href_of(&site, legacy, "back home"),
        "../../../../../index.html"
    );
    // A folder named with spaces, percent-encoded in the link.
    assert_eq!(href_of(&site, "", "printers"), "office-printers/index.html");
}

#[test]
fn articles_json_and_the_search_filter_carry_the_full_path() {
    let site = nested();
    let json: serde_json::Value = serde_json::from_str(&site.read_public("articles.json")).unwrap();
    let record = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "KB-106")
        .unwrap();
    assert_eq!(record["category"], "network");
    assert_eq!(record["section"], "network/vpn/macos/legacy");
    assert_eq!(
        record["section_titles"],
        serde_json::json!(["Network", "Remote access (VPN)", "VPN on macOS", "Legacy"])
    );
    // The filter offers the top two levels.
    let home = site.read_public("index.html");
    assert!(
        home.contains("<option value=\"network/vpn\" class=\"subsection\">"),
        "{home}"
    );
    assert!(
        !home.contains("<option value=\"network/vpn/macos\""),
        "{home}"
    );
}

#[test]
fn same_named_files_without_ids_get_distinct_ids_and_short_links() {
    let site = Site::empty();
    for dir in ["a", "a/b", "c/b"] {
        site.write(&format!("content/{dir}/setup.md"), "# Setup\n\nText.\n");
    }
    let output = site.tier0(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for (id, path) in [
        ("a-setup", "a/setup/"),
        ("a-b-setup", "a/b/setup/"),
        ("c-b-setup", "c/b/setup/"),
    ] {
        let short = site.read_public(&format!("kb/{id}/index.html"));
        assert!(short.contains(path), "{id}: {short}");
    }
}

#[test]
fn a_page_beside_its_folder_stands_for_the_section() {
    // mdBook: `chapter.md` is the page of the folder `chapter/`.
    let site = Site::empty();
    site.write("content/guide/chapter.md", "# The chapter\n\nIntro.\n");
    site.write("content/guide/chapter/part.md", "# A part\n\nText.\n");
    let output = site.tier0(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        site.read_public("guide/chapter/index.html")
            .contains("<h1>The chapter</h1>")
    );
    assert_eq!(
        crumbs(&site, "guide/chapter/part/")[1..],
        ["Guide", "The chapter"]
    );
}

#[test]
fn a_folder_named_as_a_generated_folder_moves_aside_with_its_pages() {
    let site = Site::empty();
    site.write("content/kb/a.md", "# A\n");
    site.write("content/kb/b.md", "# B\n");
    site.write("content/ok.md", "# Ok\n");
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "section `kb` would be written to `/kb/`, where tier0 writes the permanent short \
             links: it is at `/kb-1/`"
        ),
        "{err}"
    );
    for page in ["kb-1/a", "kb-1/b", "ok"] {
        assert!(
            site.public().join(page).join("index.html").is_file(),
            "{page}"
        );
    }
    let strict = site.tier0(&["build", "--strict"]).output().unwrap();
    assert_ne!(strict.status.code(), Some(0));
}

#[test]
fn new_writes_into_a_nested_section() {
    let site = nested();
    let output = site
        .tier0(&[
            "new",
            "how-to",
            "Reset the VPN",
            "--category",
            "network/vpn",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        site.root()
            .join("content/network/vpn/reset-the-vpn.md")
            .is_file()
    );
    // A new article is a draft.
    let build = site.tier0(&["build", "--drafts"]).output().unwrap();
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    assert!(
        site.public()
            .join("network/vpn/reset-the-vpn/index.html")
            .is_file()
    );
    let bad = site
        .tier0(&["new", "how-to", "X", "--category", "network//Bad"])
        .output()
        .unwrap();
    assert_ne!(bad.status.code(), Some(0));
    assert!(stderr(&bad).contains("network//Bad"), "{}", stderr(&bad));
}

#[test]
fn articles_lead_to_their_neighbours_in_their_section() {
    let site = nested();
    let setup = site.read_public("network/vpn/macos/setup/index.html");
    assert!(
        setup.contains(
            "rel=\"next\"><span class=\"pager-label\">Next</span> VPN error 809 on macOS</a>"
        ),
        "{setup}"
    );
    assert!(
        !setup.contains("rel=\"prev\""),
        "the first article has no previous one"
    );
    let (_, related) = setup.split_once("<section class=\"related\"").unwrap();
    let (related, _) = related.split_once("</section>").unwrap();
    assert!(related.contains(">VPN error 809 on macOS</a>"), "{related}");
    assert!(
        !related.contains(">Set up the VPN on macOS</a>"),
        "never itself: {related}"
    );
    let fix = site.read_public("network/vpn/macos/error-809/index.html");
    assert!(
        fix.contains(
            "rel=\"prev\"><span class=\"pager-label\">Previous</span> Set up the VPN on macOS</a>"
        ),
        "{fix}"
    );

    // A long section shows the articles around this one and links to all.
    let long = Site::empty();
    for n in 1..=15 {
        long.write(
            &format!("content/guide/a{n}.md"),
            format!("---\ntitle: Part {n}\nweight: {n}\n---\nText.\n"),
        );
    }
    let output = long.tier0(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = long.read_public("guide/a8/index.html");
    let (_, list) = html.split_once("class=\"section-articles-list\"").unwrap();
    let (list, after) = list.split_once("</ul>").unwrap();
    let titles: Vec<&str> = list
        .split("</li>")
        .filter_map(|item| {
            let item = item.trim_end_matches("</a>").trim_end_matches("</span>");
            item.rsplit_once('>').map(|(_, t)| t)
        })
        .filter(|t| !t.is_empty())
        .collect();
    let expected: Vec<String> = (3..=12).map(|n| format!("Part {n}")).collect();
    assert_eq!(titles, expected);
    assert!(
        list.contains("<span aria-current=\"page\">Part 8</span>"),
        "{list}"
    );
    assert!(
        after.contains(">Todos los artículos de Guide</a>"),
        "{after}"
    );
}

#[test]
fn two_folders_that_slug_alike_share_one_section_and_the_unused_landing_is_named() {
    let site = Site::empty();
    site.write(
        "content/Setup/_index.md",
        "---\ntitle: Setup\n---\nFirst.\n",
    );
    site.write(
        "content/setup/_index.md",
        "---\ntitle: Other\n---\nSecond.\n",
    );
    site.write("content/Setup/a.md", "# A\n");
    site.write("content/setup/b.md", "# B\n");
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(
        err.contains("section `setup` already has its landing page, content/Setup/_index.md: this one is not used"),
        "{err}"
    );
    assert!(err.contains("content/setup/_index.md"), "{err}");
    let page = site.read_public("setup/index.html");
    assert!(
        page.contains("<h1>Setup</h1>") && page.contains("First."),
        "{page}"
    );
    assert!(page.contains(">A</a>") && page.contains(">B</a>"), "{page}");
    let strict = site.tier0(&["build", "--strict"]).output().unwrap();
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
}

#[test]
fn a_link_to_the_id_written_on_a_page_title_is_not_broken() {
    let site = Site::empty();
    site.write(
        "content/a.md",
        "---\nid: KB-1\n---\n# Fallthrough attributes {#fall .wide}\n\nText.\n",
    );
    site.write(
        "content/b.md",
        "---\nid: KB-2\n---\n# B\n\n[x](a.md#fall) [y](a.md#fallthrough-attributes)\n",
    );
    let check = site.tier0(&["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let broken = Site::empty();
    broken.write(
        "content/a.md",
        "---\nid: KB-1\n---\n# Fallthrough {#fall}\n\nText.\n",
    );
    broken.write(
        "content/b.md",
        "---\nid: KB-2\n---\n# B\n\n[x](a.md#wide)\n",
    );
    let check = broken.tier0(&["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
}

/// A folder whose name is not a section id is said once, not once per
/// page: a folder of 40 pages buried every other warning.
#[test]
fn a_renamed_folder_is_said_once() {
    let site = Site::fixture("basic");
    for (i, folder) in ["User Guide", "User Guide", "User Guide/Sub Folder"]
        .iter()
        .enumerate()
    {
        site.write(
            &format!("content/{folder}/page-{i}.md"),
            format!("---\nid: KB-90{i}\ntitle: Page {i}\n---\n\nText.\n"),
        );
    }
    let output = site.tier0(&["build", "--verbose"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    for folder in [
        "`User Guide` is read as the section `user-guide`",
        "`Sub Folder` is read as the section `sub-folder`",
    ] {
        assert_eq!(err.matches(folder).count(), 1, "{folder}:\n{err}");
    }
    // At one of its pages, the first by path.
    assert!(
        err.contains("┌─ content/User Guide/Sub Folder/page-2.md"),
        "{err}"
    );
}
