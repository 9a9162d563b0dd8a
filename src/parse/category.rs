//! Docusaurus category files: `_category_.json` and `_category_.yml`.
//!
//! In: the category files discovery found. Out: one [`Category`] per
//! folder, with what tier0 shows of it: its label (the section's title),
//! its position (the section's order), a description, and the doc its
//! category links to, and the URL of its generated index, which redirects
//! to the section's page. Docusaurus's own display settings (`collapsed`,
//! `collapsible`, `className`, `customProps`, `key`, a generated index's
//! `keywords` and `image`) are read and passed over: tier0's theme lays
//! out its sections itself. A file that does not decode is an error
//! located at its line and column and is not used; a key Docusaurus does
//! not know, or a value tier0 cannot use, is a warning.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Deserialize;

use super::{SectionPath, without_number_prefix};
use crate::diagnostics::Diagnostic;
use crate::discover::SourceFile;
use crate::landing::split_dir;
use crate::matter::json_matter;
use crate::matter::yaml::{self, did_you_mean};

/// What a category file says of its folder's section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The section of the file's folder.
    pub section: String,
    /// Path shown to users (`content/guides/_category_.json`).
    pub path: PathBuf,
    /// `label`: the section's title.
    pub label: Option<String>,
    /// `position`: the section's order among its siblings.
    pub position: Option<i64>,
    /// `link.description` of a generated index, else `description`.
    pub description: Option<String>,
    /// `link.id` of a `doc` link, with where it is written: the article
    /// the category opens with.
    pub doc: Option<(String, Range<usize>)>,
    /// A `generated-index` link: the page Docusaurus made for the
    /// category, whose URL leads to the section's page.
    pub generated_index: Option<GeneratedIndex>,
}

/// A category's `link: {type: generated-index}`: what its URL is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedIndex {
    /// `link.slug`, as written.
    pub slug: Option<String>,
    /// The label Docusaurus slugs into `/category/<slug>` without one: the
    /// category's `label`, else its folder's name without number prefix.
    pub label: String,
    /// Where the link's `slug`, else its `link`, is written.
    pub span: Range<usize>,
}

/// The keys of a category file, as Docusaurus documents them.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CategoryFile {
    label: Option<String>,
    position: Option<f64>,
    description: Option<String>,
    link: Option<Link>,
    // Docusaurus's display settings: known, and passed over.
    #[serde(rename = "collapsed")]
    _collapsed: Option<bool>,
    #[serde(rename = "collapsible")]
    _collapsible: Option<bool>,
    #[serde(rename = "className")]
    _class_name: Option<String>,
    #[serde(rename = "customProps")]
    _custom_props: Option<serde_json::Value>,
    #[serde(rename = "key")]
    _key: Option<String>,
}

/// `link`: the page a category opens.
#[derive(Debug, Default, Deserialize)]
struct Link {
    #[serde(rename = "type")]
    kind: String,
    id: Option<String>,
    title: Option<String>,
    description: Option<String>,
    slug: Option<String>,
    #[serde(rename = "keywords")]
    _keywords: Option<Vec<String>>,
    #[serde(rename = "image")]
    _image: Option<String>,
}

/// The keys [`CategoryFile`] and [`Link`] know, for "did you mean".
const KEYS: &[&str] = &[
    "label",
    "position",
    "description",
    "link",
    "collapsed",
    "collapsible",
    "className",
    "customProps",
    "key",
    "type",
    "id",
    "title",
    "slug",
    "keywords",
    "image",
];

/// The categories of the category files `files` (sorted by path), one per
/// folder, and the problems found in them.
pub fn categories(files: &[SourceFile]) -> (Vec<Category>, Vec<Diagnostic>) {
    let mut categories: Vec<Category> = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        let dir = split_dir(&file.rel).0;
        let Some(section) = SectionPath::of(dir).id else {
            problems.push(
                Diagnostic::warning(
                    &file.path,
                    0..0,
                    "a category file describes the folder it is in, and the content folder \
                     itself is no section: it is ignored",
                )
                .with_help("move it into the folder of the section it describes, or delete it"),
            );
            continue;
        };
        if let Some(first) = categories.iter().find(|c| c.section == section) {
            problems.push(
                Diagnostic::warning(
                    &file.path,
                    0..0,
                    format!(
                        "section `{section}` already has its category file, {}: this one is ignored",
                        first.path.display()
                    ),
                )
                .with_help("merge the two into one file"),
            );
            continue;
        }
        if let Some(category) = category(file, section, &mut problems) {
            categories.push(category);
        }
    }
    (categories, problems)
}

/// A language's translations of category labels and descriptions, by the
/// label of the category in the default language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    /// The language's code.
    pub lang: String,
    /// Each label's translation.
    pub titles: BTreeMap<String, String>,
    /// The translation of the description of each label's category
    /// (its generated index's).
    pub descriptions: BTreeMap<String, String>,
}

/// One translated message of Docusaurus's translation files.
#[derive(Deserialize)]
struct Message {
    message: String,
}

/// The prefix of a sidebar's keys in Docusaurus's translation files
/// (`sidebar.<sidebar>.category.<label>`).
const SIDEBAR_KEY: &str = "sidebar.";

impl Labels {
    /// The translation of the label `label`.
    pub fn title(&self, label: &str) -> Option<&str> {
        self.titles.get(label).map(String::as_str)
    }

    /// The translation of the description of the category labelled `label`.
    pub fn description(&self, label: &str) -> Option<&str> {
        self.descriptions.get(label).map(String::as_str)
    }
}

/// What follows a category's label in the key of its generated index's
/// description.
const DESCRIPTION_KEY: &str = ".link.generated-index.description";

/// What follows a category's label in the key of its generated index's
/// title, which tier0 does not show (the section's title is its label).
const INDEX_TITLE_KEY: &str = ".link.generated-index.title";

/// The translated category labels of each of `files`, Docusaurus's
/// translations of a language's sidebar labels (`current.json`: the key
/// `sidebar.docs.category.Tutorial` with `{"message": "Tutoriel"}`), as
/// language and label → translation; and the problems of the files that
/// do not decode.
pub fn sidebar_labels(files: &[(String, PathBuf, Arc<str>)]) -> (Vec<Labels>, Vec<Diagnostic>) {
    let mut labels = Vec::new();
    let mut problems = Vec::new();
    for (lang, path, text) in files {
        let messages: BTreeMap<String, Message> = match json_matter::decode(text) {
            Ok((messages, _)) => messages,
            Err((span, message)) => {
                problems.push(
                    Diagnostic::error(path, span, format!("invalid JSON: {message}"))
                        .with_help("check the quotes, commas and braces around this place"),
                );
                continue;
            }
        };
        let mut translated = Labels {
            lang: lang.clone(),
            ..Labels::default()
        };
        for (key, message) in messages {
            let Some((_, label)) = key
                .strip_prefix(SIDEBAR_KEY)
                .and_then(|rest| rest.split_once(".category."))
            else {
                continue;
            };
            if let Some(label) = label.strip_suffix(DESCRIPTION_KEY) {
                (translated.descriptions).insert(label.to_owned(), message.message);
            } else if !label.ends_with(INDEX_TITLE_KEY) {
                translated.titles.insert(label.to_owned(), message.message);
            }
        }
        labels.push(translated);
    }
    (labels, problems)
}

/// The category of `file`, in `section`, if it decodes; its problems go to
/// `problems`.
fn category(
    file: &SourceFile,
    section: String,
    problems: &mut Vec<Diagnostic>,
) -> Option<Category> {
    let text = &*file.text;
    let json = file.rel.ends_with(".json");
    let decoded = if text.trim().is_empty() {
        Ok((CategoryFile::default(), Vec::new()))
    } else if json {
        json_matter::decode(text).map_err(|(span, message)| {
            Diagnostic::error(&file.path, span, format!("invalid JSON: {message}"))
                .with_help("check the quotes, commas and braces around this place")
        })
    } else {
        yaml::deserialize(text, 0).map_err(|e| e.into_diagnostic(&file.path))
    };
    let (read, unknown) = match decoded {
        Ok(decoded) => decoded,
        Err(problem) => {
            problems.push(problem);
            return None;
        }
    };
    let warn = |key: &str, message: String, help: &str| {
        Diagnostic::warning(&file.path, key_span(text, key), message).with_help(help)
    };
    for path in unknown {
        let key = path.rsplit('.').next().unwrap_or(&path);
        let help = match did_you_mean(key, KEYS) {
            Some(known) => format!("did you mean `{known}`?"),
            None => format!("Docusaurus knows {}", KEYS[..9].join(", ")),
        };
        problems.push(warn(
            key,
            format!("unknown key `{path}` in a Docusaurus category file: it is ignored"),
            &help,
        ));
    }
    let position = read.position.and_then(|p| {
        let whole = p.fract() == 0.0 && p.abs() < 9.0e18;
        if !whole {
            problems.push(warn(
                "position",
                format!(
                    "`position` is {p}: tier0 orders sections by whole numbers, so it is ignored"
                ),
                "write a whole number (multiply every position of the folder by 10 to make room)",
            ));
        }
        whole.then_some(p as i64)
    });
    let mut description = read.description;
    let mut label = read.label.clone();
    let mut doc = None;
    let mut generated_index = None;
    if let Some(link) = read.link {
        match link.kind.as_str() {
            "generated-index" => {
                description = link.description.or(description);
                label = label.or(link.title);
                let folder = split_dir(split_dir(&file.rel).0).1;
                generated_index = Some(GeneratedIndex {
                    span: match &link.slug {
                        Some(slug) => value_span(text, slug),
                        None => key_span(text, "link"),
                    },
                    slug: link.slug,
                    label: read
                        .label
                        .unwrap_or_else(|| without_number_prefix(folder).to_owned()),
                });
            }
            "doc" => match link.id {
                Some(id) => doc = Some((id.clone(), value_span(text, &id))),
                None => problems.push(warn(
                    "link",
                    "this `doc` link names no doc: it is ignored".to_owned(),
                    "add `id` with the doc's id, e.g. `\"id\": \"guides/intro\"`",
                )),
            },
            other => problems.push(warn(
                "type",
                format!("`link` of type `{other}` is not one Docusaurus knows: it is ignored"),
                "write `generated-index`, or `doc` with the `id` of the doc to open",
            )),
        }
    }
    Some(Category {
        section,
        path: file.path.clone(),
        label: label.filter(|l| !l.trim().is_empty()),
        position,
        description: description.filter(|d| !d.trim().is_empty()),
        doc,
        generated_index,
    })
}

/// Where `key` is written in `text`: quoted (JSON, or YAML that quotes
/// it) or followed by `:` (YAML); the file's start when it is not found.
fn key_span(text: &str, key: &str) -> Range<usize> {
    let quoted = format!("\"{key}\"");
    let plain = format!("{key}:");
    [&quoted, &plain]
        .iter()
        .filter_map(|needle| text.find(needle.as_str()).map(|at| at..at + needle.len()))
        .min_by_key(|span| span.start)
        .unwrap_or(0..0)
}

/// Where the string `value` is written in `text`; the file's start when
/// it is not found as written (escaped).
fn value_span(text: &str, value: &str) -> Range<usize> {
    text.find(value).map_or(0..0, |at| at..at + value.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::line_col;

    fn read(rel: &str, text: &str) -> (Vec<Category>, Vec<Diagnostic>) {
        categories(&[SourceFile::in_content(rel, text)])
    }

    #[test]
    fn the_templates_category_file_gives_label_position_and_description() {
        let json = "{\n  \"label\": \"Tutorial - Basics\",\n  \"position\": 2,\n  \"link\": {\n    \
                    \"type\": \"generated-index\",\n    \"description\": \"5 minutes to learn.\"\n  }\n}\n";
        let (categories, problems) = read("tutorial-basics/_category_.json", json);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            categories,
            [Category {
                section: "tutorial-basics".into(),
                path: "content/tutorial-basics/_category_.json".into(),
                label: Some("Tutorial - Basics".into()),
                position: Some(2),
                description: Some("5 minutes to learn.".into()),
                doc: None,
                generated_index: Some(GeneratedIndex {
                    slug: None,
                    label: "Tutorial - Basics".into(),
                    span: 53..59,
                }),
            }]
        );
    }

    #[test]
    fn yaml_reads_the_same_and_display_settings_pass_silently() {
        let yaml = "label: 'Guías'\nposition: 3.0\ncollapsible: true\ncollapsed: false\n\
                    className: red\ncustomProps:\n  icon: book\nkey: g\ndescription: Todo.\n\
                    link:\n  type: doc\n  id: Guias/intro\n";
        let (categories, problems) = read("Guias/_category_.yml", yaml);
        assert!(problems.is_empty(), "{problems:?}");
        let c = &categories[0];
        assert_eq!(c.section, "guias");
        assert_eq!(c.label.as_deref(), Some("Guías"));
        assert_eq!(c.position, Some(3));
        assert_eq!(c.description.as_deref(), Some("Todo."));
        let (id, span) = c.doc.clone().unwrap();
        assert_eq!((id.as_str(), &yaml[span]), ("Guias/intro", "Guias/intro"));
    }

    #[test]
    fn a_generated_index_title_labels_a_category_without_label() {
        let (categories, _) = read(
            "a/b/_category_.yaml",
            "link:\n  type: generated-index\n  title: Bee\n  slug: /bee\n  keywords: [x]\n",
        );
        assert_eq!(categories[0].section, "a/b");
        assert_eq!(categories[0].label.as_deref(), Some("Bee"));
        // Docusaurus slugs its label, which the title does not stand for.
        let index = categories[0].generated_index.clone().unwrap();
        assert_eq!(index.slug.as_deref(), Some("/bee"));
        assert_eq!(index.label, "b");
        let (categories, _) = read("2-guides/_category_.yml", "link: {type: generated-index}\n");
        let index = categories[0].generated_index.clone().unwrap();
        assert_eq!((index.slug, index.label.as_str()), (None, "guides"));
    }

    #[test]
    fn broken_json_is_an_error_at_its_line_and_column() {
        let json = "{\n  \"label\": \"A\"\n  \"position\": 2\n}\n";
        let (categories, problems) = read("a/_category_.json", json);
        assert!(categories.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].is_error());
        assert!(
            problems[0]
                .message
                .starts_with("invalid JSON: expected `,`")
        );
        assert!(!problems[0].message.contains(" at line "));
        assert_eq!(line_col(json, problems[0].span.start), (3, 3));
    }

    #[test]
    fn a_wrong_type_is_an_error_and_broken_yaml_too() {
        let (_, problems) = read("a/_category_.json", "{\"label\": 5}");
        assert!(problems[0].is_error());
        assert!(
            problems[0].message.contains("invalid type"),
            "{:?}",
            problems[0]
        );
        let (_, problems) = read("a/_category_.yml", "label: [unclosed\n");
        assert!(problems[0].is_error());
        assert!(problems[0].message.starts_with("invalid YAML"));
    }

    #[test]
    fn unknown_keys_and_unusable_values_are_located_warnings() {
        let json = "{\"lable\": \"A\", \"position\": 2.5, \"link\": {\"type\": \"page\"}}";
        let (categories, problems) = read("a/_category_.json", json);
        assert_eq!(categories[0].position, None);
        assert_eq!(categories[0].label, None);
        let shown: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (&json[p.span.clone()], p.help.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(shown[0], ("\"lable\"", "did you mean `label`?"));
        assert_eq!(shown[1].0, "\"position\"");
        assert_eq!(shown[2].0, "\"type\"");
        assert!(problems.iter().all(|p| !p.is_error()));
        let (_, problems) = read("a/_category_.json", "{\"link\": {\"type\": \"doc\"}}");
        assert!(problems[0].message.contains("names no doc"));
    }

    #[test]
    fn one_category_file_per_folder_and_none_at_the_top() {
        let files = [
            SourceFile::in_content("_category_.json", "{\"label\": \"Top\"}"),
            SourceFile::in_content("a/_category_.json", "{\"label\": \"A\"}"),
            SourceFile::in_content("a/_category_.yml", "label: B\n"),
            SourceFile::in_content("b/_category_.json", ""),
        ];
        let (categories, problems) = categories(&files);
        let labels: Vec<_> = categories.iter().map(|c| c.label.as_deref()).collect();
        assert_eq!(labels, [Some("A"), None]);
        let warned: Vec<_> = problems
            .iter()
            .map(|p| p.path.display().to_string())
            .collect();
        assert_eq!(
            warned,
            ["content/_category_.json", "content/a/_category_.yml"]
        );
    }

    #[test]
    fn translated_sidebar_labels_are_read_by_category() {
        let text = r#"{
  "version.label": {"message": "Suivant"},
  "sidebar.docs.category.Getting started": {"message": "Premiers pas", "description": "x"},
  "sidebar.api.category.v2.0 API": {"message": "API v2.0"},
  "sidebar.docs.category.Getting started.link.generated-index.title": {"message": "Tout"},
  "sidebar.docs.category.Getting started.link.generated-index.description": {"message": "Pour commencer"},
  "sidebar.docs.link.Blog": {"message": "Blogue"}
}"#;
        let files = [(
            "fr".to_owned(),
            PathBuf::from("i18n/fr/docusaurus-plugin-content-docs/current.json"),
            Arc::from(text),
        )];
        let (labels, problems) = sidebar_labels(&files);
        assert!(problems.is_empty(), "{problems:?}");
        let map = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            (pairs.iter())
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        };
        let expected = Labels {
            lang: "fr".into(),
            titles: map(&[
                ("Getting started", "Premiers pas"),
                ("v2.0 API", "API v2.0"),
            ]),
            descriptions: map(&[("Getting started", "Pour commencer")]),
        };
        assert_eq!(labels, [expected]);
        let broken = [(
            "fr".to_owned(),
            PathBuf::from("current.json"),
            Arc::from("{\"a\": }"),
        )];
        let (labels, problems) = sidebar_labels(&broken);
        assert!(labels.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.starts_with("invalid JSON"));
    }
}
