//! `tier0 import zendesk` and the files of translations: locales that
//! cannot each have a language code are refused before anything is
//! written, and a new translation never takes a file that exists.

use crate::support::{Site, import_articles, stderr, tree};

#[test]
fn locales_that_normalise_to_one_code_stop_the_import_before_it_writes() {
    let articles = serde_json::json!({"articles": [
        {"id": 1, "title": "Hello", "locale": "en_US", "source_locale": "en_US", "body": "<p>a</p>"},
        {"id": 1, "title": "Hello", "locale": "en-us", "source_locale": "en_US", "body": "<p>b</p>"},
        {"id": 2, "title": "Bang", "locale": "!!", "body": "<p>c</p>"},
    ]});
    let site = Site::empty();
    let output = import_articles(&site, &articles);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the locales `en-us`, `en_us` all give the language code `en-us`"),
        "{err}"
    );
    assert!(err.contains("`!!` give no language code"), "{err}");
    assert!(tree(site.root()).is_empty(), "nothing is written");
}

#[test]
fn a_new_translation_whose_file_name_is_taken_gets_the_id_added() {
    let site = Site::empty();
    let english = serde_json::json!(
        {"id": 1, "title": "Hello", "locale": "en-us", "source_locale": "en-us", "body": "<p>Hi</p>"}
    );
    let first = import_articles(&site, &serde_json::json!({"articles": [english]}));
    assert!(first.status.success(), "{}", stderr(&first));
    // The author writes a Spanish version of their own, then Zendesk gets one.
    let own = "---\nid: KB-9\ntitle: Hola\nlang: es\n---\nMío.\n";
    site.write("content/hello.es.md", own);
    let spanish = serde_json::json!(
        {"id": 1, "title": "Hola", "locale": "es", "source_locale": "en-us", "body": "<p>Hola</p>"}
    );
    let again = import_articles(&site, &serde_json::json!({"articles": [english, spanish]}));
    assert!(again.status.success(), "{}", stderr(&again));
    let out = String::from_utf8_lossy(&again.stdout);
    assert!(out.contains("created   content/hello-1.es.md"), "{out}");
    assert_eq!(
        std::fs::read_to_string(site.root().join("content/hello.es.md")).unwrap(),
        own,
        "the author's file is untouched"
    );
}
