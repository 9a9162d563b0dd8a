//! Where other generators keep their pages: a project built with MkDocs,
//! GitBook, mdBook, Docusaurus, Starlight, VitePress, Sphinx or Nextra
//! builds with tier0 where it stands, without a `tier0.yaml` naming its
//! folder.
//!
//! In: the site folder. Out: the folder its generator's configuration
//! names ([`generator_folder`]) when `tier0.yaml` names none and there is
//! no `content/`, or, for a site without its content folder, a hint
//! naming a folder that looks like one ([`other_content_folder`]).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{CONFIG_FILE, CONTENT_DIR, MKDOCS_FILES, content_folder, relative, root_file};
use crate::matter::{Value, yaml};

/// A content folder named by another generator's configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratorFolder {
    /// The folder, relative to the site folder (`docs`, `website/docs`).
    pub dir: PathBuf,
    /// What named it, for people: "the docs_dir of mkdocs.yml".
    pub named_by: String,
}

/// The generators whose pages' folder is known by the project's mark
/// alone: the generator, the files or folders that mark its project (the
/// first found is named), and its pages' folder.
pub(super) const MARKED: &[(&str, &[&str], &str)] = &[
    (
        "Docusaurus",
        &[
            "docusaurus.config.js",
            "docusaurus.config.ts",
            "docusaurus.config.mjs",
        ],
        "docs",
    ),
    (
        "Docusaurus",
        &[
            "website/docusaurus.config.js",
            "website/docusaurus.config.ts",
            "website/docusaurus.config.mjs",
        ],
        "website/docs",
    ),
    (
        "Starlight",
        &["astro.config.mjs", "astro.config.ts", "astro.config.js"],
        "src/content/docs",
    ),
    ("VitePress", &["docs/.vitepress"], "docs"),
    ("Mintlify", &["docs/docs.json", "docs/mint.json"], "docs"),
    ("Sphinx", &["docs/conf.py"], "docs"),
    // sphinx-quickstart's "separate source and build directories".
    ("Sphinx", &["docs/source/conf.py"], "docs/source"),
    ("Sphinx", &["source/conf.py"], "source"),
    (
        "Nextra",
        &["next.config.js", "next.config.mjs", "next.config.ts"],
        "pages",
    ),
];

/// The content folder the configuration of another generator at `root`
/// names, when it is a folder of the site folder ([`content_folder`]'s
/// rules): MkDocs's or Zensical's `docs_dir` (default `docs`), GitBook's
/// `root` (`.gitbook.yaml`), mdBook's `[book] src` (default `src`), then
/// the folder Docusaurus, Starlight, VitePress, Sphinx or Nextra keeps its
/// pages in, found beside the file or folder that marks the project.
pub fn generator_folder(root: &Path) -> Option<GeneratorFolder> {
    candidates(root).find_map(|(dir, named_by)| {
        let dir = refusal(root, &dir).ok()?;
        Some(GeneratorFolder { dir, named_by })
    })
}

/// For a site without its content folder `content_dir`, the default
/// one, why the folder another generator's configuration at `root` names
/// was not taken, if one names one: `; the docs_dir of mkdocs.yml,
/// \`../docs\`, leads out of the site folder`.
pub(super) fn refused_generator_folder(root: &Path, content_dir: &Path) -> String {
    if content_dir != Path::new(CONTENT_DIR) {
        return String::new();
    }
    candidates(root)
        .find_map(|(dir, named_by)| {
            let why = refusal(root, &dir).err()?;
            Some(format!("; {named_by}, `{}`, {why}", shown(&dir)))
        })
        .unwrap_or_default()
}

/// How a message shows a folder a configuration writes: its control
/// characters escaped (a newline would break the message), and cut after
/// [`SHOWN_CHARS`] characters.
fn shown(value: &str) -> String {
    let mut escaped = String::new();
    for c in value.chars() {
        if c.is_control() {
            escaped.extend(c.escape_default());
        } else {
            escaped.push(c);
        }
    }
    match escaped.char_indices().nth(SHOWN_CHARS) {
        Some((at, _)) => format!("{}…", &escaped[..at]),
        None => escaped,
    }
}

/// How many characters of a folder a message shows.
const SHOWN_CHARS: usize = 80;

/// The folders the configuration of other generators at `root` names, in
/// the order they are tried, with what names each.
fn candidates(root: &Path) -> impl Iterator<Item = (String, String)> + '_ {
    let marked = MARKED.iter().filter_map(|(generator, marks, dir)| {
        let mark = marks.iter().find(|m| root.join(m).exists())?;
        Some((
            (*dir).to_owned(),
            format!("{generator}'s pages, beside {mark}"),
        ))
    });
    named_folders(root)
        .into_iter()
        .chain(marked)
        .chain(docusaurus_latest(root))
}

/// The folder of a Docusaurus project's latest version, the first that
/// its `versions.json` lists (`versioned_docs/version-v3.x`): tried after
/// its `docs/`, which a project that shows only its released versions
/// (`includeCurrentVersion: false`) may not ship.
fn docusaurus_latest(root: &Path) -> Option<(String, String)> {
    ["", "website"].into_iter().find_map(|base| {
        let project = Path::new(base);
        let (_, versions) = super::docusaurus::released_versions(root, project)?;
        let latest = versions.first()?;
        let file = project.join(super::docusaurus::VERSIONS);
        Some((
            super::docusaurus::version_folder(project, latest)
                .to_str()?
                .to_owned(),
            format!(
                "Docusaurus's latest version, the first of {}",
                file.display()
            ),
        ))
    })
}

/// The folder `dir` of `root` as a content folder, or why it is none: it
/// breaks [`content_folder`]'s rules as written or, a file tier0 did not
/// write having named it, where it really lies (a symbolic link out of
/// the site folder, `docs -> ../../home`, to the site folder itself or
/// into `themes/`), or it is no folder.
pub(super) fn refusal(root: &Path, dir: &str) -> Result<PathBuf, &'static str> {
    let folder = content_folder(dir)?;
    let really = |path: &Path| path.canonicalize().ok();
    match (really(root), really(&root.join(&folder))) {
        (Some(site), Some(real)) if real.is_dir() => {
            let rel = relative(&site, &real).ok_or("is a symbolic link out of the site folder")?;
            content_folder(&rel)
                .map_err(|_| "is a symbolic link to the site folder itself or into `themes/`")?;
            Ok(folder)
        }
        _ => Err("is not a folder of the site"),
    }
}

/// The folders MkDocs's, Zensical's, GitBook's, mdBook's, Docusaurus's and
/// VitePress's configuration files at `root` name, with what names them.
fn named_folders(root: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    if let Some((name, text)) = MKDOCS_FILES
        .iter()
        .find_map(|name| Some((*name, root_file(root, name).ok()??.0.text)))
    {
        found.push(mkdocs_docs_dir(name, &text));
    }
    if let Ok(Some((gitbook, _))) = root_file(root, ".gitbook.yaml") {
        let dir = yaml::deserialize::<GitBookSync>(&gitbook.text, 0)
            .ok()
            .and_then(|(file, _)| file.root);
        // Without `root`, the space is the repository itself: no folder.
        if let Some(dir) = dir {
            found.push((dir, "the root of .gitbook.yaml".to_owned()));
        }
    }
    if let Ok(Some((book, _))) = root_file(root, "book.toml") {
        found.push((
            mdbook_src(&book.text),
            "the [book] src of book.toml".to_owned(),
        ));
    }
    found.extend(super::docusaurus::configured_docs(root));
    found.extend(super::vitepress::configured_pages(root));
    found
}

/// The pages folder of MkDocs's or Zensical's configuration file `name`
/// written `text`: its `docs_dir`, else `docs`; with what names it.
pub(super) fn mkdocs_docs_dir(name: &str, text: &str) -> (String, String) {
    let (dir, named_by) = if name.ends_with(".toml") {
        let dir = config_string(name, text, Some("project"), "docs_dir");
        (dir, format!("the docs_dir of {name}"))
    } else {
        match yaml::deserialize::<MkDocsFolder>(text, 0) {
            Ok((file, _)) => (file.docs_dir, format!("the docs_dir of {name}")),
            Err(_) => (
                None,
                format!("MkDocs's default docs_dir ({name} is not valid YAML)"),
            ),
        }
    };
    (dir.unwrap_or_else(|| "docs".to_owned()), named_by)
}

/// The pages folder of mdBook's `book.toml` written `text`: its
/// `[book] src`, else `src`.
pub(super) fn mdbook_src(text: &str) -> String {
    config_string("book.toml", text, Some("book"), "src").unwrap_or_else(|| "src".to_owned())
}

/// The keys of `mkdocs.yml` this module reads.
#[derive(Deserialize)]
struct MkDocsFolder {
    docs_dir: Option<String>,
}

/// The keys of GitBook's `.gitbook.yaml` (Git Sync) this module reads.
#[derive(Deserialize)]
struct GitBookSync {
    root: Option<String>,
}

/// The text value of `key` in the table `table` of the configuration file
/// `name` written `text`, or at its top with no table ([`config_text`]).
pub(super) fn config_string(
    name: &str,
    text: &str,
    table: Option<&str>,
    key: &str,
) -> Option<String> {
    match table {
        Some(table) => config_text(name, text, &[table, key]),
        None => config_text(name, text, &[key]),
    }
}

/// The text value at `path` in the configuration file `name` written
/// `text` ([`config_value`]).
pub(super) fn config_text(name: &str, text: &str, path: &[&str]) -> Option<String> {
    match config_value(name, text, path)? {
        Value::String(text) => Some(text),
        _ => None,
    }
}

/// The value at `path` in the configuration file `name` written `text`,
/// in TOML, YAML or JSON as its extension says (`hugo.yaml`): a top-level
/// key, then the keys of the maps inside it (`["languages", "en",
/// "contentDir"]`), each compared without case, as Hugo reads its keys.
pub(super) fn config_value(name: &str, text: &str, path: &[&str]) -> Option<Value> {
    let file = crate::matter::config_file(text, Path::new(name)).ok()?;
    let (top, inner) = path.split_first()?;
    let entry = file
        .entries
        .iter()
        .find(|e| e.key.eq_ignore_ascii_case(top))?;
    let mut value = entry.value.as_ref()?;
    for key in inner {
        value = value.get(key)?;
    }
    Some(value.clone())
}

/// For a site without its content folder, where another generator keeps
/// its pages, if `root` has such a folder: a hint to name it in
/// `content_dir`; or, when `root` is such a folder itself (VitePress's
/// pages beside `.vitepress/`, Sphinx's beside `conf.py`), which cannot be
/// its own content folder, a hint to build the folder above it.
pub(super) fn other_content_folder(root: &Path, content_dir: &Path) -> String {
    let itself = [
        (".vitepress", "VitePress's pages (beside .vitepress/)"),
        ("conf.py", "Sphinx's pages (beside conf.py)"),
    ]
    .into_iter()
    .find(|(mark, _)| root.join(mark).exists());
    let name = root
        .canonicalize()
        .ok()
        .and_then(|real| Some(real.file_name()?.to_str()?.to_owned()));
    if let (Some((_, pages)), Some(name), true) =
        (itself, name, content_dir == Path::new(CONTENT_DIR))
    {
        return format!(
            "; this folder holds {pages}, and cannot be its own content folder: build the \
             folder above it, with `content_dir: {name}` in its {CONFIG_FILE}"
        );
    }
    let found = [
        ("docs", None),
        ("src", Some("book.toml")),
        ("website/docs", None),
    ]
    .into_iter()
    .find(|(folder, beside)| {
        root.join(folder).is_dir() && beside.is_none_or(|file| root.join(file).is_file())
    });
    match found {
        Some((folder, _)) if content_dir != Path::new(folder) => format!(
            "; to publish the pages in {folder}/ where they are, write `content_dir: {folder}` \
             in {CONFIG_FILE}"
        ),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folder found in a site folder made of `files` (a name ending in
    /// `/` is a folder), as (folder, what named it).
    fn found(files: &[(&str, &str)]) -> Option<(String, String)> {
        let root = crate::discover::tests::site_of_texts(files);
        generator_folder(root.path()).map(|f| (f.dir.to_string_lossy().into_owned(), f.named_by))
    }

    fn folder(files: &[(&str, &str)]) -> Option<String> {
        found(files).map(|(dir, _)| dir)
    }

    #[test]
    fn a_folder_of_vitepress_or_sphinx_pages_is_told_to_build_the_one_above() {
        for (mark, pages) in [(".vitepress/", "VitePress's"), ("conf.py", "Sphinx's")] {
            let root =
                crate::discover::tests::site_of_texts(&[(mark, ""), ("index.md", "# Home\n")]);
            let hint = other_content_folder(root.path(), Path::new(CONTENT_DIR));
            let name = root.path().canonicalize().unwrap();
            let name = name.file_name().unwrap().to_str().unwrap();
            assert!(hint.contains(pages), "{hint}");
            assert!(
                hint.ends_with(&format!("`content_dir: {name}` in its tier0.yaml")),
                "{hint}"
            );
        }
    }

    #[test]
    fn mkdocs_and_zensical_name_their_docs_dir() {
        assert_eq!(
            found(&[("mkdocs.yml", "site_name: X\n"), ("docs/", "")]),
            Some(("docs".into(), "the docs_dir of mkdocs.yml".into()))
        );
        let files = [("mkdocs.yaml", "docs_dir: ./manual/\n"), ("manual/", "")];
        assert_eq!(folder(&files).as_deref(), Some("manual"));
        let files = [
            ("zensical.toml", "[project]\ndocs_dir = \"pages\"\n"),
            ("pages/", ""),
        ];
        assert_eq!(folder(&files).as_deref(), Some("pages"));
        // A file that does not decode names MkDocs's default.
        let files = [("mkdocs.yml", "nav: [\n"), ("docs/", "")];
        assert_eq!(folder(&files).as_deref(), Some("docs"));
    }

    #[test]
    fn gitbook_names_its_root() {
        let files = [
            (
                ".gitbook.yaml",
                "root: ./docs/\nstructure:\n  readme: README.md\n",
            ),
            ("docs/", ""),
        ];
        assert_eq!(
            found(&files),
            Some(("docs".into(), "the root of .gitbook.yaml".into()))
        );
        // A space at the top of the repository names no folder.
        assert_eq!(
            folder(&[(".gitbook.yaml", "structure: {}\n"), ("docs/", "")]),
            None
        );
        assert_eq!(
            folder(&[(".gitbook.yaml", "root: ./\n"), ("docs/", "")]),
            None
        );
    }

    #[test]
    fn mdbook_names_its_src() {
        let files = [("book.toml", "[book]\ntitle = \"X\"\n"), ("src/", "")];
        assert_eq!(
            found(&files),
            Some(("src".into(), "the [book] src of book.toml".into()))
        );
        let files = [
            ("book.toml", "[book]\nsrc = \"chapters\"\n"),
            ("chapters/", ""),
        ];
        assert_eq!(folder(&files).as_deref(), Some("chapters"));
    }

    #[test]
    fn other_generators_are_known_by_their_marks() {
        for (mark, dir, named_by) in [
            (
                "docusaurus.config.ts",
                "docs",
                "Docusaurus's pages, beside docusaurus.config.ts",
            ),
            (
                "website/docusaurus.config.js",
                "website/docs",
                "Docusaurus's pages, beside website/docusaurus.config.js",
            ),
            (
                "astro.config.mjs",
                "src/content/docs",
                "Starlight's pages, beside astro.config.mjs",
            ),
            (
                "docs/.vitepress/",
                "docs",
                "VitePress's pages, beside docs/.vitepress",
            ),
            (
                "docs/conf.py",
                "docs",
                "Sphinx's pages, beside docs/conf.py",
            ),
            (
                "docs/source/conf.py",
                "docs/source",
                "Sphinx's pages, beside docs/source/conf.py",
            ),
            (
                "source/conf.py",
                "source",
                "Sphinx's pages, beside source/conf.py",
            ),
            (
                "next.config.mjs",
                "pages",
                "Nextra's pages, beside next.config.mjs",
            ),
        ] {
            let files = [(mark, ""), (&format!("{dir}/")[..], "")];
            assert_eq!(found(&files), Some((dir.into(), named_by.into())), "{mark}");
        }
    }

    #[test]
    fn a_docusaurus_project_without_docs_builds_its_latest_version() {
        let versioned = [
            ("docusaurus.config.ts", ""),
            ("versions.json", "[\"v3.x\", \"v2.x\"]"),
            ("versioned_docs/version-v3.x/", ""),
            ("versioned_docs/version-v2.x/", ""),
        ];
        assert_eq!(
            found(&versioned),
            Some((
                "versioned_docs/version-v3.x".into(),
                "Docusaurus's latest version, the first of versions.json".into()
            ))
        );
        let with_docs = [versioned.as_slice(), &[("docs/", "")]].concat();
        assert_eq!(folder(&with_docs).as_deref(), Some("docs"));
        let website = [
            ("website/docusaurus.config.js", ""),
            ("website/versions.json", "[\"1.0\"]"),
            ("website/versioned_docs/version-1.0/", ""),
        ];
        assert_eq!(
            folder(&website).as_deref(),
            Some("website/versioned_docs/version-1.0")
        );
        for (versions, version) in [("[\"../..\"]", "../.."), ("{}", "v3.x")] {
            let files = [
                ("docusaurus.config.ts", ""),
                ("versions.json", versions),
                (&format!("versioned_docs/version-{version}/")[..], ""),
            ];
            assert_eq!(folder(&files), None, "{versions}");
        }
        assert_eq!(folder(&versioned[1..]), None);
    }

    #[test]
    fn a_folder_that_is_missing_or_breaks_the_rules_is_not_taken() {
        assert_eq!(folder(&[("mkdocs.yml", "site_name: X\n")]), None);
        assert_eq!(folder(&[("docusaurus.config.js", "")]), None);
        assert_eq!(folder(&[("docs/", "")]), None);
        for docs_dir in ["../docs", "/etc", ".", "themes/default", "docs/../.."] {
            let text = format!("docs_dir: {docs_dir}\n");
            let files = [
                ("mkdocs.yml", text.as_str()),
                ("docs/", ""),
                ("themes/default/", ""),
            ];
            assert_eq!(folder(&files), None, "{docs_dir}");
        }
        // Nor a symbolic link out of the site folder, to it, or into `themes/`.
        #[cfg(unix)]
        for target in ["../outside", ".", "themes/default"] {
            let root = tempfile::tempdir().unwrap();
            std::fs::create_dir_all(root.path().join("outside/site/themes/default")).unwrap();
            let site = root.path().join("outside/site");
            std::fs::write(site.join("book.toml"), "[book]\n").unwrap();
            std::os::unix::fs::symlink(target, site.join("src")).unwrap();
            assert_eq!(generator_folder(&site), None, "{target}");
        }
        // Which is said when the site has no content folder.
        let refused = |files: &[(&str, &str)]| {
            let root = tempfile::tempdir().unwrap();
            for (name, text) in files {
                std::fs::write(root.path().join(name), text).unwrap();
            }
            refused_generator_folder(root.path(), Path::new(CONTENT_DIR))
        };
        assert_eq!(
            refused(&[("mkdocs.yml", "docs_dir: ../docs\n")]),
            "; the docs_dir of mkdocs.yml, `../docs`, leads out of the site folder"
        );
        assert_eq!(
            refused(&[("mkdocs.yml", "docs_dir: manual\nnav: [\n")]),
            "; MkDocs's default docs_dir (mkdocs.yml is not valid YAML), `docs`, is not a \
             folder of the site"
        );
        assert_eq!(
            refused(&[("book.toml", "[book]\n")]),
            "; the [book] src of book.toml, `src`, is not a folder of the site"
        );
        assert_eq!(refused(&[("notes.txt", "")]), "");
        // A value that would break the message or fill the screen.
        let long = format!("docs_dir: \"../{}\\nx\"\n", "d".repeat(200));
        let said = refused(&[("mkdocs.yml", &long)]);
        assert!(!said.contains('\n'), "{said}");
        assert!(said.contains("`../ddd"), "{said}");
        assert!(said.chars().count() < 200, "{said}");
        // The next generator's folder then.
        let files = [
            ("mkdocs.yml", "docs_dir: ../docs\n"),
            ("book.toml", "[book]\n"),
            ("src/", ""),
        ];
        assert_eq!(folder(&files).as_deref(), Some("src"));
    }
}
