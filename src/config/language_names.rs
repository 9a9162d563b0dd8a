//! Endonyms of common languages: the name a language is listed under when
//! tier0 adds it to a site itself (a new `tier0.yaml` written by an
//! import, the language another generator names for a project without
//! one).

/// Endonyms of common languages, by primary subtag.
const LANGUAGE_NAMES: &[(&str, &str)] = &[
    ("ca", "Català"),
    ("cs", "Čeština"),
    ("da", "Dansk"),
    ("de", "Deutsch"),
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("es", "Español"),
    ("fi", "Suomi"),
    ("fr", "Français"),
    ("hu", "Magyar"),
    ("id", "Bahasa Indonesia"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("nl", "Nederlands"),
    ("no", "Norsk"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("sv", "Svenska"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("vi", "Tiếng Việt"),
    ("zh", "中文"),
];

/// The name of the language `code` in that language (`Deutsch`), with the
/// code when it has a region (`Português (pt-br)`); the code itself for a
/// language not in the table.
pub fn language_name(code: &str) -> String {
    let primary = code.split('-').next().unwrap_or(code);
    LANGUAGE_NAMES
        .iter()
        .find(|(c, _)| *c == primary)
        .map_or_else(
            || code.to_owned(),
            |(_, name)| {
                if primary == code {
                    (*name).to_owned()
                } else {
                    format!("{name} ({code})")
                }
            },
        )
}

/// Whether `code` (`fr`, `pt-BR`, in any case) is that of a language the
/// table names: a folder so named is most likely its pages.
pub fn is_language_code(code: &str) -> bool {
    let primary = code.split('-').next().unwrap_or(code);
    LANGUAGE_NAMES
        .iter()
        .any(|(c, _)| c.eq_ignore_ascii_case(primary))
}
