//! Which links of the export point at its own articles, and what they become.
//!
//! A link to an article of the same help center (`/hc/<locale>/articles/<id>-…`,
//! relative or absolute, on one of the hosts the export's `html_url`s name,
//! or on a `*.zendesk.com` host when the id is one of the export's) becomes
//! the tier0 link by id (`ZD-<id>`), which tier0 resolves to the reader's
//! language. It stays a Zendesk URL, with a note, when tier0 could not
//! publish it where the linking article is published: the target is not in
//! the export, or it is a draft or restricted and the linking article is
//! not. An anchor is kept when it names a heading of the target (whose id
//! the import then keeps); an in-page anchor that names no heading is
//! removed, since tier0 refuses a link to an anchor that does not exist.

use std::collections::{BTreeMap, BTreeSet};

use url::Url;

use super::html::{Rewrites, Sanitized};
use super::tier0_id;

/// Where a link goes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Href {
    /// `#anchor` in the same article.
    InPage(String),
    /// An article of the help center.
    Article { id: u64, fragment: Option<String> },
    /// Anything else.
    Other,
}

/// An article translation as a link target.
#[derive(Debug, Clone, Default)]
pub(super) struct Version {
    /// Its tier0 language.
    pub lang: String,
    /// Unpublished.
    pub draft: bool,
    /// Shown by Zendesk to some readers only (tier0: internal).
    pub restricted: bool,
    /// Ids of its headings.
    pub heading_ids: BTreeSet<String>,
}

/// Every article translation of the export, and the help center's hosts.
#[derive(Debug, Default)]
pub(super) struct Targets {
    /// Hosts of the help center, from the export's `html_url`s.
    pub hosts: BTreeSet<String>,
    /// Versions by article id, then tier0 language.
    pub versions: BTreeMap<u64, BTreeMap<String, Version>>,
    /// The site's default language.
    pub default_lang: String,
}

impl Targets {
    fn classify(&self, href: &str) -> Href {
        if let Some(fragment) = href.strip_prefix('#') {
            return Href::InPage(fragment.to_owned());
        }
        let Ok(url) = Url::parse(href) else {
            return Href::Other;
        };
        let Some(id) = article_id(&url) else {
            return Href::Other;
        };
        let host = url.host_str().unwrap_or_default().to_lowercase();
        let ours = self.hosts.contains(&host)
            || (host.ends_with(".zendesk.com") && self.versions.contains_key(&id));
        if !ours {
            return Href::Other;
        }
        Href::Article {
            id,
            fragment: url.fragment().filter(|f| !f.is_empty()).map(str::to_owned),
        }
    }

    /// The version a tier0 link by id from `lang` lands on: the same
    /// language, else the default one, else any.
    fn resolve(&self, id: u64, lang: &str) -> Option<&Version> {
        let versions = self.versions.get(&id)?;
        versions
            .get(lang)
            .or_else(|| versions.get(&self.default_lang))
            .or_else(|| versions.values().next())
    }
}

/// `/hc/<locale>/articles/<id>-<title>` or `/hc/articles/<id>` → the id.
fn article_id(url: &Url) -> Option<u64> {
    let segments: Vec<&str> = url.path_segments()?.collect();
    let last = match segments.as_slice() {
        ["hc", _, "articles", last, ..] | ["hc", "articles", last, ..] => *last,
        _ => return None,
    };
    let digits = last.split('-').next()?;
    digits.parse().ok()
}

/// What one link becomes.
#[derive(Debug, Default)]
struct Plan {
    /// `None`: left as it is; `Some(None)`: plain text; `Some(Some(d))`: a link to `d`.
    rewrite: Option<Option<String>>,
    /// A heading id (article, language, id) the link needs kept.
    anchor: Option<(u64, String, String)>,
    /// What the author should know.
    note: Option<String>,
}

/// The article translation whose links are planned.
#[derive(Debug)]
pub(super) struct Linking<'a> {
    /// Zendesk id.
    pub id: u64,
    /// Its version.
    pub version: &'a Version,
    /// Its cleaned body.
    pub body: &'a Sanitized,
}

fn plan(targets: &Targets, from: &Linking, href: &str) -> Plan {
    match targets.classify(href) {
        Href::Other => Plan::default(),
        Href::InPage(fragment) if from.version.heading_ids.contains(&fragment) => Plan {
            anchor: Some((from.id, from.version.lang.clone(), fragment)),
            ..Plan::default()
        },
        Href::InPage(fragment) => Plan {
            rewrite: Some(None),
            note: Some(format!(
                "the link to `#{fragment}` became plain text: no heading of the article has that id"
            )),
            ..Plan::default()
        },
        Href::Article { id, fragment } => {
            let Some(target) = targets.resolve(id, &from.version.lang) else {
                return Plan {
                    note: Some(format!(
                        "a link goes to Zendesk article {id}, which is not in the export; it keeps its Zendesk URL"
                    )),
                    ..Plan::default()
                };
            };
            let hidden = if target.draft && !from.version.draft {
                Some("a draft")
            } else if target.restricted && !from.version.restricted {
                Some("restricted to some readers (internal here)")
            } else {
                None
            };
            if let Some(why) = hidden {
                return Plan {
                    note: Some(format!(
                        "a link goes to {}, which is {why}; it keeps its Zendesk URL",
                        tier0_id(id)
                    )),
                    ..Plan::default()
                };
            }
            let mut dest = tier0_id(id);
            let mut plan = Plan::default();
            match fragment {
                Some(fragment) if target.heading_ids.contains(&fragment) => {
                    dest = format!("{dest}#{fragment}");
                    plan.anchor = Some((id, target.lang.clone(), fragment));
                }
                Some(fragment) => {
                    plan.note = Some(format!(
                        "a link to {dest} lost its anchor `#{fragment}`: no heading there has that id"
                    ));
                }
                None => {}
            }
            plan.rewrite = Some(Some(dest));
            plan
        }
    }
}

/// The heading ids to keep, per (article id, language): those some link points at.
pub(super) fn referenced(
    targets: &Targets,
    all: &[Linking],
) -> BTreeMap<(u64, String), BTreeSet<String>> {
    let mut kept: BTreeMap<(u64, String), BTreeSet<String>> = BTreeMap::new();
    for from in all {
        for href in &from.body.hrefs {
            if let Some((id, lang, fragment)) = plan(targets, from, href).anchor {
                kept.entry((id, lang)).or_default().insert(fragment);
            }
        }
    }
    kept
}

/// How the links of `from` change, and the notes for its author.
pub(super) fn rewrites(
    targets: &Targets,
    from: &Linking,
    keep_ids: BTreeSet<String>,
) -> (Rewrites, Vec<String>) {
    let mut rewrites = Rewrites {
        keep_ids,
        links: BTreeMap::new(),
    };
    let mut notes = Vec::new();
    // Notes said once each, in the order of the links: a set, not a search
    // of the notes for each link (80,000 links took 12.8 s that way).
    let mut said = std::collections::HashSet::new();
    for href in &from.body.hrefs {
        let plan = plan(targets, from, href);
        if let Some(rewrite) = plan.rewrite {
            rewrites.links.insert(href.clone(), rewrite);
        }
        notes.extend(plan.note.filter(|n| said.insert(n.clone())));
    }
    (rewrites, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(lang: &str, draft: bool, restricted: bool, ids: &[&str]) -> Version {
        Version {
            lang: lang.into(),
            draft,
            restricted,
            heading_ids: ids.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    fn targets() -> Targets {
        let mut targets = Targets {
            hosts: ["help.acme.example".to_owned()].into(),
            default_lang: "en".into(),
            ..Targets::default()
        };
        targets.versions.insert(
            1,
            [("en".to_owned(), version("en", false, false, &["h_top"]))].into(),
        );
        targets.versions.insert(
            2,
            [
                ("en".to_owned(), version("en", false, false, &["h_en"])),
                ("es".to_owned(), version("es", false, false, &["h_es"])),
            ]
            .into(),
        );
        targets.versions.insert(
            3,
            [("en".to_owned(), version("en", true, false, &[]))].into(),
        );
        targets.versions.insert(
            4,
            [("en".to_owned(), version("en", false, true, &[]))].into(),
        );
        targets
    }

    #[test]
    fn help_center_article_links_are_recognised() {
        let t = targets();
        let article = |id, fragment: Option<&str>| Href::Article {
            id,
            fragment: fragment.map(str::to_owned),
        };
        assert_eq!(
            t.classify("https://help.acme.example/hc/en-us/articles/2-Reset#h_en"),
            article(2, Some("h_en"))
        );
        assert_eq!(
            t.classify("https://HELP.acme.example/hc/articles/2"),
            article(2, None)
        );
        assert_eq!(
            t.classify("https://acme.zendesk.com/hc/es/articles/2-Restablecer"),
            article(2, None)
        );
        // Another company's help center, or a page that is no article.
        assert_eq!(
            t.classify("https://support.zendesk.com/hc/en-us/articles/44088"),
            Href::Other
        );
        assert_eq!(
            t.classify("https://help.acme.example/hc/en-us/sections/2-S"),
            Href::Other
        );
        assert_eq!(
            t.classify("https://elsewhere.example/hc/en-us/articles/2"),
            Href::Other
        );
        assert_eq!(t.classify("#h_top"), Href::InPage("h_top".into()));
    }

    #[test]
    fn links_become_ids_when_the_target_is_published_alike() {
        let t = targets();
        let body = Sanitized {
            hrefs: [
                "https://help.acme.example/hc/es/articles/2-X#h_es",
                "https://help.acme.example/hc/en-us/articles/2-X#h_en",
                "https://help.acme.example/hc/en-us/articles/3",
                "https://help.acme.example/hc/en-us/articles/4",
                "https://help.acme.example/hc/en-us/articles/99",
                "#nowhere",
                "#h_mine",
            ]
            .map(str::to_owned)
            .to_vec(),
            ..Sanitized::default()
        };
        let me = version("es", false, false, &["h_mine"]);
        let from = Linking {
            id: 7,
            version: &me,
            body: &body,
        };
        let (rewrites, notes) = rewrites(&t, &from, BTreeSet::new());
        let get = |h: &str| rewrites.links.get(h).cloned();
        assert_eq!(get(&body.hrefs[0]), Some(Some("ZD-2#h_es".into())));
        // The Spanish reader lands on the Spanish translation, where `h_en` is no heading.
        assert_eq!(get(&body.hrefs[1]), Some(Some("ZD-2".into())));
        assert_eq!(get(&body.hrefs[2]), None);
        assert_eq!(get(&body.hrefs[3]), None);
        assert_eq!(get(&body.hrefs[4]), None);
        assert_eq!(get("#nowhere"), Some(None));
        assert_eq!(get("#h_mine"), None);
        assert_eq!(notes.len(), 5, "{notes:?}");
        assert!(notes.iter().any(|n| n.contains("ZD-3, which is a draft")));
        assert!(
            notes
                .iter()
                .any(|n| n.contains("ZD-4, which is restricted"))
        );

        let kept = referenced(&t, &[from]);
        assert_eq!(kept[&(2, "es".to_owned())], ["h_es".to_owned()].into());
        assert_eq!(kept[&(7, "es".to_owned())], ["h_mine".to_owned()].into());
        assert!(!kept.contains_key(&(2, "en".to_owned())));
    }

    #[test]
    fn drafts_and_internal_articles_may_link_to_their_like() {
        let t = targets();
        let body = Sanitized {
            hrefs: vec!["https://help.acme.example/hc/en-us/articles/3".into()],
            ..Sanitized::default()
        };
        let draft = version("en", true, false, &[]);
        let from = Linking {
            id: 8,
            version: &draft,
            body: &body,
        };
        assert_eq!(
            rewrites(&t, &from, BTreeSet::new()).0.links[&body.hrefs[0]],
            Some("ZD-3".into())
        );
    }
}
