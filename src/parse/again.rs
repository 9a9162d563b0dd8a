//! Parsing a site again, moments after the last time (the dev server's
//! rebuilds): a file that has not changed is not parsed again.
//!
//! One article file's parse depends on its text, its path, the config,
//! whether its folder has a landing page and the titles other files give
//! it (MkDocs's `nav:`, an mdBook summary, a Jupyter Book's table of
//! contents) and the files it includes, and on nothing else; the checks
//! across files (translations' audiences, then the link stage) run on the
//! whole site every time. So an [`Earlier`] keeps each file's result with
//! what it depended on, and gives it back while all of that is the same.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::{Parse, Parsed, article, finish, landed, navigation};
use crate::config::Config;
use crate::discover::{Included, Sources};

/// The results of the last parse, for the next one.
#[derive(Default)]
pub struct Earlier {
    /// The config they were parsed with: another one parses everything again.
    config: Option<Config>,
    /// By source (content-relative path).
    files: HashMap<String, Kept>,
}

/// One file's result, with what it depended on.
struct Kept {
    text: Arc<str>,
    /// Whether its folder had a landing page.
    landed: bool,
    /// The titles other files gave it ([`article::Given::owned`]).
    given: [Option<String>; 2],
    /// Its body with the files it includes put in, as they were read.
    included: Option<Arc<Included>>,
    result: Parse,
}

impl Earlier {
    /// [`super::parse`], parsing only the article files that changed since
    /// the last call; what is kept for the next call is updated.
    pub fn parse(&mut self, config: &Config, sources: &Sources) -> Parsed {
        if self.config.as_ref() != Some(config) {
            self.files.clear();
            self.config = Some(config.clone());
        }
        navigation::parse_navigated(config, sources, |read| {
            self.parse_read(config, sources, read)
        })
    }

    /// [`Earlier::parse`] with the navigations `read`.
    fn parse_read(&mut self, config: &Config, sources: &Sources, read: navigation::Read) -> Parsed {
        let landed = landed(sources);
        let in_landed = |rel: &str| landed.contains(crate::landing::split_dir(rel).0);
        let titles = read.given_titles(config, &sources.contents);
        // Each file's result, and whether it was parsed now.
        let results: Vec<(Parse, bool)> = sources
            .articles
            .par_iter()
            .map(|file| {
                let given = titles.of(&file.rel);
                let included = sources.included.get(&file.rel);
                match self.files.get(&file.rel) {
                    Some(kept)
                        if kept.landed == in_landed(&file.rel)
                            && kept.given == given.owned()
                            && kept.text == file.text
                            && kept.included.as_ref() == included =>
                    {
                        (kept.result.clone(), false)
                    }
                    _ => (
                        article::parse_article(config, file, included, &landed, given),
                        true,
                    ),
                }
            })
            .collect();
        let current: std::collections::HashSet<&str> =
            sources.articles.iter().map(|f| f.rel.as_str()).collect();
        self.files.retain(|rel, _| current.contains(rel.as_str()));
        for (file, (result, fresh)) in sources.articles.iter().zip(&results) {
            if !*fresh {
                // The same text, maybe read again into another allocation:
                // keep the current one (in the article too), so that the
                // next comparison is of pointers, not of every byte of every
                // file, and the old copy is freed.
                if let Some(kept) = self.files.get_mut(&file.rel) {
                    kept.text = file.text.clone();
                    if let Ok(article) = &mut kept.result.0 {
                        article.text = file.text.clone();
                    }
                }
                continue;
            }
            self.files.insert(
                file.rel.clone(),
                Kept {
                    text: file.text.clone(),
                    landed: in_landed(&file.rel),
                    given: titles.of(&file.rel).owned(),
                    included: sources.included.get(&file.rel).cloned(),
                    result: result.clone(),
                },
            );
        }
        finish(
            config,
            sources,
            results.into_iter().map(|(result, _)| result).collect(),
            read,
        )
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::discover::SourceFile;

    fn sources(articles: &[(&str, &str)], sections: &[(&str, &str)]) -> Sources {
        Sources {
            articles: articles
                .iter()
                .map(|(r, t)| SourceFile::in_content(r, t))
                .collect(),
            sections: sections
                .iter()
                .map(|(r, t)| SourceFile::in_content(r, t))
                .collect(),
            ..Sources::default()
        }
    }

    /// What a parse found, comparable: articles and problems.
    fn shown(parsed: &Parsed) -> String {
        format!("{:?}\n{:?}", parsed.articles, parsed.diagnostics)
    }

    #[test]
    fn parsing_again_finds_what_a_first_parse_finds_after_every_kind_of_change() {
        let config = Config::default();
        let a = ("red/a.md", "---\nid: A\ntitle: Alpha\n---\nBody\n");
        let b = ("red/b.md", "---\nid: B\ntitle: Beta\ntier: L9\n---\nBody\n");
        let b_fixed = ("red/b.md", "---\nid: B\ntitle: Beta\n---\nBody\n");
        let c = (
            "red/c.en.md",
            "---\nid: A\ntitle: Alpha en\naudience: internal\n---\n",
        );
        // A page bundle, until its folder gets a landing page of its own.
        let d = ("red/wifi/README.md", "---\nid: D\ntitle: Wi-Fi\n---\n");
        let landing = ("red/wifi/_index.md", "---\ntitle: Wi-Fi\n---\n");
        // A page without a title, which a book's summary names.
        let e = ("book/e.md", "---\nid: E\n---\nText.\n");
        let book = |name: &str| {
            let mut site = sources(&[a, c, d, e], &[landing]);
            let summary = format!("- [{name}](e.md)\n");
            site.contents = vec![SourceFile::in_content("book/SUMMARY.md", &summary)];
            site
        };
        let steps: [Sources; 7] = [
            sources(&[a, b, d], &[]),
            // One file fixed, one added (a translation that shares an id).
            sources(&[a, b_fixed, c, d], &[]),
            // A file deleted.
            sources(&[a, c, d], &[]),
            // A folder gets a landing page.
            sources(&[a, c, d], &[landing]),
            // Nothing changed.
            sources(&[a, c, d], &[landing]),
            // A chapter's name titles its page, then another name.
            book("Getting help"),
            book("Asking for help"),
        ];
        let mut earlier = Earlier::default();
        for (i, step) in steps.iter().enumerate() {
            let again = earlier.parse(&config, step);
            assert_eq!(
                shown(&again),
                shown(&super::super::parse(&config, step)),
                "step {i}"
            );
        }
        assert_eq!(earlier.files.len(), 4, "deleted files are forgotten");
        let last = earlier.parse(&config, &steps[6]);
        assert!(last.articles.iter().any(|a| a.title == "Asking for help"));
    }

    #[test]
    fn unchanged_files_are_not_parsed_again_unless_the_config_changed() {
        let mut config = Config::default();
        let site = sources(&[("a.md", "---\nid: A\ntier: L2\n---\n")], &[]);
        let mut earlier = Earlier::default();
        earlier.parse(&config, &site);
        // A result kept is given back as it is: mark it to tell.
        let kept = earlier.files.get_mut("a.md").unwrap();
        kept.result.0.as_mut().unwrap().title = "kept".into();
        let again = earlier.parse(&config, &site);
        assert_eq!(again.articles[0].title, "kept");
        config.default_tier = "L1".into();
        let changed = earlier.parse(&config, &site);
        assert_ne!(changed.articles[0].title, "kept");
    }

    #[test]
    fn a_text_read_again_into_another_allocation_is_kept_as_the_current_one() {
        let config = Config::default();
        let text = "---\nid: A\ntitle: Alpha\n---\nBody\n";
        let mut earlier = Earlier::default();
        earlier.parse(&config, &sources(&[("red/a.md", text)], &[]));
        let again = sources(&[("red/a.md", text)], &[]);
        earlier.parse(&config, &again);
        let kept = &earlier.files["red/a.md"];
        assert!(Arc::ptr_eq(&kept.text, &again.articles[0].text));
        let article = kept.result.0.as_ref().unwrap();
        assert!(Arc::ptr_eq(&article.text, &again.articles[0].text));
    }
}
