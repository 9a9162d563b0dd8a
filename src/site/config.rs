//! The configuration a build runs with: `tier0.yaml` read, or its
//! defaults, and for a project of another generator built where it stands,
//! the folder, name and languages that generator's configuration gives it.

use std::path::Path;

use super::BuildError;
use crate::config::{Config, ContentDirFrom, LanguageConfig, Localized};
use crate::diagnostics::{Diagnostic, SourceTexts};
use crate::discover::{self, CONFIG_FILE, CONTENT_DIR};

/// The configuration in `tier0.yaml` at `root` (the defaults when there is
/// none), its warnings, and its text for showing them.
pub fn load_config(root: &Path) -> Result<(Config, Vec<Diagnostic>, SourceTexts), BuildError> {
    let mut texts = SourceTexts::default();
    let file = discover::config(root)?;
    let without_file = file.is_none();
    let (mut config, mut warnings) = match file {
        None => (Config::default(), Vec::new()),
        Some(file) => {
            texts.insert(CONFIG_FILE, file.text.clone());
            match Config::from_yaml(Path::new(CONFIG_FILE), &file.text) {
                Ok(read) => read,
                Err(diagnostics) => return Err(BuildError::Content { diagnostics, texts }),
            }
        }
    };
    adopt_generator_folder(root, &mut config);
    config.page_files_from = discover::page_files(root, &config.content_dir);
    if without_file {
        config = adopt_generator_project(root, config);
    }
    mount_folders(root, &mut config, &mut warnings);
    // A folder the config names is the one chosen.
    if let ContentDirFrom::Generator(_) = config.content_dir_from
        && let Some((warning, text)) = discover::unread_versions(root, &config.content_dir)
    {
        texts.insert(warning.path.clone(), text.into());
        warnings.push(warning);
    }
    Ok((config, warnings, texts))
}

/// Reads the folders that the project whose pages the content folder
/// holds keeps outside it: its translations (Docusaurus's `i18n/`) as
/// those languages' folders, warning about those of languages the site
/// does not list; and its static files (Docusaurus's `static/`, Hugo's)
/// as the folder [`discover::STATIC_FILES`], but for a folder a tier0
/// build wrote: Astro's `public/` is tier0's default output, and a
/// Starlight project without static files of its own, built once where
/// it stands, had its previous site published again inside the next
/// (drafts of a `--drafts` preview included), or refused as a source.
fn mount_folders(root: &Path, config: &mut Config, warnings: &mut Vec<Diagnostic>) {
    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let (mounted, unlisted) = discover::docusaurus_translations(root, &config.content_dir, &codes);
    config.mounted = mounted;
    let statics = discover::static_folders(root, &config.content_dir);
    (config.mounted).extend(
        statics
            .into_iter()
            .filter(|m| !crate::write::is_output(&root.join(&m.dir))),
    );
    warnings.extend(unlisted);
}

/// The language every generator whose folder tier0 takes publishes in
/// when its configuration names none: MkDocs's theme locale, mdBook's
/// `language`, Sphinx's `language` (since 5.0), Docusaurus's
/// `defaultLocale`, VitePress's `lang`, Hugo's and Zola's default language.
const GENERATORS_DEFAULT_LANGUAGE: &str = "en";

/// `config`, the defaults of a site with no `tier0.yaml`, with what
/// another generator's configuration at `root` says of the project: a
/// project built where it stands keeps its name and its languages
/// (`theme.language: de` of an `mkdocs.yml`, the languages of its
/// translations), so its pages are marked with them and its search does
/// not read them as Spanish; the pages of another generator's project (its
/// content folder taken from that generator's configuration) that names
/// none are in that generator's default, English, and so are those of a
/// Hugo or Zola project, whose `content/` is tier0's own folder. Those are then the
/// site's languages, its own first, each under its own name: tier0's
/// defaults are not the project's (an English MkDocs project showed an
/// empty Spanish home). A code that names a folder tier0 writes (`kb`) is
/// passed over.
fn adopt_generator_project(root: &Path, mut config: Config) -> Config {
    let project = discover::generator_project(root);
    if let Some((title, _)) = project.title {
        config.title = Localized::Text(title);
    }
    let named = project
        .language
        .map(|(code, named_by)| (code, format!("as {named_by} names it")));
    let default = match &config.content_dir_from {
        ContentDirFrom::Generator(folder) => Some(format!(
            "the default of the generator whose pages it publishes ({folder})"
        )),
        ContentDirFrom::Default | ContentDirFrom::Config => project
            .unnamed_english
            .map(|file| format!("the default of the generator configured by {file}")),
    }
    .map(|why| (GENERATORS_DEFAULT_LANGUAGE.to_owned(), why));
    let translated = project
        .translated
        .first()
        .map(|(code, named_by)| (code.clone(), format!("as {named_by} names it")));
    let Some((code, why)) = named.or(default).or(translated) else {
        return config;
    };
    let mut codes = vec![code.clone()];
    for (other, _) in project.translated {
        if !codes.contains(&other) {
            codes.push(other);
        }
    }
    codes.retain(|c| crate::output_paths::generated_named(c).is_none());
    if codes.first() != Some(&code) {
        return config;
    }
    config.languages = codes
        .into_iter()
        .map(|code| LanguageConfig {
            name: crate::config::language_name(&code),
            code,
        })
        .collect();
    config.default_language = code;
    config.default_language_from = Some(why);
    config
}

/// When `config` names no content folder, the folder of the default
/// language of a Hugo project translated by folder (`content/en`), or,
/// when `root` has no `content/`, the folder another generator's
/// configuration at `root` names (`docs/` beside an `mkdocs.yml`): a
/// project builds where it stands.
fn adopt_generator_folder(root: &Path, config: &mut Config) {
    if config.content_dir_from != ContentDirFrom::Default {
        return;
    }
    let found = discover::hugo_language_folder(root).or_else(|| {
        (!root.join(CONTENT_DIR).exists())
            .then(|| discover::generator_folder(root))
            .flatten()
    });
    if let Some(found) = found {
        config.content_dir = found.dir;
        config.content_dir_from = ContentDirFrom::Generator(found.named_by);
    }
}
