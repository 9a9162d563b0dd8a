//! The theme: templates, static files, interface text and the help
//! widget's sources.
//!
//! In: the files of the site's `themes/<name>/` folder, if any. Out: a
//! [`Theme`] with every template compiled, where each file of the embedded
//! default theme is replaced by the site's file of the same path. CSS and
//! JS files get content-hashed names so browsers never mix two builds.

use std::collections::BTreeMap;
use std::path::PathBuf;

use include_dir::{Dir, include_dir};
use tera::Tera;

use super::i18n::Translations;
use crate::diagnostics::Diagnostic;
use crate::output_paths::STATIC_DIR;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A compiled theme.
pub struct Theme {
    /// Compiled templates, by name (`article.html`).
    pub tera: Tera,
    /// Files to write under the output, by output path (`static/style.1a2b3c4d.css`).
    pub files: BTreeMap<String, Vec<u8>>,
    /// Output path of each static file, by its name in the theme (`style.css`).
    pub assets: BTreeMap<String, String>,
    /// Interface text.
    pub translations: Translations,
    /// The help widget's sources (`widget.js`, `widget.css`), by name;
    /// [`super::widget`] bundles them.
    pub widget: BTreeMap<String, String>,
    /// The digest of every file it was made of, for the build cache.
    pub digest: [u8; 32],
    /// Every literal `id` its templates give their own elements, sorted:
    /// no heading or step of a body may take one, or a body's `## Main`
    /// would duplicate the skip link's `#main` target, and `## Still
    /// stuck` the box that says how to reach level 1.
    pub ids: Vec<String>,
}

/// Every file of the embedded default theme, by path.
pub fn default_files() -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    collect(&DEFAULT_THEME, &mut files);
    files
}

fn collect(dir: &Dir<'static>, files: &mut BTreeMap<String, Vec<u8>>) {
    for file in dir.files() {
        if let Some(path) = file.path().to_str() {
            files.insert(path.replace('\\', "/"), file.contents().to_vec());
        }
    }
    for sub in dir.dirs() {
        collect(sub, files);
    }
}

impl Theme {
    /// Compiles the default theme overridden by `site_files` (paths inside `themes/<name>/`).
    pub fn load(
        name: &str,
        site_files: &BTreeMap<String, Vec<u8>>,
    ) -> Result<Self, Vec<Diagnostic>> {
        let mut files = default_files();
        let overridden: std::collections::BTreeSet<&String> = site_files.keys().collect();
        files.extend(site_files.iter().map(|(k, v)| (k.clone(), v.clone())));
        let shown = |path: &str| -> PathBuf {
            if overridden.contains(&path.to_owned()) {
                PathBuf::from("themes").join(name).join(path)
            } else {
                PathBuf::from("(default theme)").join(path)
            }
        };
        let mut errors = Vec::new();
        let mut tera = Tera::new();
        super::wbr::register(&mut tera);
        let mut templates = Vec::new();
        let mut translations = Translations::default();
        let mut out = BTreeMap::new();
        let mut assets = BTreeMap::new();
        let mut widget = BTreeMap::new();
        for (path, bytes) in &files {
            if let Some(name) = path.strip_prefix("templates/") {
                match std::str::from_utf8(bytes) {
                    Ok(text) => templates.push((name.to_owned(), text.to_owned())),
                    Err(_) => errors.push(Diagnostic::error(
                        shown(path),
                        0..0,
                        "template is not valid UTF-8",
                    )),
                }
            } else if let Some(name) = path.strip_prefix("static/") {
                // Theme files keep their folder's name in the output.
                let output = format!("{STATIC_DIR}/{}", hashed_name(name, bytes));
                assets.insert(name.to_owned(), output.clone());
                out.insert(output, bytes.clone());
            } else if let Some(name) = path.strip_prefix("widget/") {
                match std::str::from_utf8(bytes) {
                    Ok(text) => {
                        widget.insert(name.to_owned(), text.to_owned());
                    }
                    Err(_) => errors.push(Diagnostic::error(
                        shown(path),
                        0..0,
                        "the widget's source is not valid UTF-8",
                    )),
                }
            } else if path == "i18n.yaml" {
                let text = String::from_utf8_lossy(bytes);
                match crate::matter::yaml::deserialize::<BTreeMap<String, BTreeMap<String, String>>>(
                    &text, 0,
                ) {
                    Ok((pairs, _)) => translations.merge(pairs),
                    Err(e) => errors.push(e.into_diagnostic(&shown(path))),
                }
            }
        }
        let mut ids: Vec<String> = templates
            .iter()
            .flat_map(|(_, html)| template_ids(html).map(str::to_owned))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        if let Err(e) = tera.add_raw_templates(templates) {
            errors.push(
                Diagnostic::error(shown("templates"), 0..0, format!("template error: {e}"))
                    .with_help("fix the template named in the message"),
            );
        }
        if errors.is_empty() {
            Ok(Self {
                tera,
                files: out,
                assets,
                translations,
                widget,
                digest: digest(&files),
                ids,
            })
        } else {
            Err(errors)
        }
    }
}

/// The literal values of ` id="…"` attributes in the template `html`
/// (not `data-…-id`, not ids the template computes).
fn template_ids(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("id=\"")
        .filter(|(at, _)| {
            html[..*at]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace)
        })
        .filter_map(|(at, open)| {
            let rest = &html[at + open.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .filter(|id| !id.contains('{'))
}

/// The digest of a theme's files, paths and bytes, each prefixed with its length.
fn digest(files: &BTreeMap<String, Vec<u8>>) -> [u8; 32] {
    let mut hasher = blake3::Hasher::new();
    for (path, bytes) in files {
        for part in [path.as_bytes(), bytes] {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
    }
    hasher.finalize().into()
}

/// `style.css` → `style.1a2b3c4d5e.css` for CSS and JS; other files keep their name.
fn hashed_name(name: &str, bytes: &[u8]) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext @ ("css" | "js"))) => {
            let hash = blake3::hash(bytes).to_hex();
            format!("{stem}.{}.{ext}", &hash[..10])
        }
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_theme_compiles_and_hashes_assets() {
        let theme = Theme::load("default", &BTreeMap::new()).unwrap();
        let css = &theme.assets["style.css"];
        assert!(
            css.starts_with("static/style.") && css.ends_with(".css"),
            "{css}"
        );
        assert!(theme.files.contains_key(css));
        assert_eq!(
            theme.translations.for_language("es").get("skip_to_content"),
            "Saltar al contenido"
        );
    }

    #[test]
    fn the_ids_of_every_template_are_known_the_sites_own_too() {
        let theme = Theme::load("default", &BTreeMap::new()).unwrap();
        for id in [
            "main",
            "solved",
            "still-stuck",
            "toc-title",
            "search-results",
        ] {
            assert!(
                theme.ids.binary_search(&id.to_owned()).is_ok(),
                "{id}: {:?}",
                theme.ids
            );
        }
        assert!(theme.ids.is_sorted());
        let site = BTreeMap::from([(
            "templates/partials/feedback.html".to_owned(),
            b"<section id=\"feedback\"><p id=\"{{ x }}\" data-article-id=\"y\">".to_vec(),
        )]);
        let theme = Theme::load("mine", &site).unwrap();
        assert!(theme.ids.contains(&"feedback".to_owned()));
        assert!(!theme.ids.iter().any(|id| id.contains('{') || id == "y"));
    }

    #[test]
    fn only_attributes_named_id_are_read() {
        let ids: Vec<&str> =
            template_ids("<a id=\"x\" data-article-id=\"y\">\n<b\n  id=\"z\"><i id=\"{{ v }}\">")
                .collect();
        assert_eq!(ids, ["x", "z"]);
    }

    #[test]
    fn site_files_override_and_errors_name_the_file() {
        let site = BTreeMap::from([("templates/404.html".to_owned(), b"{% if %}".to_vec())]);
        let errors = Theme::load("mine", &site).err().unwrap();
        assert!(
            errors[0].message.contains("404.html"),
            "{}",
            errors[0].message
        );
    }
}
