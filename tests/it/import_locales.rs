//! `tier0 import zendesk` with locales that cannot each have a language
//! code: refused as export errors before anything is written.

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
