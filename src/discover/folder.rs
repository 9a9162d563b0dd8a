//! The content folder and what stands in it: the folder itself, the
//! folders of translations kept outside it ([`Mounted`]), and how a
//! folder's name or a `lang:` names a site language.

use std::path::{Path, PathBuf};

#[cfg(test)]
use super::CONTENT_DIR;

/// Whether `written` (a folder's name, a `lang:`) names the language
/// `code`: in any case, and with `_` for `-` (`pt_BR`, as Crowdin and
/// gettext name locales, for `pt-br`).
pub fn names_language(written: &str, code: &str) -> bool {
    written.len() == code.len()
        && (written.bytes().zip(code.bytes())).all(|(w, c)| {
            w.eq_ignore_ascii_case(&c) || (matches!(w, b'_' | b'-') && matches!(c, b'_' | b'-'))
        })
}

/// The code tier0 writes for the locale `written` (`pt_BR`, `pt-BR`):
/// lower-cased, with `-` between its subtags.
pub(crate) fn language_code(written: &str) -> String {
    written.trim().to_ascii_lowercase().replace('_', "-")
}

/// The content folder of a site: where its files are read from, and the
/// path (relative to the site folder) that diagnostics show them under;
/// with the folders of translations kept outside it ([`Mounted`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentFolder {
    /// The folder itself.
    pub dir: PathBuf,
    /// `content`, or the config's `content_dir`.
    pub shown: PathBuf,
    /// The site folder, which the mounted folders' paths are relative to.
    root: PathBuf,
    /// The folders outside it whose files stand in it.
    pub(super) mounted: Vec<Mounted>,
}

/// A folder outside the content folder whose files stand in a folder at
/// the top of the content folder: Docusaurus's translations, whose pages
/// are one language's and stand where the folder named by that language
/// would (`i18n/fr/docusaurus-plugin-content-docs/current/intro.md` is
/// read as `fr/intro.md`, the French translation of `intro.md`), and a
/// project's static files, which are all files to copy, Markdown too
/// (`static/img/logo.png` stands at `site-static/img/logo.png`; see
/// `discover::statics`), and the images and other media of a folder of
/// assets (Hugo's `assets/`, Astro's `src/assets/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mounted {
    /// The folder at the top of the content folder it stands in: the
    /// language's code as the site lists it, for translations.
    pub at: String,
    /// The folder, relative to the site folder.
    pub dir: PathBuf,
    /// What of its files the site takes.
    pub holds: Holds,
}

/// What a mounted folder gives the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// Pages (translations): its Markdown files are articles.
    Pages,
    /// Files copied as they are, Markdown too (static files).
    Files,
    /// Its images, videos, sounds and PDFs, copied as they are: the rest
    /// of a folder of assets is a theme's styles and scripts, which its
    /// generator builds from and does not publish.
    Media,
}

impl Mounted {
    /// The folder `dir` of translated pages in the language `lang`.
    pub fn translation(lang: &str, dir: PathBuf) -> Self {
        Self {
            at: lang.to_owned(),
            dir,
            holds: Holds::Pages,
        }
    }

    /// Whether its Markdown files are pages (translations), rather than
    /// files copied as they are.
    pub fn pages(&self) -> bool {
        self.holds == Holds::Pages
    }

    /// The folder `dir` of files that `holds` (static files or media),
    /// standing at `at`.
    pub fn files(at: &str, dir: PathBuf, holds: Holds) -> Self {
        Self {
            at: at.to_owned(),
            dir,
            holds,
        }
    }
}

/// The path, relative to the site folder, of the file or folder at the
/// content-relative `rel` when it is one of the folders `mounted` or in
/// one (`fr`, `fr/intro.md`).
pub fn mounted_path(mounted: &[Mounted], rel: &str) -> Option<PathBuf> {
    let (top, rest) = rel.split_once('/').unwrap_or((rel, ""));
    let mount = mounted.iter().find(|m| m.at == top)?;
    Some(match rest {
        "" => mount.dir.clone(),
        rest => mount.dir.join(rest),
    })
}

/// The content-relative path of the file at `path` (relative to the site
/// folder), when it is in the content folder `content_dir` or in one of
/// the folders `mounted`: the inverse of [`mounted_path`].
pub fn content_relative(content_dir: &Path, mounted: &[Mounted], path: &Path) -> Option<String> {
    let rel = |inside: &Path| inside.to_str().map(|rel| rel.replace('\\', "/"));
    if let Ok(inside) = path.strip_prefix(content_dir) {
        return rel(inside);
    }
    mounted.iter().find_map(|m| {
        let inside = rel(path.strip_prefix(&m.dir).ok()?)?;
        Some(format!("{}/{inside}", m.at))
    })
}

impl ContentFolder {
    /// The folder `content_dir` (relative) of the site folder `root`.
    pub fn new(root: &Path, content_dir: &Path) -> Self {
        Self {
            dir: root.join(content_dir),
            shown: content_dir.to_path_buf(),
            root: root.to_path_buf(),
            mounted: Vec::new(),
        }
    }

    /// This folder with the folders `mounted` standing in it.
    pub fn with_mounted(mut self, mounted: &[Mounted]) -> Self {
        self.mounted = mounted.to_vec();
        self
    }

    /// The folder `dir`, shown as the default `content`: for tests.
    #[cfg(test)]
    pub(crate) fn shown_as_default(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
            shown: CONTENT_DIR.into(),
            root: PathBuf::new(),
            mounted: Vec::new(),
        }
    }

    /// The site folder around it.
    pub(super) fn site_folder(&self) -> &Path {
        &self.root
    }

    /// The path shown for the content-relative `rel`.
    pub fn shown(&self, rel: &str) -> PathBuf {
        mounted_path(&self.mounted, rel).unwrap_or_else(|| self.shown.join(rel))
    }

    /// Where the file at the content-relative `rel` is read from.
    pub fn file(&self, rel: &str) -> PathBuf {
        match mounted_path(&self.mounted, rel) {
            Some(path) => self.root.join(path),
            None => self.dir.join(rel),
        }
    }

    /// The mounted folders, each as a content folder of its own, with
    /// the folder its paths stand in and whether its Markdown files are
    /// pages.
    pub(super) fn mounts(&self) -> impl Iterator<Item = (&Mounted, ContentFolder)> {
        self.mounted
            .iter()
            .map(|m| (m, ContentFolder::new(&self.root, &m.dir)))
    }
}
