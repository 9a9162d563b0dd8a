//! The home page leads with search: its example queries come from
//! `search.examples` of the config, else from the error codes the
//! language's articles name; a bad example stops the build with its place
//! in `tier0.yaml`.

use crate::support::{Site, failing_build, stderr};

/// The example queries of the built home page at `path`, as `(query, href)`.
fn examples(site: &Site, path: &str) -> Vec<(String, String)> {
    let home = site.read_public(path);
    home.split("<a class=\"search-example\" href=\"")
        .skip(1)
        .map(|item| {
            let (href, rest) = item.split_once("\">").unwrap();
            let (query, _) = rest.split_once("</a>").unwrap();
            (query.to_owned(), href.to_owned())
        })
        .collect()
}

fn build(site: &Site) {
    let output = site.tier0(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn examples_are_the_articles_error_codes_unless_the_config_lists_them() {
    let site = Site::fixture("basic");
    build(&site);
    assert_eq!(
        examples(&site, "index.html"),
        [(
            "0x80070005".to_owned(),
            "search/index.html?q=0x80070005".to_owned()
        )]
    );
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    site.write(
        "tier0.yaml",
        format!(
            "{config}search:\n  examples:\n    es: [\"  Wi-Fi lento \", ERR_CONNECTION_RESET]\n"
        ),
    );
    build(&site);
    assert_eq!(
        examples(&site, "index.html"),
        [
            (
                "Wi-Fi lento".to_owned(),
                "search/index.html?q=Wi%2DFi%20lento".to_owned()
            ),
            (
                "ERR_<wbr>CONNECTION_<wbr>RESET".to_owned(),
                "search/index.html?q=ERR%5FCONNECTION%5FRESET".to_owned()
            ),
        ]
    );
    // English lists none: its own codes, if any, are offered.
    assert!(
        examples(&site, "en/index.html")
            .iter()
            .all(|(q, _)| !q.contains("lento"))
    );
}

#[test]
fn a_bad_example_is_an_error_at_its_place() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    let long = "x".repeat(61);
    site.write(
        "tier0.yaml",
        format!("{config}search:\n  examples:\n    fr: [bonjour]\n    es: [{long}]\n"),
    );
    let err = failing_build(&site, 1);
    assert!(
        err.contains("`search.examples` names language `fr`, which the site does not have"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "example query `{long}` is longer than 60 characters"
        )),
        "{err}"
    );
    let lines = config.lines().count();
    assert!(
        err.contains(&format!("tier0.yaml:{}:5", lines + 3)),
        "{err}"
    );
    assert!(
        err.contains(&format!("tier0.yaml:{}:10", lines + 4)),
        "{err}"
    );
}
