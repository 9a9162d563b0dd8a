//! The index stage: published articles → the search index.
//!
//! In: the site model and each article's plain-text sections.
//! Out: one tantivy index per language in a folder the caller provides (kept
//! beside the site, reused by `tier0 search`), and the static files of the
//! browser index, handed to the [`Sink`] under `search/`. Only what the
//! model publishes is indexed: drafts never reach it, internal articles and
//! blocks only in the agents' build; an `unlisted` article is left out,
//! and so is one kept out of search (`search: false`).

use std::path::Path;

use rayon::prelude::*;

use search_index::{SearchDocument, SearchError, Section};

use crate::link::SiteModel;
use crate::output_paths::SEARCH_DIR;
use crate::parse::{Audience, Confidence};
use crate::render::Sink;

mod kept;

/// File beside the tantivy index recording how the indexed build links its pages.
pub const SITE_FILE: &str = "site.json";

/// What `tier0 search` needs to know of the build it searches.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IndexedSite {
    /// The `base_url` the build used (after `--base-url`), empty for relative links.
    pub base_url: String,
    /// The public site's `base_url`: the agents' build sends links there.
    #[serde(default)]
    pub public_base_url: String,
    /// Ids of the internal articles indexed (the agents' build only).
    #[serde(default)]
    pub internal: std::collections::BTreeSet<String>,
}

/// What the index stage needs of a build: the search documents of its
/// published articles and how the build links its pages. The site model can
/// be dropped once this is made, so its sources are freed before indexing.
#[derive(Debug)]
pub struct IndexInput {
    documents: Vec<SearchDocument>,
    languages: Vec<String>,
    site: IndexedSite,
    synonyms: std::collections::BTreeMap<String, Vec<search_index::SynonymRule>>,
}

impl IndexInput {
    /// The input for `model`, whose articles' plain-text sections are
    /// `sections` (in [`SiteModel::articles`] order).
    pub fn new(model: &SiteModel, sections: Vec<Vec<Section>>) -> Self {
        Self {
            documents: documents(model, sections),
            languages: model
                .config
                .languages
                .iter()
                .map(|l| l.code.clone())
                .collect(),
            synonyms: model.config.search.synonyms.clone(),
            site: IndexedSite {
                base_url: model.config.base_url.as_written(),
                public_base_url: model.config.public_base_url.as_written(),
                internal: model
                    .listed()
                    .filter(|(_, a)| a.article.audience == Audience::Internal)
                    .map(|(_, a)| a.article.id.clone())
                    .collect(),
            },
        }
    }
}

/// What the search index knows of each listed article; takes the
/// articles' plain-text sections, in [`SiteModel::articles`] order.
fn documents(model: &SiteModel, sections: Vec<Vec<Section>>) -> Vec<SearchDocument> {
    model
        .articles
        .par_iter()
        .zip(sections)
        .enumerate()
        .filter(|(_, (linked, _))| linked.listed() && !linked.article.unsearched)
        .map(|(i, (linked, sections))| {
            let a = &linked.article;
            let trail = model
                .section_of(i)
                .map(|s| model.trail(s))
                .unwrap_or_default()
                .into_iter()
                .map(|s| model.sections[s].title.clone())
                .collect();
            SearchDocument {
                id: a.id.clone(),
                lang: a.lang.clone(),
                url: linked.path.clone(),
                title: a.title.clone(),
                description: a.description.clone(),
                tier: a.tier.clone(),
                category: a.section.clone().unwrap_or_default(),
                trail,
                doc_type: a.kind.name().to_owned(),
                keywords: [&a.tags, &a.symptoms, &a.error_codes, &a.applies_to]
                    .into_iter()
                    .flatten()
                    .cloned()
                    .collect(),
                sections,
                internal: a.audience == Audience::Internal,
                confidence: (a.confidence != Confidence::Validated)
                    .then(|| a.confidence.name().to_owned()),
            }
        })
        .collect()
}

/// Whether [`index`] keeps what the build its sinks replace left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reuse {
    /// Keep each language that would come out the same, and record what
    /// each language built is made of for the next build ([`kept`]).
    LastBuild,
    /// Build every language; record nothing (the dev server, whose index
    /// lives in memory).
    Nothing,
}

/// Builds the tantivy index in `index_dir` (with its [`IndexedSite`] written to
/// `index_sink`) and exports the browser index into `sink`. With
/// [`Reuse::LastBuild`], a language that would come out as the sinks'
/// earlier build left it is kept from there instead ([`kept`]).
pub fn index(
    input: IndexInput,
    index_dir: &Path,
    index_sink: &dyn Sink,
    sink: &dyn Sink,
    reuse: Reuse,
) -> Result<(), SearchError> {
    let IndexInput {
        documents,
        languages,
        site,
        synonyms,
    } = input;
    let plan = search_index::Plan::new(&languages, documents)?;
    // What each language is made of, when the next build may keep it.
    let keys: Vec<(String, String)> = match reuse {
        Reuse::LastBuild => plan
            .builds()
            .map(|(lang, build)| {
                let rules = synonyms.get(lang).map(Vec::as_slice).unwrap_or_default();
                (lang.to_owned(), kept::key(lang, build, rules))
            })
            .collect(),
        Reuse::Nothing => Vec::new(),
    };
    let kept_langs = keys
        .par_iter()
        .map(|(lang, key)| {
            let kept = kept::keep(lang, key, index_sink, sink)
                .map_err(|source| output_error(index_dir, source))?;
            Ok(kept.then(|| lang.clone()))
        })
        .collect::<Result<Vec<_>, SearchError>>()?
        .into_iter()
        .flatten()
        .collect();
    let mut built = plan.build(index_dir, &kept_langs)?;
    for (lang, rules) in synonyms {
        built.set_synonyms(&lang, rules);
    }
    // The export reads only what the build made: the articles are freed
    // beside it rather than before it.
    let exported = kept::Exported::default();
    let ((), written) = rayon::join(
        || drop(plan),
        || {
            let json = serde_json::to_vec_pretty(&site)
                .map_err(|e| output_error(index_dir, std::io::Error::other(e)))?;
            index_sink
                .put(SITE_FILE, &json)
                .map_err(|source| output_error(index_dir, source))?;
            search_index::export(&built, &|path: &str, bytes: &[u8]| {
                if reuse == Reuse::LastBuild {
                    exported.note(path, bytes);
                }
                sink.put(&format!("{SEARCH_DIR}/{path}"), bytes)
            })
        },
    );
    written?;
    keys.into_par_iter()
        .filter(|(lang, _)| !kept_langs.contains(lang))
        .try_for_each(|(lang, key)| exported.record(&lang, key, index_dir, index_sink))
        .map_err(|source| output_error(index_dir, source))
}

/// A failure to write the tantivy index's folder or what is kept beside it.
fn output_error(index_dir: &Path, source: std::io::Error) -> SearchError {
    SearchError::Io {
        path: index_dir.join(SITE_FILE),
        source,
    }
}
