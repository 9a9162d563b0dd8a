//! A Hugo project built where it stands: its folder of assets (its global
//! resources), whose images a page names by their path in that folder,
//! and which also holds the theme's styles and scripts; its configuration
//! in a folder of its own, watched by `serve`.

use crate::serve::{Step, assert_rebuilds_everything_as_a_clean_build};
use crate::support::{Site, stderr};

/// hugoDocs shows its example photo with `{{< img src="images/…" >}}`
/// and Markdown images from `/images/…`, both kept in `assets/`: Hugo
/// looks a page resource up, then a global one. tier0 looked beside the
/// page only, so every such image was broken.
#[test]
fn a_hugo_pages_images_are_found_among_the_projects_assets() {
    let site = Site::empty();
    site.write(
        "hugo.toml",
        "baseURL = 'https://help.example.org/'\ntitle = 'Help'\nlanguageCode = 'en'\n",
    );
    site.write(
        "content/guides/photos/index.md",
        "---\ntitle: Photos\n---\n\n\
         {{< img src=\"images/examples/park.jpg\" alt=\"A park\" >}}\n\n\
         ![A trail](/images/examples/trail.png)\n\n\
         {{< figure src=\"images/examples/trail.png\" caption=\"The trail\" >}}\n\n\
         ![Beside the page](lake.webp)\n\n\
         Read [the map](images/map.PDF), or see [{{< img src=\"images/map.png\" alt=\"A map\" >}}](https://maps.example.org/).\n",
    );
    site.write("content/guides/photos/lake.webp", "RIFF lake");
    // A page resource of the same name wins over the global one.
    site.write(
        "content/guides/photos/images/examples/park.jpg",
        "page park",
    );
    site.write("assets/images/examples/park.jpg", "global park");
    site.write("assets/images/examples/trail.png", b"\x89PNG\r\n\x1a\n");
    site.write("assets/images/map.PDF", "%PDF-1.4");
    site.write("assets/images/map.png", b"\x89PNG\r\n\x1a\n");
    site.write("assets/images/unused.png", "not shown");
    site.write(
        "content/guides/dashboard.md",
        "---\ntitle: Dashboard\naudience: internal\n---\n\n\
         ![The admin dashboard](/images/internal/dashboard.png)\n",
    );
    site.write("assets/images/internal/dashboard.png", "internal");
    site.write("assets/scss/main.scss", "body { color: red }");
    site.write("assets/js/app.js", "console.log('theme')");
    site.write("assets/data/secrets.json", "{\"token\": \"x\"}");
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(!err.contains("broken") && !err.contains("no file"), "{err}");
    let page = site.read_public("guides/photos/index.html");
    for shown in [
        "src=\"../../guides/photos/images/examples/park.jpg\"",
        "src=\"../../site-assets/images/examples/trail.png\"",
        "src=\"../../guides/photos/lake.webp\"",
        "href=\"../../site-assets/images/map.PDF\"",
        "<a href=\"https://maps.example.org/\"><img src=\"../../site-assets/images/map.png\" alt=\"A map\" /></a>",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    assert_eq!(
        site.read_public("guides/photos/images/examples/park.jpg"),
        "page park"
    );
    for published in [
        "site-assets/images/examples/trail.png",
        "site-assets/images/map.PDF",
    ] {
        assert!(site.public().join(published).is_file(), "{published}");
    }
    // As Hugo publishes a global resource only when a page uses it: the
    // theme's styles, scripts and data, which Hugo builds from, an image
    // no page shows (the page's own `park.jpg` is shown in place of the
    // global one), and one only an internal page shows.
    for kept in [
        "scss/main.scss",
        "js/app.js",
        "data/secrets.json",
        "images/unused.png",
        "images/examples/park.jpg",
        "images/internal/dashboard.png",
    ] {
        assert!(
            !site.public().join("site-assets").join(kept).exists(),
            "{kept}"
        );
    }
    let output = site
        .tier0(&["build", "--audience", "agents"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let agents = site.root().join("public-agents/site-assets/images");
    assert!(agents.join("internal/dashboard.png").is_file());
    assert!(!agents.join("unused.png").exists());
}

/// Hugo keeps its configuration in `config/_default/` as often as at the
/// top (Docsy's starter does), and Docusaurus in `website/`: `serve`
/// watched neither folder, nor saw `hugo.yaml` at the top change, so a
/// new title or language waited for a restart.
#[test]
fn serve_reads_a_hugo_configuration_in_its_folder_again_when_it_changes() {
    let site = Site::empty();
    site.write(
        "config/_default/hugo.toml",
        "title = 'Help'\ndefaultContentLanguage = 'en'\n",
    );
    site.write(
        "content/guides/photos.md",
        "---\ntitle: Photos\n---\n\n![Park](/images/park.png)\n",
    );
    site.write("assets/images/park.png", b"\x89PNG\r\n\x1a\n");
    let steps: Vec<Step> = vec![
        (
            "retitle the site in config/_default/",
            Box::new(|| {
                site.write(
                    "config/_default/hugo.toml",
                    "title = 'Support'\ndefaultContentLanguage = 'en'\n",
                );
            }),
        ),
        (
            "write a hugo.yaml at the top, which Hugo reads first",
            Box::new(|| site.write("hugo.yaml", "title: Service desk\n")),
        ),
    ];
    assert_rebuilds_everything_as_a_clean_build(&site, steps);
}
