//! Link targets written as a Python object's dotted name
//! (`[processors](acme.processors)`), which MyST lets Sphinx resolve
//! against the API documentation (autodoc, reStructuredText pages) that
//! tier0 does not read: told apart from a missing file's name.

/// The endings of file names a link may name that also read as the last
/// part of a Python object's name (`notes.md`, `setup.py`): such a
/// target is a missing file, not a reference.
const FILE_ENDINGS: &[&str] = &[
    "md", "mdx", "markdown", "rst", "txt", "html", "htm", "ipynb", "png", "jpg", "jpeg", "gif",
    "svg", "webp", "pdf", "json", "yaml", "yml", "toml", "xml", "csv", "zip", "py", "js", "ts",
    "css",
];

/// Whether `target` is written as a Python object's dotted name
/// (`acme.processors.TimeStamper`): two parts or more, each an
/// identifier, the last no file ending.
pub(super) fn is_object_name(target: &str) -> bool {
    let parts: Vec<&str> = target.split('.').collect();
    let identifier = |part: &&str| {
        part.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    parts.len() > 1
        && parts.iter().all(identifier)
        && parts
            .last()
            .is_some_and(|last| !FILE_ENDINGS.contains(&last.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::is_object_name;

    #[test]
    fn a_dotted_python_name_is_an_object_name() {
        for name in [
            "acme.processors",
            "acme.processors.TimeStamper",
            "logging.Logger",
            "a._b2",
        ] {
            assert!(is_object_name(name), "{name}");
        }
    }

    #[test]
    fn a_file_name_or_a_path_is_not() {
        for name in [
            "notes.md",
            "setup.py",
            "logo.PNG",
            "acme",
            "guide/acme.processors",
            "./acme.processors",
            "acme..processors",
            "acme.2nd",
            "acme-x.y",
            "",
        ] {
            assert!(!is_object_name(name), "{name}");
        }
    }
}
