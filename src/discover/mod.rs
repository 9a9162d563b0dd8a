//! Finds and reads everything a build uses from the site folder.
//!
//! In: the site root. Out: [`Sources`]: the text of every article, category
//! page, category file, config and theme file, and the list of assets to
//! copy. This module and `write` are the only ones that touch the disk.
//! Files and folders starting with `.` or `_` (other than `_index.md`,
//! Docusaurus's `_category_` files, the navigation files of Docsify,
//! mkdocs-awesome-pages and Nextra, and GitBook's uploads) are skipped, and so are editors'
//! backups and scratch files ([`is_scratch`]), in the theme too; symbolic
//! links are followed only while they stay inside the site folder and
//! lead to what the walk itself would take as it takes the link, and
//! a file that cannot be read or is not UTF-8 becomes a located
//! diagnostic, never a panic.

mod docusaurus;
mod excluded;
mod file_urls;
mod folder;
mod generators;
mod hugo;
pub mod includes;
mod known;
mod mintlify;
mod mkdocs;
mod names;
mod paths;
mod project;
mod read;
mod script;
mod statics;
mod vitepress;
mod walk;

use std::collections::{BTreeMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, SourceTexts};
pub use crate::landing::{MARKDOWN_EXTENSIONS, is_markdown, markdown_stem};
pub use docusaurus::{translations as docusaurus_translations, unread_versions};
pub use excluded::Exclusions;
pub use file_urls::page_files;
pub(crate) use folder::language_code;
pub use folder::{ContentFolder, Holds, Mounted, content_relative, mounted_path, names_language};
pub use generators::{GeneratorFolder, generator_folder};
use generators::{other_content_folder, refused_generator_folder};
pub use hugo::language_folder as hugo_language_folder;
pub use includes::Included;
pub use known::Known;
pub use names::{
    BOOK_TOCS, CATEGORY_FILES, CONFIG_FILE, CONTENT_DIR, DOCSIFY_SIDEBAR, FOLDER_NAV_FILES,
    MINTLIFY_FILES, MKDOCS_FILES, NEXTRA_SCRIPTS, SIDEBARS_FILES, STARLIGHT_FILES,
    TABLE_OF_CONTENTS, is_project_file, project_files,
};
pub use paths::resolve;
pub use project::{Project, generator_project};
pub use read::Reading;
pub use statics::{ASSETS_AT, STATIC_FILES, static_folders};
pub use walk::{GITBOOK_DIR, SPHINX_STATIC_DIR};
use walk::{Walked, readable, relative, walk_content};

/// A text file of the site.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path shown to users: relative to the site root (`content/red/wifi.md`).
    pub path: PathBuf,
    /// Path relative to the content folder (`red/wifi.md`), with `/` separators.
    pub rel: String,
    /// The file's text.
    pub text: Arc<str>,
}

impl SourceFile {
    /// The file at `rel` (content-relative, `/`-separated) of the default
    /// content folder holding `text`.
    pub fn in_content(rel: &str, text: &str) -> Self {
        Self {
            path: Path::new(CONTENT_DIR).join(rel),
            rel: rel.to_owned(),
            text: Arc::from(text),
        }
    }
}

/// A non-Markdown file under `content/`, copied to the output as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Path relative to the content folder, with `/` separators.
    pub rel: String,
    /// Where to read it from.
    pub source: PathBuf,
}

/// Everything discovered under a site root.
#[derive(Debug, Default)]
pub struct Sources {
    /// Article files, sorted by path.
    pub articles: Vec<SourceFile>,
    /// Landing pages of sections and of the home page (`_index.md`, and
    /// `index.md` or `README.md` of a folder with other pages; see
    /// [`crate::landing`]), sorted.
    pub sections: Vec<SourceFile>,
    /// Tables of contents ([`TABLE_OF_CONTENTS`], [`DOCSIFY_SIDEBAR`]), sorted.
    pub contents: Vec<SourceFile>,
    /// Category files ([`CATEGORY_FILES`]), sorted.
    pub categories: Vec<SourceFile>,
    /// Folder navigation files ([`FOLDER_NAV_FILES`], [`NEXTRA_SCRIPTS`]),
    /// sorted.
    pub folder_navs: Vec<SourceFile>,
    /// MkDocs's configuration beside `tier0.yaml` ([`MKDOCS_FILES`]).
    pub mkdocs: Option<SourceFile>,
    /// The `mkdocs.yml` that it names in `INHERIT:`, whose keys it takes
    /// when it has none of its own (MkDocs's translated sites: each
    /// language's file inherits the `nav` of one file).
    pub mkdocs_inherited: Option<SourceFile>,
    /// Docusaurus's sidebars ([`SIDEBARS_FILES`]).
    pub sidebars: Option<SourceFile>,
    /// Starlight's configuration ([`STARLIGHT_FILES`]), whose `sidebar`
    /// orders and groups the pages.
    pub starlight: Option<SourceFile>,
    /// What MkDocs's configuration keeps off the site: its excluded files
    /// are not walked, its drafts are built as drafts.
    pub exclusions: Exclusions,
    /// The translations of Docusaurus's sidebar labels beside each mounted
    /// folder (`i18n/fr/docusaurus-plugin-content-docs/current.json`),
    /// each with the language of that folder and its path and text.
    pub sidebar_labels: Vec<(String, PathBuf, Arc<str>)>,
    /// The tables of contents of MyST and Jupyter Book projects
    /// ([`BOOK_TOCS`]), sorted.
    pub book_tocs: Vec<SourceFile>,
    /// Assets to copy, sorted.
    pub assets: Vec<Asset>,
    /// Theme files of the site (`themes/<name>/…`) by path inside the theme.
    pub theme: BTreeMap<String, Vec<u8>>,
    /// The bodies of the articles and landing pages that include other
    /// files, with those put in, by content-relative path ([`includes`]).
    pub included: BTreeMap<String, Arc<Included>>,
    /// The symbolic links the walk followed: each link's path and the real
    /// path it leads to, both content-relative. A page read through one is
    /// withheld as its real place withholds it.
    pub links: Vec<(String, String)>,
    /// Texts of all files, for showing diagnostics.
    pub texts: SourceTexts,
    /// Files that could not be used.
    pub problems: Vec<Diagnostic>,
}

/// Reads `tier0.yaml` at `root`, if there is one.
pub fn config(root: &Path) -> io::Result<Option<SourceFile>> {
    let read = root_file(root, CONFIG_FILE).map_err(|e| {
        let path = root.join(CONFIG_FILE);
        io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display()))
    })?;
    match read {
        None => Ok(None),
        Some((_, Some(problem))) => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: {}", CONFIG_FILE, problem.message),
        )),
        Some((file, None)) => Ok(Some(file)),
    }
}

/// The file `name` at `root` (`tier0.yaml`, `mkdocs.yml`), with the
/// problem of decoding its text; `None` when there is none.
fn root_file(root: &Path, name: &str) -> io::Result<Option<(SourceFile, Option<Diagnostic>)>> {
    let bytes = match std::fs::read(root.join(name)) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let (text, problem) = decode(PathBuf::from(name), &bytes);
    let file = SourceFile {
        path: PathBuf::from(name),
        rel: name.to_owned(),
        text,
    };
    Ok(Some((file, problem)))
}

/// `value`, a content folder as a config writes it (`content_dir: docs`,
/// an `mkdocs.yml`'s `docs_dir`), as a path relative to the site folder;
/// or what is wrong with it: it must name a folder below the site folder
/// (which holds the config and the output) and outside `themes/`.
pub fn content_folder(value: &str) -> Result<PathBuf, &'static str> {
    let parts: Vec<&str> = value
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .collect();
    if value.contains('\\') || value.as_bytes().get(1) == Some(&b':') {
        Err("is not a folder path with `/` separators")
    } else if value.starts_with('/') {
        Err("is an absolute path: the content folder is named from the site folder")
    } else if parts.is_empty() {
        Err("names the site folder itself, which holds the config, the themes and the output")
    } else if parts.contains(&"..") {
        Err("leads out of the site folder")
    } else if parts[0] == "themes" {
        Err("is inside `themes/`, the folder of the site's themes")
    } else {
        Ok(parts.iter().collect())
    }
}

/// Walks the content folder `content_dir` (relative to `root`) and
/// `root/themes/<theme>`; the Markdown files whose
/// last read `known` still holds are not read again, and `known` learns
/// this read.
///
/// Fails only when the content folder itself cannot be read; problems with
/// single files are collected in [`Sources::problems`].
pub fn discover(
    root: &Path,
    content_dir: &Path,
    mounted: &[Mounted],
    theme: &str,
    reading: Reading,
    known: Option<&mut Known>,
) -> io::Result<Sources> {
    let content = ContentFolder::new(root, content_dir).with_mounted(mounted);
    let meta = std::fs::metadata(&content.dir).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!(
                "cannot read the content folder {}: {e}{}{}",
                content.dir.display(),
                refused_generator_folder(root, content_dir),
                other_content_folder(root, content_dir)
            ),
        )
    })?;
    if !meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a folder", content.dir.display()),
        ));
    }
    let mut sources = Sources::default();
    // Read first: its `exclude_docs` keeps files out of the walk.
    mkdocs::read(root, &mut sources);
    if let Some(mkdocs) = sources
        .mkdocs
        .as_ref()
        .filter(|f| !f.rel.ends_with(".toml"))
    {
        let (exclusions, problems) = Exclusions::of_mkdocs(mkdocs, &content.dir);
        sources.exclusions = exclusions;
        sources.problems.extend(problems);
    }
    let mut patterns = docusaurus::excluded(root, content_dir);
    if let Some(vitepress) = vitepress::of_pages(root, content_dir) {
        let at = PathBuf::from(&vitepress.name);
        let globs = vitepress.excluded().into_iter();
        patterns.extend(globs.map(|glob| (glob.to_owned(), at.clone())));
    }
    let (exclusions, problems) =
        std::mem::take(&mut sources.exclusions).with_globs(&content.dir, &content.shown, patterns);
    sources.problems.extend(problems);
    let (exclusions, problems) = exclusions.with_mintlify(&content.dir, &content.shown);
    sources.exclusions = exclusions;
    sources.problems.extend(problems);
    let Walked {
        markdown,
        assets,
        apart,
        links,
    } = walk_all(&content, &sources.exclusions, &mut sources.problems);
    sources.assets = readable(&content, assets, &mut sources.problems);
    mintlify::take_navigation(&content, &mut sources);
    sources.links.clone_from(&links);
    let landings = crate::landing::landings(markdown.iter().map(String::as_str));

    let read = match known {
        Some(known) => {
            known.links = links;
            known.read_all(&content, markdown, |rest| {
                read::read_all(&content, rest, reading)
            })
        }
        None => read::read_all(&content, markdown, reading),
    };
    let mut texts = Vec::with_capacity(read.len());
    for file in read {
        let (file, problem) = match file {
            Ok(read) => read,
            Err(problem) => {
                sources.problems.push(problem);
                continue;
            }
        };
        texts.push((file.path.clone(), file.text.clone()));
        if let Some(problem) = problem {
            sources.problems.push(problem);
        } else if landings.contains(&file.rel) {
            sources.sections.push(file);
        } else if file_name(&file.rel) == TABLE_OF_CONTENTS {
            sources.contents.push(file);
        } else {
            sources.articles.push(file);
        }
    }
    // The paths are sorted: the map is built in one pass, not by inserts;
    // the configuration files read before the walk join it.
    let configurations = std::mem::replace(&mut sources.texts, texts.into_iter().collect());
    sources.texts.extend(configurations);
    // A handful of small files, read when they are needed: they are few.
    for rel in apart {
        match std::fs::read(content.file(&rel)) {
            Ok(bytes) => {
                let (file, problem) = read::source_file(&content, rel, &bytes);
                sources.texts.insert(file.path.clone(), file.text.clone());
                let name = file_name(&file.rel);
                match problem {
                    Some(problem) => sources.problems.push(problem),
                    None if CATEGORY_FILES.contains(&name) => sources.categories.push(file),
                    None if name == DOCSIFY_SIDEBAR => sources.contents.push(file),
                    None if BOOK_TOCS.contains(&name) => sources.book_tocs.push(file),
                    None => sources.folder_navs.push(file),
                }
            }
            Err(e) => sources.problems.push(read::unreadable(&content, &rel, &e)),
        }
    }
    let pages: Vec<&SourceFile> = sources.articles.iter().chain(&sources.sections).collect();
    let (included, problems) = includes::include_all(root, &content, &pages);
    sources.included = included;
    sources.problems.extend(problems);
    mkdocs::read_sidebars(root, &mut sources);
    docusaurus::read_labels(root, mounted, &mut sources);
    sources.theme = read_theme(&root.join("themes").join(theme))?;
    Ok(sources)
}

/// [`walk_content`] of the content folder and of each folder mounted in
/// it, whose paths are given under their language's folder.
fn walk_all(
    content: &ContentFolder,
    exclusions: &Exclusions,
    problems: &mut Vec<Diagnostic>,
) -> Walked {
    let mut walked = walk_content(content, exclusions, problems);
    if content.mounted.is_empty() {
        return walked;
    }
    // The files of the folders mounted at one place form one folder, as
    // Hugo's union of its `staticDir`s: a file of an earlier folder hides
    // that of a later one (Hugo's `staticDir_override` is listed first).
    let mut files_taken = HashSet::new();
    for (mount, folder) in content.mounts() {
        let under = |rel: String| format!("{}/{rel}", mount.at);
        let mut mounted = walk_content(&folder, &Exclusions::default(), problems);
        if !mount.pages() {
            // Static files: its Markdown and navigation files are copied
            // as they are too.
            let files = std::mem::take(&mut mounted.markdown).into_iter();
            let files = files.chain(std::mem::take(&mut mounted.apart));
            let assets = files.map(|rel| Asset {
                source: folder.file(&rel),
                rel,
            });
            mounted.assets.extend(assets.collect::<Vec<_>>());
        }
        if mount.holds == Holds::Media {
            mounted.assets.retain(|asset| statics::is_media(&asset.rel));
        }
        walked
            .markdown
            .extend(mounted.markdown.into_iter().map(under));
        walked.apart.extend(mounted.apart.into_iter().map(under));
        walked
            .links
            .extend((mounted.links.into_iter()).map(|(link, target)| (under(link), under(target))));
        let assets = mounted.assets.into_iter().map(|asset| Asset {
            rel: under(asset.rel),
            ..asset
        });
        let kept = assets.filter(|asset| mount.pages() || files_taken.insert(asset.rel.clone()));
        walked.assets.extend(kept);
    }
    // No path is both: a language has a folder of its own or a mounted one.
    walked.markdown.sort_unstable();
    walked.apart.sort_unstable();
    walked.assets.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
    walked
}

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

/// `_index.md` or `_index.<lang>.md`.
fn is_section_file(name: &str) -> bool {
    name.strip_prefix("_index")
        .filter(|_| is_markdown(name))
        .map(markdown_stem)
        .is_some_and(|lang| {
            lang.is_empty() || (lang.starts_with('.') && lang.len() > 1 && !lang[1..].contains('.'))
        })
}

/// Whether discovery takes the file at content-relative path `rel` for an
/// article whatever the files beside it (whether it is published depends
/// on its front matter): not a folder's `_index.md`, `index.md` or
/// `README.md`, which may be its landing page, nor a table of contents.
pub fn may_be_article(rel: &str) -> bool {
    is_markdown(rel) && !shapes_the_site(rel) && !rel.split('/').any(is_skipped)
}

/// Whether discovery reads the file at content-relative path `rel` for the
/// shape of the site, not as an article or an asset: a landing page, a
/// table of contents, a category file, another generator's navigation
/// file, Mintlify's configuration and `.mintignore`. Such a file, gone, changes the site though no article or asset of
/// it was at its path.
pub fn shapes_the_site(rel: &str) -> bool {
    let name = file_name(rel);
    name == TABLE_OF_CONTENTS
        || name == mintlify::IGNORE_FILE
        || MINTLIFY_FILES.contains(&name)
        || read_apart(name)
        || crate::landing::family(name).is_some()
}

/// Whether a file or folder named `name`, at any depth, is one no build
/// reads, however named: scratch and hidden files ([`is_scratch`]), but
/// for the hidden ones that shape the site (mkdocs-awesome-pages'
/// `.pages`, Mintlify's `.mintignore`) and GitBook's folder
/// ([`GITBOOK_DIR`]).
pub fn never_read(name: &str) -> bool {
    is_scratch(name) && !shapes_the_site(name) && name != GITBOOK_DIR
}

/// Whether a file named `name` is read apart from the articles, for the
/// shape of the site: a category file or a navigation file.
fn read_apart(name: &str) -> bool {
    CATEGORY_FILES.contains(&name)
        || BOOK_TOCS.contains(&name)
        || name == DOCSIFY_SIDEBAR
        || FOLDER_NAV_FILES.contains(&name)
        || NEXTRA_SCRIPTS.contains(&name)
}

/// Whether the walk passes over a file or folder named `name`: a scratch
/// one, a `_` one (not a landing page or a file read apart), or
/// `node_modules`, the packages npm installs beside a docs folder's own
/// `package.json` (VitePress and Docusaurus leave them out too): their
/// files and READMEs are not the site's pages.
fn is_skipped(name: &str) -> bool {
    (is_scratch(name) || name.starts_with('_') || name == "node_modules")
        && !is_section_file(name)
        && !read_apart(name)
}

/// Whether a file or folder named `name` is none of the site's, in
/// `content/` or in a theme: hidden (`.git`, vim's swap files
/// `.wifi.md.swp`, editors' temporary files), an editor's backup or
/// autosave (`wifi.md~`, `#wifi.md#`), or the file vim writes to learn
/// whether a folder is writable (`4913`). A backup holds an earlier text,
/// internal notes included, and a swap file is binary: neither may be
/// published or read as a template, and each comes and goes as its editor
/// works.
pub fn is_scratch(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
}

/// The text of a file, and a located problem when it is not valid UTF-8
/// text or holds a NUL character. Lone CRs (classic Mac OS line endings)
/// become line feeds: see [`lone_crs_as_line_feeds`].
pub(crate) fn decode(path: PathBuf, bytes: &[u8]) -> (Arc<str>, Option<Diagnostic>) {
    let bytes = lone_crs_as_line_feeds(bytes);
    match std::str::from_utf8(&bytes) {
        // A NUL is valid UTF-8, but no text file holds one: it marks a
        // binary or corrupted file. Markdown would pass it through to the
        // pages (CommonMark only asks renderers to replace it), and YAML
        // refuses it without saying where; stop here with its position.
        Ok(text) => {
            let problem = text.find('\0').map(|at| {
                Diagnostic::error(
                    path,
                    at..at + 1,
                    "this file contains a NUL character (byte 0), which text never holds",
                )
                .with_help("remove it; binary files must not end in .md")
            });
            (Arc::from(text), problem)
        }
        Err(e) => {
            let at = e.valid_up_to();
            let text: Arc<str> = Arc::from(String::from_utf8_lossy(&bytes));
            let problem = Diagnostic::error(path, at..at, "this file is not valid UTF-8 text")
                .with_help(
                    "save the file as UTF-8 in your editor (binary files must not end in .md)",
                );
            (text, Some(problem))
        }
    }
}

/// `bytes` with each CR that no LF follows made an LF.
///
/// CommonMark and YAML both end a line at a lone CR, but tier0 found the
/// front matter's `---` fences, and counted lines for every `file:line:col`,
/// at LFs only: a file saved with classic Mac OS line endings lost its
/// front matter without a word ("no id", "no title"). Now it is read as
/// the Markdown parser reads it. One byte for one, so every offset, and
/// every diagnostic's position, stays the same; CRLF is left as it is.
fn lone_crs_as_line_feeds(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    let Some(first) = memchr::memchr_iter(b'\r', bytes).find(|&i| lone(i)) else {
        return std::borrow::Cow::Borrowed(bytes);
    };
    let mut out = bytes.to_vec();
    for i in memchr::memchr_iter(b'\r', &bytes[first..]).map(|i| first + i) {
        if lone(i) {
            out[i] = b'\n';
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Every file of the site's theme folder, by `/`-separated path inside it.
fn read_theme(dir: &Path) -> io::Result<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| !is_scratch(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = entry.map_err(io::Error::other)?;
        if entry.file_type().is_file()
            && let Some(rel) = relative(dir, entry.path())
        {
            files.insert(rel, std::fs::read(entry.path())?);
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests;
