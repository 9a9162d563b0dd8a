//! `tier0 import zendesk` and the text Zendesk accepts but front matter
//! does not: what the import writes, `tier0 build` reads without errors.

use crate::support::{Site, stderr, tree};

/// QA: a title holding a line break was written as a `title: |-` block,
/// which the build refused ("`title` must be one line"), leaving the
/// article out of the site.
#[test]
fn titles_names_and_labels_in_several_lines_are_written_on_one_and_build() {
    let export = Site::empty();
    let category = serde_json::json!({"categories": [
        {"id": 10, "name": "Impresoras\ny escáneres", "description": "Uno\r\nDos\u{7}", "locale": "es", "source_locale": "es", "position": 1},
    ]});
    let section = serde_json::json!({"sections": [
        {"id": 20, "category_id": 10, "name": "Red\t\tde oficina", "description": "", "locale": "es", "source_locale": "es", "position": 1},
    ]});
    let articles = serde_json::json!({"articles": [
        {"id": 1, "section_id": 20, "title": "Impresora\nsin conexión\r\n", "locale": "es", "source_locale": "es",
         "label_names": ["red\tlocal", "wifi\u{202e}"], "body": "<p>Reiniciar.</p>"},
    ]});
    export.write("categories.json", category.to_string());
    export.write("sections.json", section.to_string());
    export.write("articles.json", articles.to_string());
    let site = Site::empty();
    let output = site
        .tier0(&["import", "zendesk", export.root().to_str().unwrap()])
        .output()
        .unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(
        err.contains("its title held line breaks or tabs"),
        "the change is said: {err}"
    );
    assert!(err.contains("its name held line breaks or tabs"), "{err}");
    assert!(err.contains("its label held control characters"), "{err}");

    let files = tree(&site.root().join("content"));
    let text = |suffix: &str| {
        let (_, bytes) = files
            .iter()
            .find(|(rel, _)| rel.ends_with(suffix))
            .unwrap_or_else(|| panic!("no {suffix} in {:?}", files.keys()));
        String::from_utf8_lossy(bytes).into_owned()
    };
    let article = text("impresora-sin-conexion.md");
    assert!(
        article.contains("title: Impresora sin conexión\n"),
        "{article}"
    );
    assert!(article.contains("- red local\n- wifi\n"), "{article}");
    let category = text("_index.md");
    assert!(
        category.contains("title: Impresoras y escáneres\n"),
        "{category}"
    );

    let build = site.tier0(&["build"]).output().unwrap();
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(!stderr(&build).contains("error:"), "{}", stderr(&build));
    let pages = tree(&site.public());
    assert!(
        pages
            .iter()
            .any(|(_, html)| String::from_utf8_lossy(html).contains("Impresora sin conexión")),
        "the article is on the site"
    );
}
